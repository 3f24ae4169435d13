// The benchmark's API server (the Kubernetes API's Postgres objects and the public API's
// clusters), in its own process so it does not share the clients' event loop.
// Every response (status line, headers and body) is serialised once at start-up and written as one
// buffer; requests are parsed only as far as their path. node:http costs about as much CPU per
// request as the clients being measured, which would make the server the bottleneck at c=16.
// Protocol on stdin/stdout: it prints {"url"} once listening; each stdin line `cpu` is answered with
// {"cpuMs"}, the process's CPU time so far, so the benchmark can report how busy the server was.
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const count = Number(process.argv[2] ?? '500');
const base = '/apis/apps.cozystack.io/v1alpha1/namespaces/bench/postgreses';
const items = [];
for (let index = 0; index < count; index += 1) {
  const name = `bench-${String(index).padStart(3, '0')}`;
  items.push({
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: {
      name,
      namespace: 'bench',
      uid: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
      resourceVersion: String(1000 + index),
      generation: 1,
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: 'bench' },
    },
    spec: {
      replicas: 3,
      resourcesPreset: 'small',
      size: '20Gi',
      version: 'v17',
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      users: { app: {} },
      databases: { app: { roles: { admin: ['app'] } } },
    },
    status: {
      version: '0.18.0',
      conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded', message: 'ready', lastTransitionTime: '2026-01-01T00:01:00Z' }],
    },
  });
}

// The same 500 clusters as Hikube's public API shows them: int64 values as strings.
const projectId = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';
const publicBase = `/postgres/v1alpha1/projects/${projectId}/clusters`;
const clusters = items.map((item, index) => ({
  id: item.metadata.uid,
  projectId,
  name: item.metadata.name.replace('-', ''),
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:01:00Z',
  version: 'v17',
  replicas: '3',
  external: true,
  size: '20',
  preset: 'small',
  config: { maxConnections: '100' },
  quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' },
  host: `203.0.113.${index % 250}`,
  status: 'ready',
}));

function response(statusLine, value, close) {
  const body = Buffer.from(JSON.stringify(value));
  const head =
    `HTTP/1.1 ${statusLine}\r\ncontent-type: application/json\r\ncontent-length: ` +
    `${body.length}\r\nconnection: ${close ? 'close' : 'keep-alive'}\r\nkeep-alive: timeout=60\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

// Each answer twice: for keep-alive requests and for requests that asked to close the connection.
const answers = new Map();
const notFoundBody = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 };
for (const close of [false, true]) {
  for (const item of items) answers.set(`${close}${base}/${item.metadata.name}`, response('200 OK', item, close));
  answers.set(
    `${close}${base}`,
    response('200 OK', { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'PostgresList', metadata: { resourceVersion: '5000' }, items }, close),
  );
  for (const cluster of clusters) answers.set(`${close}${publicBase}/${cluster.name}`, response('200 OK', cluster, close));
  answers.set(`${close}${publicBase}`, response('200 OK', { totalCount: String(clusters.length), clusters }, close));
  answers.set(`${close}404`, response('404 Not Found', notFoundBody, close));
}

const headEnd = Buffer.from('\r\n\r\n');
const server = createServer({ noDelay: true }, (socket) => {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    // The clients send GETs without a body; each request ends at the blank line.
    for (let end = pending.indexOf(headEnd); end !== -1; end = pending.indexOf(headEnd)) {
      const head = pending.toString('latin1', 0, end);
      pending = pending.subarray(end + headEnd.length);
      const target = head.slice(head.indexOf(' ') + 1, head.indexOf(' HTTP/'));
      const close = /\r\nconnection: *close/i.test(head);
      const path = target.split('?')[0];
      const answer = answers.get(`${close}${path}`) ?? answers.get(`${close}404`);
      socket.write(answer);
      if (close) {
        socket.end();
        return;
      }
    }
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, projectId })}\n`);
});
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
});
commands.on('close', () => {
  server.close(() => process.exit(0));
  // Keep-alive sockets would hold close() open.
  setTimeout(() => process.exit(0), 200).unref();
});

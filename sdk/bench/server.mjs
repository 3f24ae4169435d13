// The benchmark's API server, in its own process so it does not share the client's event loop.
// It answers from pre-serialised bodies so the clients, not the server, are what is measured.
import { createServer } from 'node:http';

const count = Number(process.argv[2] ?? '500');
const base = '/apis/apps.cozystack.io/v1alpha1/namespaces/bench/postgreses';
const items = [];
for (let index = 0; index < count; index += 1) {
  const name = `bench-${String(index).padStart(3, '0')}`;
  items.push({
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name, namespace: 'bench', uid: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`, resourceVersion: String(1000 + index), generation: 1, creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'bench' } },
    spec: { replicas: 3, resourcesPreset: 'small', size: '20Gi', version: 'v17', quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, users: { app: {} }, databases: { app: { roles: { admin: ['app'] } } } },
    status: { version: '0.18.0', conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded', message: 'ready', lastTransitionTime: '2026-01-01T00:01:00Z' }] },
  });
}
const bodies = new Map(items.map((item) => [`${base}/${item.metadata.name}`, Buffer.from(JSON.stringify(item))]));
bodies.set(base, Buffer.from(JSON.stringify({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'PostgresList', metadata: { resourceVersion: '5000' }, items })));
const notFound = Buffer.from(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));

const server = createServer((request, response) => {
  const body = bodies.get((request.url ?? '').split('?')[0]);
  response.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'content-length': (body ?? notFound).length });
  response.end(body ?? notFound);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));

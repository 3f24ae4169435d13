// get and list of 500 Postgres objects at concurrency 1 and 16, side by side: @hikube/sdk,
// @kubernetes/client-node's CustomObjectsApi (1.x) and a bare undici Pool.request (the floor); then
// get and list of 500 clusters of Hikube's public API: @hikube/sdk/public against the same floor.
// Prints requests/s, p50 and p99 per client, the ratios to client-node and to the floor (round by
// round, against the floor run next to it), CPU time per call, and how busy the client and the
// server process were (percent of one core), so a row where the server is the bottleneck shows as
// such. Run: npm run bench -w @hikube/sdk (BENCH_APIS=public for one table, BENCH_ROUNDS=n).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import * as k8s from '@kubernetes/client-node';
import { createClient } from '../dist/kubernetes.js';
import { createPublicClient } from '../dist/public-api.js';

const objects = 500;
const namespace = 'bench';
const group = 'apps.cozystack.io';
const version = 'v1alpha1';
const plural = 'postgreses';
const rounds = Number(process.env.BENCH_ROUNDS ?? '9');
const apis = (process.env.BENCH_APIS ?? 'kubernetes,public').split(',');

const serverProcess = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url)), String(objects)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const serverLines = createInterface({ input: serverProcess.stdout })[Symbol.asyncIterator]();
const nextServerLine = async () => JSON.parse((await serverLines.next()).value);
const { url, projectId } = await nextServerLine();
/** CPU milliseconds the server process has used so far. */
async function serverCpuMs() {
  serverProcess.stdin.write('cpu\n');
  return (await nextServerLine()).cpuMs;
}

const sdk = createClient({ server: url, namespace, kubeconfig: false, connections: 16 });
const pool = new Pool(url, { connections: 16, pipelining: 1, keepAliveTimeout: 30_000 });
const kc = new k8s.KubeConfig();
kc.loadFromOptions({
  clusters: [{ name: 'bench', server: url, skipTLSVerify: true }],
  users: [{ name: 'bench' }],
  contexts: [{ name: 'bench', cluster: 'bench', user: 'bench', namespace }],
  currentContext: 'bench',
});
const customObjects = kc.makeApiClient(k8s.CustomObjectsApi);
const apiKey = `sk_hk_${'0'.repeat(32)}_benchsecret`;
const hikube = createPublicClient({ baseUrl: url, apiKey, projectId, env: {} });

const getPath = (name) => `/apis/${group}/${version}/namespaces/${namespace}/${plural}/${name}`;
const listPath = `/apis/${group}/${version}/namespaces/${namespace}/${plural}`;
const name = (index) => `bench-${String(index % objects).padStart(3, '0')}`;

const floorLabel = 'undici Pool.request (floor)';
const clientNodeLabel = '@kubernetes/client-node 1.3.0';
const kubernetesClients = {
  [floorLabel]: {
    get: async (index) => {
      const response = await pool.request({ method: 'GET', path: getPath(name(index)), headers: { accept: 'application/json' } });
      return response.body.json();
    },
    list: async () => {
      const response = await pool.request({ method: 'GET', path: listPath, headers: { accept: 'application/json' } });
      return (await response.body.json()).items;
    },
  },
  '@hikube/sdk': {
    get: (index) => sdk.postgres.get(name(index)),
    list: () => sdk.postgres.listAll(),
  },
  [clientNodeLabel]: {
    get: (index) => customObjects.getNamespacedCustomObject({ group, version, namespace, plural, name: name(index) }),
    list: async () => (await customObjects.listNamespacedCustomObject({ group, version, namespace, plural })).items,
  },
};

const publicPath = `/postgres/v1alpha1/projects/${projectId}/clusters`;
const publicName = (index) => `bench${String(index % objects).padStart(3, '0')}`;
const publicHeaders = { accept: 'application/json', 'x-hikube-api-key': apiKey };
const publicClients = {
  [floorLabel]: {
    get: async (index) => {
      const response = await pool.request({ method: 'GET', path: `${publicPath}/${publicName(index)}`, headers: publicHeaders });
      return response.body.json();
    },
    list: async () => {
      const response = await pool.request({ method: 'GET', path: publicPath, headers: publicHeaders });
      return (await response.body.json()).clusters;
    },
  },
  '@hikube/sdk/public': {
    get: (index) => hikube.postgres.clusters.get(publicName(index)),
    list: () => hikube.postgres.clusters.list(),
  },
};

// Every client must have read the same answer: an object named like the one asked for, or all items.
const checks = {
  kubernetes: (op, index, result) => (op === 'get' ? result?.metadata?.name === name(index) : result?.length === objects),
  public: (op, index, result) => (op === 'get' ? result?.name === publicName(index) : result?.length === objects),
};

// Between runs, when node runs with --expose-gc (npm run bench does): each run starts on a collected
// heap instead of paying for the garbage the previous client left.
const collectGarbage = globalThis.gc ?? (() => {});

async function run(op, call, check, total, concurrency) {
  const latencies = new Float64Array(total);
  let next = 0;
  collectGarbage();
  const serverBefore = await serverCpuMs();
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < total; index = next++) {
        const t0 = process.hrtime.bigint();
        if (!check(op, index, await call(index))) throw new Error(`${op}: unexpected result`);
        latencies[index] = Number(process.hrtime.bigint() - t0) / 1e6;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  const serverMs = (await serverCpuMs()) - serverBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  const clientCpu = (client.user + client.system) / 1e4 / seconds;
  const rps = total / seconds;
  return {
    rps,
    p50: sorted[Math.floor(total * 0.5)],
    p99: sorted[Math.min(total - 1, Math.floor(total * 0.99))],
    clientCpu,
    cpuPerCall: (clientCpu * 1e4) / rps,
    serverCpu: serverMs / 10 / seconds,
  };
}

// Each round is long enough to outlast a garbage collection or two (a list takes 1-3 ms).
const scenarios = [
  { op: 'get', concurrency: 1, total: 2000, warmup: 1000 },
  { op: 'get', concurrency: 16, total: 4000, warmup: 1000 },
  { op: 'list 500', concurrency: 1, total: 100, warmup: 30 },
  { op: 'list 500', concurrency: 16, total: 160, warmup: 48 },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percent = (ratio) => `${(ratio * 100).toFixed(0)}%`;

/**
 * The rows of one API's table: every scenario, rounds interleaved, each figure the median of its
 * rounds. A client's ratios to the floor are taken round by round (the floor ran next to it, under
 * the same load), then their median is reported with their range.
 */
async function measure(clients, check) {
  const rows = [];
  const floorRps = {};
  const labels = Object.keys(clients);
  for (const scenario of scenarios) {
    const samples = Object.fromEntries(labels.map((label) => [label, []]));
    const op = scenario.op === 'get' ? 'get' : 'list';
    for (const label of labels) await run(op, clients[label][op], check, scenario.warmup, scenario.concurrency);
    // Rounds interleave the clients so a noisy moment on the shared machine hits them alike, and
    // every other round reverses their order, so none always runs first or after the same one.
    for (let round = 0; round < rounds; round += 1) {
      for (const label of round % 2 === 0 ? labels : [...labels].reverse()) {
        samples[label].push(await run(op, clients[label][op], check, scenario.total, scenario.concurrency));
      }
    }
    const floor = samples[floorLabel];
    const theirs = samples[clientNodeLabel];
    const key = `${scenario.op} c=${scenario.concurrency}`;
    floorRps[key] = median(floor.map((result) => result.rps));
    for (const label of labels) {
      const list = samples[label];
      const of = (field) => median(list.map((result) => result[field]));
      const ratios = list.map((result, round) => result.rps / floor[round].rps);
      const cpuRatios = list.map((result, round) => result.cpuPerCall / floor[round].cpuPerCall);
      rows.push({
        operation: key,
        client: label,
        'req/s': Math.round(of('rps')),
        'p50 ms': of('p50').toFixed(3),
        'p99 ms': of('p99').toFixed(3),
        ...(theirs ? { 'vs client-node': `${median(list.map((result, round) => result.rps / theirs[round].rps)).toFixed(2)}x` } : {}),
        'vs floor': percent(median(ratios)),
        'vs floor, rounds': `${percent(Math.min(...ratios))}-${percent(Math.max(...ratios))}`,
        'client CPU': `${of('clientCpu').toFixed(0)}%`,
        // CPU time per call: steadier than req/s when other jobs take the cores.
        'client CPU us/req': of('cpuPerCall').toFixed(0),
        'CPU/req vs floor': `${median(cpuRatios) >= 1 ? '+' : ''}${((median(cpuRatios) - 1) * 100).toFixed(0)}%`,
        'server CPU': `${of('serverCpu').toFixed(0)}%`,
      });
    }
  }
  return { rows, floorRps };
}

function printTable(title, { rows, floorRps }) {
  console.log(`\n${title}`);
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const format = (values) => `| ${values.map((value, index) => String(value).padEnd(widths[index])).join(' | ')} |`;
  console.log(format(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(format(columns.map((column) => row[column])));
  // If the server had headroom, more concurrency lets the floor go faster; if not, the rows measure it.
  for (const op of ['get', 'list 500']) console.log(`floor ${op}: c=16 / c=1 = ${(floorRps[`${op} c=16`] / floorRps[`${op} c=1`]).toFixed(2)}x`);
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(
  `Node ${process.version}, ${availableParallelism()} cores, load average ${load()} at the start; ` +
    `${objects} objects, median of ${rounds} interleaved ` +
    `rounds${globalThis.gc ? ', heap collected before each run' : ''}.`,
);
console.log(
  'The server runs in its own process and answers from pre-serialised bytes. CPU columns: percent of ' +
    'one core used by the benchmark process (the client) and by the server process.',
);
if (apis.includes('kubernetes')) printTable('Kubernetes API (apps.cozystack.io Postgres objects):', await measure(kubernetesClients, checks.kubernetes));
if (apis.includes('public')) printTable("Hikube's public API (PostgreSQL clusters, int64 values as strings):", await measure(publicClients, checks.public));

console.log(`\nload average ${load()} at the end`);

await sdk.close();
await hikube.close();
await pool.close();
const exited = once(serverProcess, 'exit');
serverProcess.stdin.end();
await exited;

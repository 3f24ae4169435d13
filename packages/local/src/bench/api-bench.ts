// `npm run bench -w @hikube/local`: create, get, list (full and paged) with 1,000 and 10,000
// Postgres objects, and watch fan-out to 50 watchers, over HTTPS against an in-process server with
// a no-op reconciler (the API machinery alone). Prints p50/p99 and memory.

import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reconciler } from '../controllers/reconciler.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

const P = '/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses';

const idleReconciler: Reconciler = {
  name: 'none',
  start: async () => undefined,
  reconcile: async () => ({}),
  finalize: async () => ({ done: true }),
  podDeleted: async () => undefined,
  siteOperation: async () => undefined,
  stop: async () => undefined,
};

interface Client {
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; text: string }>;
  agent: Agent;
  token: string;
  url: string;
}

function client(local: HikubeLocal): Client {
  const agent = new Agent({ ca: local.caCertPem, keepAlive: true, maxSockets: 64 });
  const token = local.tenants[0]?.token as string;
  return {
    agent,
    token,
    url: local.url,
    call: (method, path, body, contentType = 'application/json') =>
      new Promise((resolve, reject) => {
        const req = request(`${local.url}${path}`, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Row {
  objects: number;
  operation: string;
  count: number;
  p50: number;
  p99: number;
  note: string;
}

async function timed(count: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await op(i);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times.sort((a, b) => a - b);
}

function row(objects: number, operation: string, times: number[], note = ''): Row {
  return { objects, operation, count: times.length, p50: percentile(times, 50), p99: percentile(times, 99), note };
}

function expectOk(r: { status: number; text: string }, what: string): void {
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
}

async function benchCount(n: number, rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hikube-local-bench-'));
  const local = await startHikubeLocal({ dataDir: dir, port: 0, driver: idleReconciler });
  const c = client(local);
  try {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const creates = await timed(n, 32, async (i) => {
      expectOk(
        await c.call('POST', P, {
          apiVersion: 'apps.cozystack.io/v1alpha1',
          kind: 'Postgres',
          metadata: { name: `pg-${String(i).padStart(5, '0')}`, labels: { shard: String(i % 10) } },
          spec: { replicas: 3 },
        }),
        'create',
      );
    });
    const createSeconds = (performance.now() - t0) / 1000;
    rows.push(row(n, 'create (32 concurrent)', creates, `${Math.round(n / createSeconds)} writes/s, fsync per group commit`));
    const heapAfter = process.memoryUsage().heapUsed;
    rows.push({
      objects: n,
      operation: 'memory',
      count: n,
      p50: NaN,
      p99: NaN,
      note: `heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
    });
    const gets = await timed(2000, 1, async (i) => {
      expectOk(await c.call('GET', `${P}/pg-${String((i * 7919) % n).padStart(5, '0')}`), 'get');
    });
    rows.push(row(n, 'get (sequential)', gets));
    const firstPages = await timed(300, 1, async () => {
      expectOk(await c.call('GET', `${P}?limit=100`), 'page');
    });
    rows.push(row(n, 'list first page (limit=100, sequential)', firstPages));
    const middle = JSON.parse((await c.call('GET', `${P}?limit=${Math.floor(n / 2)}`)).text) as { metadata: { continue: string } };
    const middlePages = await timed(300, 1, async () => {
      expectOk(await c.call('GET', `${P}?limit=100&continue=${middle.metadata.continue}`), 'page');
    });
    rows.push(row(n, 'list middle page (limit=100, sequential)', middlePages));
    const selected = await timed(100, 1, async () => {
      expectOk(await c.call('GET', `${P}?labelSelector=shard%3D3&limit=100`), 'selector');
    });
    rows.push(row(n, 'list labelSelector page (limit=100)', selected, 'scans until 100 matches'));
    const fullLists = await timed(n >= 10_000 ? 5 : 20, 1, async () => {
      expectOk(await c.call('GET', P), 'list');
    });
    rows.push(row(n, 'list all (one response)', fullLists));
    if (n === 1000) await benchWatch(c, rows, n);
  } finally {
    c.agent.destroy();
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchWatch(c: Client, rows: Row[], n: number): Promise<void> {
  const watchers = 50;
  const events = 100;
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const watchAgent = new Agent({ ca: c.agent.options.ca, keepAlive: true, maxSockets: watchers + 2 });
  const rv = (JSON.parse((await c.call('GET', `${P}?limit=1`)).text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  let received = 0;
  let done: () => void = () => undefined;
  const allDone = new Promise<void>((r) => (done = r));
  const requests = Array.from({ length: watchers }, () => {
    const req = request(
      `${c.url}${P}?watch=true&resourceVersion=${rv}&labelSelector=bench%3Dwatch`,
      { agent: watchAgent, headers: { authorization: `Bearer ${c.token}` } },
      (res) => {
        let buf = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          buf += d;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (!line) continue;
            const ev = JSON.parse(line) as { object: { metadata: { name: string } } };
            const t = sent.get(ev.object.metadata.name);
            if (t !== undefined) latencies.push(performance.now() - t);
            if (++received === watchers * events) done();
          }
        });
      },
    );
    req.on('error', () => undefined);
    req.end();
    return req;
  });
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < events; i++) {
    const name = `watch-${i}`;
    sent.set(name, performance.now());
    expectOk(
      await c.call('POST', P, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name, labels: { bench: 'watch' } }, spec: {} }),
      'watch create',
    );
  }
  await Promise.race([allDone, new Promise((r) => setTimeout(r, 30_000))]);
  for (const r of requests) r.destroy();
  watchAgent.destroy();
  latencies.sort((a, b) => a - b);
  rows.push(
    row(n, `watch fan-out (${watchers} watchers x ${events} events)`, latencies, `${received}/${watchers * events} delivered; write start -> event received`),
  );
}

function printTable(rows: Row[]): void {
  const header = ['objects', 'operation', 'count', 'p50 ms', 'p99 ms', 'note'];
  const cells = rows.map((r) => [
    String(r.objects),
    r.operation,
    String(r.count),
    Number.isNaN(r.p50) ? '-' : r.p50.toFixed(2),
    Number.isNaN(r.p99) ? '-' : r.p99.toFixed(2),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]): string => '| ' + c.map((v, i) => v.padEnd(widths[i] as number)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
}

const rows: Row[] = [];
for (const n of [1000, 10_000]) await benchCount(n, rows);
console.log(`Hikube Local API benchmark (node ${process.version}, in-process client over HTTPS/1.1 keep-alive, no-op reconciler)\n`);
printTable(rows);

// Engine benchmark (issue 4, section 7). Prints one table, all rows measured in the same run:
//  - create -> Ready (Ready and WorkloadsReady True) through the controller loop for 1, 3 and 5
//    instances, next to the floor: a plain script doing the same clone/start/pg_basebackup steps;
//  - failover: SIGKILL of the primary's postmaster -> first successful write through rw;
//  - acknowledged transactions lost on failover under quorum 1 and under async replication.
// Run: npm run bench:engine -w @hikube/local (builds first). Needs PostgreSQL 15 binaries.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '@hikube/testkit';
import { locatePg } from '../../engine/pg-binaries.js';
import { writeInstanceConf } from '../../engine/pg-conf.js';
import { PgInstance } from '../../engine/pg-instance.js';
import { InstanceProbe } from '../../engine/pg-probe.js';
import { cloneStandby, ensureReplicationRole, slotNameFor } from '../../engine/pg-replication.js';
import { cloneTemplate, ensureTemplate } from '../../engine/pg-template.js';
import { resolveRunAs } from '../../engine/run-as.js';
import { POSTGRES_FINALIZER } from '../../store/finalizers.js';
import { ObjectService } from '../../store/object-service.js';
import { ObjectStore } from '../../store/object-store.js';
import { POSTGRES, SCHEDULING_CLASS } from '../../store/resource-types.js';
import { ControllerLoop } from '../controller-loop.js';
import { builtinSchedulingClasses } from '../placement.js';
import { PgClusterRuntime, type ClusterDesired } from './cluster-runtime.js';
import { EngineReconciler } from './engine-reconciler.js';

const MAJOR = Number(process.env['HIKUBE_BENCH_PG_MAJOR'] ?? 15);
const FAILOVER_TRIALS = Number(process.env['HIKUBE_BENCH_FAILOVER_TRIALS'] ?? 10);
const LOSS_TRIALS = Number(process.env['HIKUBE_BENCH_LOSS_TRIALS'] ?? 3);

const ms = (n: number): string => `${Math.round(n)} ms`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function waitStreaming(inst: PgInstance): Promise<void> {
  const probe = new InstanceProbe(inst);
  try {
    for (;;) {
      const h = await probe.probe(1000);
      if (h.reachable && h.streaming) return;
      await sleep(2);
    }
  } finally {
    probe.close();
  }
}

/** The floor: the same steps, in a plain script, sequential, no controller. */
async function floor(root: string, template: string, n: number): Promise<number> {
  const bins = await locatePg(MAJOR);
  const runAs = await resolveRunAs();
  const dir = join(root, `floor-${n}`);
  const made: PgInstance[] = [];
  const t0 = performance.now();
  try {
    const primary = new PgInstance({ name: 'f-1', binaries: bins, dir: join(dir, 'f-1'), port: await freePort(), runAs });
    made.push(primary);
    await primary.prepareDirs();
    await cloneTemplate(template, primary.dataDir);
    await writeInstanceConf(primary.dataDir, {}, runAs);
    await primary.start();
    await ensureReplicationRole(primary);
    for (let i = 2; i <= n; i++) {
      const s = new PgInstance({ name: `f-${i}`, binaries: bins, dir: join(dir, `f-${i}`), port: await freePort(), runAs });
      made.push(s);
      await cloneStandby(primary, s, slotNameFor(s.name));
      await s.start();
      await waitStreaming(s);
    }
    return performance.now() - t0;
  } finally {
    for (const m of made) await m.stop('immediate').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Create -> Ready through the controller loop and the engine reconciler. */
async function createToReady(root: string, n: number): Promise<number> {
  const service = new ObjectService(await ObjectStore.open());
  for (const sc of builtinSchedulingClasses()) await service.create(SCHEDULING_CLASS, sc);
  const loop = new ControllerLoop(service, new EngineReconciler(), { dataDir: join(root, `loop-${n}`) });
  await loop.start();
  try {
    const t0 = performance.now();
    await service.create(POSTGRES, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: `b${n}`, namespace: 'bench', finalizers: [POSTGRES_FINALIZER] },
      spec: { replicas: n, version: `v${MAJOR}`, quorum: n > 1 ? { minSyncReplicas: 1, maxSyncReplicas: 1 } : { minSyncReplicas: 0, maxSyncReplicas: 0 } },
    });
    for (;;) {
      const st = (service.find(POSTGRES, 'bench', `b${n}`)?.['status'] ?? {}) as { conditions?: { type: string; status: string }[] };
      const ok = (t: string): boolean => st.conditions?.some((c) => c.type === t && c.status === 'True') === true;
      if (ok('Ready') && ok('WorkloadsReady')) return performance.now() - t0;
      await sleep(2);
    }
  } finally {
    await service.delete(POSTGRES, 'bench', `b${n}`).catch(() => undefined);
    for (let i = 0; i < 500 && service.find(POSTGRES, 'bench', `b${n}`); i++) await sleep(10);
    await loop.stop();
  }
}

function desired(quorum: boolean): ClusterDesired {
  const sites = ['gland', 'lucerne', 'geneva'];
  return {
    major: MAJOR,
    replicas: 3,
    quorum: quorum ? { minSyncReplicas: 1, maxSyncReplicas: 1 } : { minSyncReplicas: 0, maxSyncReplicas: 0 },
    parameters: {},
    siteOf: (n) => sites[(n - 1) % 3] ?? 'gland',
    roles: { users: { bench: { password: 'bench-password' } }, databases: { benchdb: { admins: ['bench'], readonly: [], extensions: [] } } },
    external: false,
  };
}

function benchClient(port: number): pg.Client {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'bench', password: 'bench-password', database: 'benchdb', connectionTimeoutMillis: 5_000 });
  c.on('error', () => undefined);
  return c;
}

async function healthy(rt: PgClusterRuntime): Promise<void> {
  for (;;) {
    const s = rt.snapshot();
    if (s.phase === 'Healthy' && s.instances.every((i) => i.ready)) return;
    await sleep(10);
  }
}

/** SIGKILL the primary's postmaster; time until an INSERT through rw commits. */
async function failoverTrial(rt: PgClusterRuntime): Promise<number> {
  await healthy(rt);
  const s = rt.snapshot();
  const pid = s.instances.find((i) => i.role === 'primary')?.pid;
  if (!pid) throw new Error('no primary');
  const t0 = performance.now();
  process.kill(pid, 'SIGKILL');
  for (;;) {
    const c = benchClient(s.proxies.rw);
    try {
      await c.connect();
      await c.query('INSERT INTO probe VALUES (default)');
      return performance.now() - t0;
    } catch {
      await sleep(5);
    } finally {
      await c.end().catch(() => undefined);
    }
  }
}

/** Writers commit as fast as they can; the primary is killed; count acknowledged rows missing. */
async function lossTrial(rt: PgClusterRuntime): Promise<{ acked: number; lost: number }> {
  await healthy(rt);
  const s = rt.snapshot();
  const acked: number[] = [];
  let next = 1;
  let stop = false;
  const writers = Array.from({ length: 4 }, async () => {
    const c = benchClient(s.proxies.rw);
    await c.connect();
    while (!stop) {
      const id = next++;
      try {
        await c.query('INSERT INTO ledger VALUES ($1, repeat($2, 200))', [id, 'x']);
        acked.push(id);
      } catch {
        break;
      }
    }
    await c.end().catch(() => undefined);
  });
  await sleep(300);
  const pid = rt.snapshot().instances.find((i) => i.role === 'primary')?.pid;
  if (pid) process.kill(pid, 'SIGKILL');
  await Promise.all(writers);
  stop = true;
  for (;;) {
    const c = benchClient(s.proxies.rw);
    try {
      await c.connect();
      const have = new Set((await c.query<{ id: number }>('SELECT id FROM ledger')).rows.map((r) => r.id));
      await c.query('TRUNCATE ledger');
      return { acked: acked.length, lost: acked.filter((id) => !have.has(id)).length };
    } catch {
      await sleep(10);
    } finally {
      await c.end().catch(() => undefined);
    }
  }
}

async function withCluster<T>(root: string, name: string, quorum: boolean, fn: (rt: PgClusterRuntime) => Promise<T>): Promise<T> {
  const rt = new PgClusterRuntime({ root: join(root, name), baseName: `postgres-${name}`, templateRoot: join(root, 'templates'), runAs: await resolveRunAs() });
  try {
    await rt.ensure(desired(quorum));
    const c = benchClient(rt.snapshot().proxies.rw);
    await c.connect();
    await c.query('CREATE TABLE IF NOT EXISTS probe (id serial primary key)');
    await c.query('CREATE TABLE IF NOT EXISTS ledger (id int primary key, pad text)');
    await c.end();
    return await fn(rt);
  } finally {
    await rt.destroy();
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'hikube-engine-bench-'));
  await chmod(root, 0o755);
  try {
    const bins = await locatePg(MAJOR);
    const runAs = await resolveRunAs();
    const t0 = performance.now();
    const template = await ensureTemplate(bins, join(root, 'templates'), runAs);
    const initdbMs = performance.now() - t0;
    // The loop's reconciler keeps templates under its data dir: warm them the same way.
    for (const n of [1, 3, 5]) await ensureTemplate(bins, join(root, `loop-${n}`, 'engine', 'templates'), runAs);

    const rows: string[][] = [];
    rows.push(['initdb of the template (once per major)', ms(initdbMs), '', '']);
    for (const n of [1, 3, 5]) {
      const f = await floor(root, template, n);
      const r = await createToReady(root, n);
      rows.push([`create -> Ready, ${n} instance(s)`, ms(r), `floor ${ms(f)}`, `${(r / f).toFixed(2)}x (target <= 1.5x)`]);
    }
    const failovers = await withCluster(root, 'fo', true, async (rt) => {
      const out: number[] = [];
      for (let i = 0; i < FAILOVER_TRIALS; i++) out.push(await failoverTrial(rt));
      return out;
    });
    rows.push([
      `failover kill -9 -> first write via rw (${failovers.length} trials)`,
      `median ${ms(median(failovers))}`,
      `max ${ms(Math.max(...failovers))}`,
      'target median < 1000 ms, max < 3000 ms',
    ]);
    for (const quorum of [true, false]) {
      const res = await withCluster(root, quorum ? 'lq' : 'la', quorum, async (rt) => {
        const out: { acked: number; lost: number }[] = [];
        for (let i = 0; i < LOSS_TRIALS; i++) out.push(await lossTrial(rt));
        return out;
      });
      const lost = res.reduce((a, b) => a + b.lost, 0);
      const acked = res.reduce((a, b) => a + b.acked, 0);
      rows.push([
        `acknowledged commits lost, ${quorum ? 'quorum ANY 1' : 'async'} (${res.length} kills)`,
        String(lost),
        `of ${acked} acknowledged`,
        quorum ? 'must be 0' : 'reported',
      ]);
    }
    const header = ['measure', 'result', 'reference', 'note'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    console.log(`\nHikube Local engine benchmark (PostgreSQL ${MAJOR}, ${new Date().toISOString()})\n`);
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();

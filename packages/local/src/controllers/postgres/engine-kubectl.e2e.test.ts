// The whole stack with the real kubectl and real PostgreSQL: Hikube Local started with the engine
// driver, a Postgres applied and waited on, credentials and the rw port read from the Secret and
// Service, `kubectl delete pod` of the primary, `hikube-local site down|up`, a restart of Hikube
// Local mid-life, and deletion.

import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kubectl } from '@hikube/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { startHikubeLocal, type HikubeLocal } from '../../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;
let kubeconfig: string;
let runner: Kubectl;
const kubectl = (...args: string[]) => runner.run(args, { check: false });

const MANIFEST = `apiVersion: apps.cozystack.io/v1alpha1
kind: Postgres
metadata:
  name: shop
spec:
  replicas: 3
  version: v15
  quorum:
    minSyncReplicas: 1
    maxSyncReplicas: 1
  users:
    app: {}
  databases:
    orders:
      roles:
        admin: [app]
`;

async function start(): Promise<void> {
  local = await startHikubeLocal({
    dataDir: join(dir, 'data'),
    port: 0,
    driver: 'engine',
    recordServerInfo: true,
    ...(process.env['HIKUBE_DEBUG'] ? { log: (l: string) => console.log(l) } : {}),
  });
  let text = '';
  await runCli(['kubeconfig', '--data-dir', local.dataDir], { stdout: (s) => (text += s), stderr: () => undefined });
  await writeFile(kubeconfig, text, { mode: 0o600 });
}

async function jsonOf<T>(...args: string[]): Promise<T> {
  const r = await kubectl(...args, '-o', 'json');
  if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

interface Pod {
  metadata: { name: string; uid: string; creationTimestamp: string; labels: Record<string, string> };
  spec: { nodeName: string };
  status: { conditions: { type: string; status: string }[] };
}

/** name -> uid@creationTimestamp, read with kubectl: a pod keeps both for its whole life. */
const podIds = async (): Promise<Record<string, string>> =>
  Object.fromEntries((await jsonOf<{ items: Pod[] }>('get', 'pods')).items.map((p) => [p.metadata.name, `${p.metadata.uid}@${p.metadata.creationTimestamp}`]));
let ids: Record<string, string> = {};

const primaryPod = async (): Promise<string | undefined> =>
  (await jsonOf<{ items: Pod[] }>('get', 'pods', '-l', 'cnpg.io/instanceRole=primary')).items[0]?.metadata.name;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function write(value: number): Promise<void> {
  const svc = await jsonOf<{ spec: { clusterIP: string; ports: { port: number }[] } }>('get', 'service', 'postgres-shop-rw');
  const secret = await jsonOf<{ data: Record<string, string> }>('get', 'secret', 'postgres-shop-credentials');
  const c = new pg.Client({
    host: svc.spec.clusterIP,
    port: svc.spec.ports[0]?.port ?? 0,
    user: 'app',
    password: Buffer.from(secret.data['app'] ?? '', 'base64').toString(),
    database: 'orders',
    connectionTimeoutMillis: 10_000,
  });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query('CREATE TABLE IF NOT EXISTS t (v int)');
    await c.query('INSERT INTO t VALUES ($1)', [value]);
  } finally {
    await c.end().catch(() => undefined);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hikube-engine-kubectl-'));
  await chmod(dir, 0o755);
  kubeconfig = join(dir, 'kubeconfig');
  await start();
  runner = await Kubectl.create({ kubeconfig });
});

afterAll(async () => {
  await runner?.dispose();
  await local?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('kubectl against Hikube Local with real PostgreSQL', () => {
  it('applies a Postgres and waits until it is Ready; pods are spread over the sites', async () => {
    const applied = await runner.apply(MANIFEST);
    expect(applied.stdout).toBe('postgres.apps.cozystack.io/shop created\n');
    const waited = await kubectl('wait', '--for=condition=Ready', 'postgres/shop', '--timeout=120s');
    expect(waited.stderr).toBe('');
    const pods = await until('three ready pods', async () => {
      const list = await jsonOf<{ items: Pod[] }>('get', 'pods');
      return list.items.length === 3 && list.items.every((p) => p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'))
        ? list.items
        : undefined;
    });
    expect(pods.map((p) => [p.spec.nodeName, p.metadata.labels['topology.kubernetes.io/zone']])).toEqual([
      ['gld-worker-1', undefined],
      ['luc-worker-1', undefined],
      ['plo-worker-1', undefined],
    ]);
    ids = await podIds();
    await write(1);
    expect(await podIds()).toEqual(ids);
  });

  it('kubectl delete pod of the primary moves rw to a standby', async () => {
    const before = await primaryPod();
    const del = await kubectl('delete', 'pod', before ?? '');
    expect(del.exitCode).toBe(0);
    const after = await until('another primary', async () => {
      const p = await primaryPod();
      return p && p !== before ? p : undefined;
    });
    expect(after).not.toBe(before);
    await write(2);
    // the deleted pod comes back as a new pod; the new primary's pod changed its role in place
    const now = await until('the deleted pod back', async () => {
      const v = await podIds();
      return Object.keys(v).length === 3 ? v : undefined;
    });
    expect(now[before ?? '']).not.toBe(ids[before ?? '']);
    expect(now[after]).toBe(ids[after]);
    ids = now;
  });

  it('hikube-local site down stops the instances there; site up brings them back', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) };
    expect(await runCli(['site', 'down', 'geneva', '--data-dir', local.dataDir], io)).toBe(0);
    await until('geneva pod not ready', async () => {
      const p = await jsonOf<Pod>('get', 'pod', 'postgres-shop-3');
      return p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'False');
    });
    await write(3);
    expect(await runCli(['site', 'up', 'geneva', '--data-dir', local.dataDir], io)).toBe(0);
    await until('all pods ready', async () => {
      const list = await jsonOf<{ items: Pod[] }>('get', 'pods');
      return list.items.every((p) => p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
    });
    expect(await podIds()).toEqual(ids);
  });

  it('a restart of Hikube Local keeps the cluster and its data', async () => {
    await local.stop();
    await start();
    const waited = await kubectl('wait', '--for=condition=Ready', 'postgres/shop', '--timeout=120s');
    expect(waited.stderr).toBe('');
    await write(4);
    expect(await podIds()).toEqual(ids);
  });

  it('kubectl delete postgres removes processes and data', async () => {
    const del = await kubectl('delete', 'postgres', 'shop', '--timeout=60s');
    expect(del.exitCode).toBe(0);
    expect(await readdir(join(local.dataDir, 'engine', 'clusters')).catch(() => [])).toEqual([]);
  });
});

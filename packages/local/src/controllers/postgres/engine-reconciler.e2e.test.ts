// The controller loop with the real PostgreSQL engine, in process: a Postgres object becomes a
// replicated cluster whose status, Pods, Services and Secret follow what the processes do.

import { access, chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketDirFor } from '../../engine/pg-instance.js';
import { POSTGRES_FINALIZER } from '../../store/finalizers.js';
import type { KubeObject } from '../../store/kube-object.js';
import { ObjectService } from '../../store/object-service.js';
import { ObjectStore } from '../../store/object-store.js';
import { EVENT, POD, POSTGRES, SCHEDULING_CLASS, SECRET, SERVICE } from '../../store/resource-types.js';
import { createLocalPki } from '../../tls/certificates.js';
import { ControllerLoop } from '../controller-loop.js';
import { builtinSchedulingClasses } from '../placement.js';
import { EngineReconciler } from './engine-reconciler.js';

let dir: string;
let service: ObjectService;
let loop: ControllerLoop;
const pki = createLocalPki();

async function startLoop(): Promise<void> {
  loop = new ControllerLoop(service, new EngineReconciler(), { dataDir: join(dir, 'data'), ca: pki.ca });
  await loop.start();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hikube-engine-rec-'));
  await chmod(dir, 0o755);
  service = new ObjectService(await ObjectStore.open());
  for (const sc of builtinSchedulingClasses()) await service.create(SCHEDULING_CLASS, sc);
  await startLoop();
});

afterAll(async () => {
  await loop.stop();
  await rm(dir, { recursive: true, force: true });
});

const conditions = (name: string): Record<string, string> => {
  const status = (service.find(POSTGRES, 'ns', name)?.['status'] ?? {}) as { conditions?: { type: string; status: string; reason: string }[] };
  return Object.fromEntries((status.conditions ?? []).map((c) => [c.type, `${c.status}/${c.reason}`]));
};
const readyCondition = (name: string): unknown =>
  ((service.find(POSTGRES, 'ns', name)?.['status'] ?? {}) as { conditions?: { type: string }[] }).conditions?.find((c) => c.type === 'Ready');
const status = (name: string): Record<string, unknown> => (service.find(POSTGRES, 'ns', name)?.['status'] ?? {}) as Record<string, unknown>;

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve()
      .then(fn)
      .catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(status('db'))}`);
    await sleep(25);
  }
}

/** name -> uid@creationTimestamp of each pod: a pod's identity, kept for its whole life. */
const podIds = (): Record<string, string> =>
  Object.fromEntries(
    service.list(POD, { namespace: 'ns' }).items.map((p: KubeObject) => [p.metadata.name, `${p.metadata.uid ?? ''}@${p.metadata.creationTimestamp ?? ''}`]),
  );
const podReadySince = (): Record<string, string | undefined> =>
  Object.fromEntries(
    service
      .list(POD, { namespace: 'ns' })
      .items.map((p: KubeObject) => [p.metadata.name, (p['status'] as { conditions?: { lastTransitionTime?: string }[] }).conditions?.[0]?.lastTransitionTime]),
  );
const podRoles = (): Record<string, string | undefined> =>
  Object.fromEntries(service.list(POD, { namespace: 'ns' }).items.map((p: KubeObject) => [p.metadata.name, p.metadata.labels?.['cnpg.io/instanceRole']]));
const podsReady = (): boolean =>
  service
    .list(POD, { namespace: 'ns' })
    .items.every((p: KubeObject) =>
      (p['status'] as { conditions?: { type: string; status: string }[] }).conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    );
const instancesStatus = (): { name: string; role: string; lagBytes?: number }[] =>
  (status('db')['instancesStatus'] ?? []) as { name: string; role: string; lagBytes?: number }[];
const standbyLags = (): (number | undefined)[] =>
  instancesStatus()
    .filter((i) => i.role === 'standby')
    .map((i) => i.lagBytes);
let ids: Record<string, string> = {};

/** The engine's own superuser session on one instance (unix socket), for fault injection. */
async function superuserOn(podName: string): Promise<pg.Client> {
  const clusters = join(dir, 'data', 'engine', 'clusters');
  const [clusterDir] = (await readdir(clusters)).filter((d) => d.startsWith('ns--db--'));
  const pod = service.get(POD, 'ns', podName);
  const c = new pg.Client({
    host: socketDirFor(join(clusters, clusterDir ?? '', podName)),
    port: Number(pod.metadata.annotations?.['local.hikube.io/port']),
    user: 'postgres',
    database: 'postgres',
    ssl: false,
  });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

const servicePort = (name: string): number => (service.get(SERVICE, 'ns', name)['spec'] as { ports: { port: number }[] }).ports[0]?.port ?? 0;
const password = (user: string): string =>
  Buffer.from((service.get(SECRET, 'ns', 'postgres-db-credentials')['data'] as Record<string, string>)[user] ?? '', 'base64').toString();

/** A session as a client would open it; `tlsHost`: over TLS to that address, checked against the CA (verify-full). */
async function query<T extends pg.QueryResultRow>(port: number, user: string, text: string, tlsHost?: string): Promise<T[]> {
  const c = new pg.Client({
    host: tlsHost ?? '127.0.0.1',
    port,
    user,
    password: password(user),
    database: 'shop',
    connectionTimeoutMillis: 5_000,
    ssl: tlsHost !== undefined ? { ca: pki.ca.certPem, rejectUnauthorized: true } : false,
  });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe('engine driver through the controller loop', () => {
  it('turns a Postgres into a ready 3-instance cluster with services, pods and credentials', async () => {
    await service.create(POSTGRES, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'db', namespace: 'ns', finalizers: [POSTGRES_FINALIZER] },
      spec: {
        replicas: 3,
        version: 'v15',
        external: true,
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
        users: { app: {}, viewer: { password: 'viewer-given-pw' } },
        databases: { shop: { roles: { admin: ['app'], readonly: ['viewer'] } } },
      },
    });
    await until('Ready', () => conditions('db')['Ready'] === 'True/InstallSucceeded' && conditions('db')['WorkloadsReady'] === 'True/WorkloadMonitorCheck');
    expect(conditions('db')['Released']).toBe('True/InstallSucceeded');
    const pods = service.list(POD, { namespace: 'ns' }).items;
    expect(
      pods.map((p: KubeObject) => [
        p.metadata.name,
        (p['spec'] as { nodeName: string }).nodeName,
        p.metadata.labels?.['topology.kubernetes.io/zone'],
        p.metadata.labels?.['cnpg.io/instanceRole'],
      ]),
    ).toEqual([
      ['postgres-db-1', 'gld-worker-1', undefined, 'primary'],
      ['postgres-db-2', 'luc-worker-1', undefined, 'replica'],
      ['postgres-db-3', 'plo-worker-1', undefined, 'replica'],
    ]);
    expect(status('db')).toMatchObject({ currentPrimary: 'postgres-db-1', synchronousStandbys: { number: 1 }, readyInstances: 3 });
    expect(password('app')).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(password('viewer')).toBe('viewer-given-pw');
    // the external endpoint: its own loopback address, on 5432 unless taken, published on the LoadBalancer
    const ext = service.get(SERVICE, 'ns', 'postgres-db-external-write');
    const ip = (ext['status'] as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0]?.ip ?? '';
    expect(ip).toMatch(/^127\.0\.0\.(\d+)$/);
    expect(ip).not.toBe('127.0.0.1');
    expect((ext['spec'] as { clusterIP: string }).clusterIP).toBe(ip);
    await query(servicePort('postgres-db-rw'), 'app', 'CREATE TABLE t (id int)');
    await query(servicePort('postgres-db-external-write'), 'app', 'INSERT INTO t VALUES (1)', ip);
    const rows = await until('row via ro', async () => {
      const r = await query<{ n: number }>(servicePort('postgres-db-ro'), 'viewer', 'SELECT count(*)::int AS n FROM t');
      return r[0]?.n === 1 ? r : undefined;
    });
    expect(rows).toEqual([{ n: 1 }]);
    ids = podIds();
  });

  it('keeps each pod (uid, creationTimestamp) across reconciles and status updates; lag in status is refreshed', async () => {
    const rvBefore = service.get(POSTGRES, 'ns', 'db').metadata.resourceVersion;
    // One standby stops replaying (commits only wait for a flush), a burst of WAL makes it lag,
    // then it resumes: status must show the lag and then none, each well before the 15 s periodic
    // reconcile, i.e. lag changes are refreshed on their own.
    const lagging = await superuserOn('postgres-db-3');
    try {
      await lagging.query('SELECT pg_wal_replay_pause()');
      await query(servicePort('postgres-db-rw'), 'app', "CREATE TABLE burst AS SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 60000) g");
      await until('the lag shown in status', () => (instancesStatus().find((i) => i.name === 'postgres-db-3')?.lagBytes ?? 0) > 1024 * 1024, 10_000);
      await lagging.query('SELECT pg_wal_replay_resume()');
    } finally {
      await lagging.end().catch(() => undefined);
    }
    await until('standbys caught up in status', () => standbyLags().length === 2 && standbyLags().every((l) => l === 0), 10_000);
    const pgObj = service.get(POSTGRES, 'ns', 'db');
    await service.update(POSTGRES, { ...pgObj, metadata: { ...pgObj.metadata, annotations: { ...pgObj.metadata.annotations, touched: '1' } } });
    await loop.idle();
    expect(service.get(POSTGRES, 'ns', 'db').metadata.resourceVersion).not.toBe(rvBefore);
    expect(podIds()).toEqual(ids);
  });

  it('kubectl delete pod of the primary fails over; rw keeps its port', async () => {
    const rw = servicePort('postgres-db-rw');
    const readyBefore = readyCondition('db');
    await service.delete(POD, 'ns', 'postgres-db-1');
    await until('a new primary', () => status('db')['currentPrimary'] !== 'postgres-db-1');
    // A failover is no Helm release: Ready is the very condition the install left.
    expect(readyCondition('db')).toEqual(readyBefore);
    await query(rw, 'app', 'INSERT INTO t VALUES (2)');
    expect(servicePort('postgres-db-rw')).toBe(rw);
    await until('all pods ready again', podsReady);
    expect(conditions('db')['WorkloadsReady']).toBe('True/WorkloadMonitorCheck');
    const events = service.list(EVENT, { namespace: 'ns' }).items.map((e) => e['reason']);
    expect(events).toEqual(expect.arrayContaining(['InstanceKilled', 'FailingOver', 'FailoverCompleted']));
    // the deleted pod is a new one (as on Kubernetes); the others changed role and readiness in place
    await until('pods ready', podsReady);
    const after = podIds();
    expect(after['postgres-db-1']).not.toBe(ids['postgres-db-1']);
    expect({ ...after, 'postgres-db-1': '' }).toEqual({ ...ids, 'postgres-db-1': '' });
    expect(podRoles()['postgres-db-1']).toBe('replica');
    expect(Object.values(podRoles()).filter((r) => r === 'primary')).toHaveLength(1);
    ids = after;
  });

  it('switches over on request (annotation) and records resources', async () => {
    const pgObj = service.get(POSTGRES, 'ns', 'db');
    await service.update(POSTGRES, { ...pgObj, metadata: { ...pgObj.metadata, annotations: { 'local.hikube.io/switchover-to': 'postgres-db-1' } } });
    await until(
      'postgres-db-1 primary again',
      () => status('db')['currentPrimary'] === 'postgres-db-1' && conditions('db')['Ready'] === 'True/InstallSucceeded',
    );
    await query(servicePort('postgres-db-rw'), 'app', 'INSERT INTO t VALUES (3)');
    expect(status('db')['resources']).toEqual({ applied: { shared_buffers: '64MB' }, recordedOnly: {} });
    const events = service.list(EVENT, { namespace: 'ns' }).items.map((e) => e['reason']);
    expect(events).toContain('SwitchoverCompleted');
    // roles and Ready conditions moved in place: no pod was re-created
    await until(
      'roles follow the switchover',
      () => podRoles()['postgres-db-1'] === 'primary' && Object.values(podRoles()).filter((r) => r === 'primary').length === 1,
    );
    await until('pods ready', podsReady);
    expect(podIds()).toEqual(ids);
  });

  it('a re-cloned instance is a new pod; the others keep theirs', async () => {
    const standby = ((status('db')['instancesStatus'] ?? []) as { name: string; role: string }[]).find((i) => i.role === 'standby');
    if (!standby) throw new Error('no standby');
    const clusters = join(dir, 'data', 'engine', 'clusters');
    const [clusterDir] = (await readdir(clusters)).filter((d) => d.startsWith('ns--db--'));
    const instanceDir = join(clusters, clusterDir ?? '', standby.name);
    const pid = Number((await readFile(join(instanceDir, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const readySince = podReadySince();
    process.kill(pid, 'SIGKILL');
    await rm(join(instanceDir, 'data', 'global'), { recursive: true, force: true });
    await until(
      'a new pod for the re-cloned instance',
      () => podIds()[standby.name] !== ids[standby.name] && podsReady() && conditions('db')['WorkloadsReady'] === 'True/WorkloadMonitorCheck',
    );
    const after = podIds();
    expect({ ...after, [standby.name]: '' }).toEqual({ ...ids, [standby.name]: '' });
    // The others stayed ready: their Ready conditions keep the time they became ready.
    expect({ ...podReadySince(), [standby.name]: '' }).toEqual({ ...readySince, [standby.name]: '' });
    expect(podReadySince()[standby.name]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    ids = after;
  });

  it('reports a PostgreSQL major that is not installed', async () => {
    await service.create(POSTGRES, {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'old', namespace: 'ns', finalizers: [POSTGRES_FINALIZER] },
      spec: { replicas: 1, version: 'v13' },
    });
    const c = await until('InstallFailed', () => {
      const s = (service.find(POSTGRES, 'ns', 'old')?.['status'] ?? {}) as { conditions?: { type: string; status: string; reason: string; message: string }[] };
      return s.conditions?.find((x) => x.type === 'Ready' && x.reason === 'InstallFailed');
    });
    expect(c.message).toMatch(/PostgreSQL 13 is not installed on this machine \(installed: 15\)/);
    await service.delete(POSTGRES, 'ns', 'old');
  });

  it('adopts the cluster after a restart of the loop, data intact', async () => {
    const readyBefore = readyCondition('db');
    await loop.stop();
    await startLoop();
    await until(
      'Ready after restart',
      () => conditions('db')['Ready'] === 'True/InstallSucceeded' && conditions('db')['WorkloadsReady'] === 'True/WorkloadMonitorCheck',
    );
    // Adoption is no release either: the revision and the time stay.
    expect(readyCondition('db')).toEqual(readyBefore);
    const rows = await query<{ n: number }>(servicePort('postgres-db-rw'), 'app', 'SELECT count(*)::int AS n FROM t');
    expect(rows).toEqual([{ n: 3 }]);
    expect(podIds()).toEqual(ids);
  });

  it('deleting the Postgres stops its processes and removes its data', async () => {
    const root = join(dir, 'data', 'engine', 'clusters');
    await service.delete(POSTGRES, 'ns', 'db');
    await until('object gone', () => service.find(POSTGRES, 'ns', 'db') === undefined);
    await loop.idle();
    expect(await readdir(root).catch(() => [])).toEqual([]);
    await expect(access(join(root, 'nothing'))).rejects.toThrow();
  });
});

import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, NotFoundError } from '../errors.js';
import { PostgresResource } from '../resources/postgres.js';
import { cozystackFixtures } from '../testing/cozystack-fixtures.js';
import { startTestApiServer, type TestApiServer } from '../testing/test-api-server.js';
import { resolveConnection } from '../transport/connection.js';
import { HttpTransport } from '../transport/http-transport.js';
import { WaitFailedError, WaitTimeoutError } from './poll-until.js';
import type { Condition, Postgres } from '../generated/types.js';
import { failedCondition, isTerminalReason, waitForPostgresDeleted, waitForPostgresReady, type WaitProgress } from './postgres-ready.js';

const ns = 'tenant-a';
let server: TestApiServer;
let transport: HttpTransport;
let postgres: PostgresResource;
/** Stands in for PostgreSQL behind an external address: accepts and closes. */
let listening: Server;

beforeAll(async () => {
  server = await startTestApiServer();
  transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: false, server: server.url, namespace: ns }) });
  postgres = new PostgresResource(transport, ns);
  listening = createServer((socket) => socket.end());
  await new Promise<void>((resolveListen) => listening.listen(0, '127.0.0.1', resolveListen));
});
afterAll(async () => {
  await transport.close();
  await server.stop();
  await new Promise((resolveClose) => listening.close(resolveClose));
});
afterEach(() => server.clearFaults());

// The test server is a store: each test states what the platform reports, with these.

/** Sets the status of Postgres `name` as the platform reports it (no observedGeneration). */
function report(name: string, conditions: Condition[]): void {
  server.put('postgreses', { ...server.read('postgreses', ns, name)!, status: { version: '0.18.0', conditions } });
}

/** Released and ready, as the Cozystack fixtures hold it (Ready, Released, WorkloadsReady from an install). */
const installed = (): Condition[] => (cozystackFixtures(ns)[0]!.object['status'] as { conditions: Condition[] }).conditions;

/** helm-controller's Ready and Released after a release of `name` (Released only once it ended). */
function release(name: string, action: 'install' | 'upgrade', outcome: 'Succeeded' | 'Failed' | 'Progressing', detail = ''): Condition[] {
  const lastTransitionTime = new Date().toISOString();
  const reason = outcome === 'Progressing' ? 'Progressing' : `${action === 'install' ? 'Install' : 'Upgrade'}${outcome}`;
  const message = {
    Progressing: `Running '${action}' action with timeout of 5m0s`,
    Succeeded: `Helm ${action} succeeded for release ${ns}/postgres-${name}.v${action === 'install' ? 1 : 2} with chart postgres@0.18.0`,
    Failed: `Helm ${action} failed for release ${ns}/postgres-${name} with chart postgres@0.18.0: ${detail}`,
  }[outcome];
  const status = ({ Progressing: 'Unknown', Succeeded: 'True', Failed: 'False' } as const)[outcome];
  const ready: Condition = { type: 'Ready', status, reason, message, lastTransitionTime };
  return outcome === 'Progressing' ? [ready] : [ready, { ...ready, type: 'Released' }];
}

/** The instance pods as CloudNativePG labels them; no zone label, the node's name tells the site. */
function pods(name: string, ready: boolean[]): void {
  ready.forEach((isReady, index) => {
    server.put('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `postgres-${name}-${index + 1}`,
        namespace: ns,
        labels: { 'cnpg.io/cluster': `postgres-${name}`, 'cnpg.io/instanceRole': index === 0 ? 'primary' : 'replica' },
      },
      spec: { nodeName: `${['gld', 'luc', 'plo'][index % 3]}-node-${index + 1}` },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }] },
    });
  });
}

/** The rw Service of `name` and its external LoadBalancer at 127.0.0.1:`port`, as the chart makes them. */
function services(name: string, port: number): void {
  const service = (suffix: string, type: string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `postgres-${name}-${suffix}`, namespace: ns },
    spec: { type, clusterIP: '10.96.0.9', ports: [{ name: 'postgres', port, protocol: 'TCP' }] },
  });
  server.put('services', service('rw', 'ClusterIP'));
  server.put('services', { ...service('external-write', 'LoadBalancer'), status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } } });
}

/** An onProgress that plays the platform: the first time the waiter reports a reason, its move runs. */
function platformOnProgress(moves: Record<string, () => void>, seen: string[] = []): (step: WaitProgress) => void {
  return (step) => {
    seen.push(step.reason);
    const move = moves[step.reason];
    delete moves[step.reason];
    move?.();
  };
}

const openPort = (): number => (listening.address() as AddressInfo).port;

describe('waitForPostgresReady', () => {
  it.each([
    { level: 'released' as const, replicas: 1 },
    { level: 'primary' as const, replicas: 2 },
    { level: 'allInstances' as const, replicas: 3 },
  ])('reaches $level', async ({ level, replicas }) => {
    const name = `ready-${level.toLowerCase()}`;
    await postgres.create({ metadata: { name }, spec: { replicas } });
    const progress: WaitProgress[] = [];
    const onProgress = platformOnProgress({
      'Ready is not reported': () => {
        pods(
          name,
          Array.from({ length: replicas }, () => true),
        );
        report(name, installed());
      },
    });
    const ready = await waitForPostgresReady(postgres, name, { level, timeout: 20_000, onProgress: (step) => (progress.push(step), onProgress(step)) });
    expect(ready.status?.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
    expect(progress.map((step) => step.reason)).toEqual(['Ready is not reported']);
    for (const step of progress) expect(step.level).toBe(level);
    if (level === 'allInstances') expect((await postgres.instances(name)).filter((instance) => instance.ready)).toHaveLength(3);
  });

  it('waits for every instance, not just the condition', async () => {
    await postgres.create({ metadata: { name: 'lagging' }, spec: { replicas: 2 } });
    report('lagging', installed());
    pods('lagging', [true, false]);
    const progress: string[] = [];
    // The second instance becomes ready only after the waiter has reported that it is waiting for it.
    const onProgress = platformOnProgress({ '1 of 2 instances ready': () => pods('lagging', [true, true]) }, progress);
    await expect(waitForPostgresReady(postgres, 'lagging', { timeout: 20_000, onProgress })).resolves.toMatchObject({ metadata: { name: 'lagging' } });
    expect(progress).toEqual(['1 of 2 instances ready']);
  });

  it('primary: waits for the primary pod, not for the standbys', async () => {
    await postgres.create({ metadata: { name: 'primary-wait' }, spec: { replicas: 2 } });
    report('primary-wait', installed());
    pods('primary-wait', [false, false]);
    const progress: string[] = [];
    const onProgress = platformOnProgress({ 'the primary postgres-primary-wait-1 is not ready yet': () => pods('primary-wait', [true, false]) }, progress);
    await expect(waitForPostgresReady(postgres, 'primary-wait', { level: 'primary', timeout: 20_000, onProgress })).resolves.toMatchObject({
      metadata: { name: 'primary-wait' },
    });
    expect(progress).toEqual(['the primary postgres-primary-wait-1 is not ready yet']);
    expect((await postgres.instances('primary-wait')).map((instance) => instance.ready)).toEqual([true, false]);
  });

  it('primary with external: waits until the external address accepts connections', async () => {
    await postgres.create({ metadata: { name: 'primary-external' }, spec: { replicas: 1, external: true } });
    report('primary-external', installed());
    pods('primary-external', [true]);
    const closed = createServer();
    await new Promise<void>((resolveListen) => closed.listen(0, '127.0.0.1', resolveListen));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolveClose) => closed.close(resolveClose));
    const closedReason = `the external address 127.0.0.1:${closedPort} does not accept connections yet`;
    services('primary-external', closedPort);
    const progress: string[] = [];
    const onProgress = platformOnProgress({ [closedReason]: () => services('primary-external', openPort()) }, progress);
    await expect(waitForPostgresReady(postgres, 'primary-external', { level: 'primary', timeout: 20_000, onProgress })).resolves.toMatchObject({
      metadata: { name: 'primary-external' },
    });
    expect(progress).toEqual([closedReason]);
  });

  it('fails fast with the platform message', async () => {
    await postgres.create({ metadata: { name: 'broken-one' }, spec: {} });
    report('broken-one', release('broken-one', 'install', 'Failed', 'quota exceeded: 64 CPU requested, 8 allowed'));
    const error = await waitForPostgresReady(postgres, 'broken-one', { timeout: 60_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error).toMatchObject({ code: 'HIKUBE_WAIT_FAILED', lastObserved: { metadata: { name: 'broken-one' } } });
    expect((error as Error).message).toContain(
      'Ready=False (InstallFailed): Helm install failed for release tenant-a/postgres-broken-one with ' +
        'chart postgres@0.18.0: quota exceeded: 64 CPU requested, 8 allowed',
    );
  });

  it('after an update, does not return on the Ready=True left from before it', async () => {
    await postgres.create({ metadata: { name: 'resized' }, spec: { replicas: 1 } });
    report('resized', installed());
    const written = await postgres.patch('resized', { spec: { replicas: 2 } });
    // The write's answer still carries the old Ready=True, as the aggregated API's does.
    expect(written.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const progress: string[] = [];
    const onProgress = platformOnProgress(
      {
        'the platform has not started applying the change yet (Ready is still True, InstallSucceeded)': () =>
          report('resized', release('resized', 'upgrade', 'Progressing')),
        "Ready is Unknown: Running 'upgrade' action with timeout of 5m0s": () => report('resized', release('resized', 'upgrade', 'Succeeded')),
      },
      progress,
    );
    const after = await waitForPostgresReady(postgres, 'resized', { level: 'released', since: written, timeout: 20_000, onProgress });
    expect(after.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'UpgradeSucceeded' });
    expect(progress).toEqual([
      'the platform has not started applying the change yet (Ready is still True, InstallSucceeded)',
      "Ready is Unknown: Running 'upgrade' action with timeout of 5m0s",
    ]);
  });

  it('after an update the platform refuses, fails with the Helm reason, not the old Ready', async () => {
    await postgres.create({ metadata: { name: 'to-break' }, spec: { replicas: 1 } });
    report('to-break', installed());
    const written = await postgres.patch('to-break', { spec: { replicas: 9 } });
    const onProgress = platformOnProgress({
      'the platform has not started applying the change yet (Ready is still True, InstallSucceeded)': () =>
        report('to-break', release('to-break', 'upgrade', 'Failed', 'quota exceeded: 9 instances requested, 4 allowed')),
    });
    const error = await waitForPostgresReady(postgres, 'to-break', { level: 'released', since: written, timeout: 20_000, onProgress }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toContain(
      'Ready=False (UpgradeFailed): Helm upgrade failed for release tenant-a/postgres-to-break with chart postgres@0.18.0: quota exceeded',
    );
  });

  it('times out with what it saw last', async () => {
    server.put('postgreses', {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'stuck', namespace: ns },
      spec: {},
      status: { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'Pending' }] },
    });
    const error = await waitForPostgresReady(postgres, 'stuck', { timeout: 1_500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'HIKUBE_WAIT_TIMEOUT', lastObserved: { metadata: { name: 'stuck' } } });
    expect((error as Error).message).toMatch(/did not happen within 1500 ms \(last: Ready is Unknown\)/);
  });

  it('falls back to polling when it may not watch', async () => {
    server.inject({ match: { method: 'GET', path: /watch=true/ }, status: 403, reason: 'Forbidden', times: 1000 });
    await postgres.create({ metadata: { name: 'no-watch' }, spec: { replicas: 1 } });
    const onProgress = platformOnProgress({
      'Ready is not reported': () => {
        pods('no-watch', [true]);
        report('no-watch', installed());
      },
    });
    await expect(waitForPostgresReady(postgres, 'no-watch', { timeout: 20_000, onProgress })).resolves.toMatchObject({ metadata: { name: 'no-watch' } });
    expect(server.requests.some((request) => request.path.includes('watch=true'))).toBe(true);
  });

  it('stops when the signal aborts', async () => {
    server.put('postgreses', { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'stuck-2', namespace: ns }, spec: {} });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(waitForPostgresReady(postgres, 'stuck-2', { timeout: 60_000, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('reports a missing object at once', async () => {
    await expect(waitForPostgresReady(postgres, 'never-created', { timeout: 60_000 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('failedCondition', () => {
  const at = (conditions: Condition[]): Postgres => ({
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: 'x' },
    status: { conditions },
  });
  const c = (type: string, status: Condition['status'], reason: string): Condition => ({
    type,
    status,
    reason,
    message: '',
    lastTransitionTime: '2026-12-03T00:00:00Z',
  });
  it.each([
    { name: 'an upgrade failed', given: [c('Ready', 'False', 'UpgradeFailed'), c('Released', 'False', 'UpgradeFailed')], want: 'Ready' },
    {
      name: 'the release fixing it runs: Released still holds the old failure',
      given: [c('Ready', 'Unknown', 'Progressing'), c('Released', 'False', 'UpgradeFailed')],
      want: undefined,
    },
    { name: 'released', given: [c('Ready', 'True', 'UpgradeSucceeded'), c('Released', 'True', 'UpgradeSucceeded')], want: undefined },
    {
      name: 'no pod ready is not a failure of the release',
      given: [c('Ready', 'True', 'InstallSucceeded'), c('WorkloadsReady', 'False', 'WorkloadMonitorCheck')],
      want: undefined,
    },
  ])('$name', ({ given, want }) => {
    expect(failedCondition(at(given))?.type).toBe(want);
  });
});

describe('isTerminalReason', () => {
  it.each([
    { given: 'InstallFailed', want: true },
    { given: 'UpgradeFailed', want: true },
    { given: 'RetriesExceeded', want: true },
    { given: 'InstanceStartFailed', want: true },
    { given: 'VersionUnavailable', want: true },
    { given: 'FailingOver', want: false },
    { given: 'PrimaryUnavailable', want: false },
    { given: 'Initializing', want: false },
    { given: 'Scaling', want: false },
    { given: 'Degraded', want: false },
    { given: undefined, want: false },
  ])('$given is terminal: $want', ({ given, want }) => {
    expect(isTerminalReason(given)).toBe(want);
  });
});

describe('waitForPostgresDeleted', () => {
  it('resolves once the object is gone', async () => {
    server.put('postgreses', {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'finalizing', namespace: ns, deletionTimestamp: new Date().toISOString(), finalizers: ['x'] },
      spec: {},
    });
    setTimeout(() => server.remove('postgreses', ns, 'finalizing'), 100);
    await expect(waitForPostgresDeleted(postgres, 'finalizing', { timeout: 20_000 })).resolves.toBeUndefined();
  });
});

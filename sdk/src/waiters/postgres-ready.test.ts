import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, NotFoundError } from '../errors.js';
import { PostgresResource } from '../resources/postgres.js';
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

beforeAll(async () => {
  server = await startTestApiServer({
    platform: {
      readyAfterMs: 60,
      failWhen: (object) => {
        if (object.metadata.name?.startsWith('broken')) return 'quota exceeded: 64 CPU requested, 8 allowed';
        return (object['spec'] as { replicas?: number } | undefined)?.replicas === 9 ? 'quota exceeded: 9 instances requested, 4 allowed' : undefined;
      },
    },
  });
  transport = new HttpTransport({ connection: resolveConnection({ kubeconfig: false, server: server.url, namespace: ns }) });
  postgres = new PostgresResource(transport, ns);
});
afterAll(async () => {
  await transport.close();
  await server.stop();
});
afterEach(() => server.clearFaults());

describe('waitForPostgresReady', () => {
  it.each([
    { level: 'released' as const, replicas: 1 },
    { level: 'primary' as const, replicas: 2 },
    { level: 'allInstances' as const, replicas: 3 },
  ])('reaches $level', async ({ level, replicas }) => {
    const name = `ready-${level.toLowerCase()}`;
    await postgres.create({ metadata: { name }, spec: { replicas } });
    const progress: WaitProgress[] = [];
    const ready = await waitForPostgresReady(postgres, name, { level, timeout: 20_000, onProgress: (step) => progress.push(step) });
    expect(ready.status?.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));
    for (const step of progress) expect(step.level).toBe(level);
    if (level === 'allInstances') expect((await postgres.instances(name)).filter((instance) => instance.ready)).toHaveLength(3);
  });

  it('waits for every instance, not just the condition', async () => {
    await postgres.create({ metadata: { name: 'lagging' }, spec: { replicas: 2 } });
    await waitForPostgresReady(postgres, 'lagging', { level: 'released', timeout: 20_000 });
    server.put('pods', { ...server.read('pods', ns, 'postgres-lagging-2')!, status: { conditions: [{ type: 'Ready', status: 'False' }] } });
    const progress: string[] = [];
    // The second instance becomes ready only after the waiter has reported that it is waiting for it.
    const onProgress = (step: WaitProgress) => {
      progress.push(step.reason);
      if (step.reason === '1 of 2 instances ready') server.put('pods', { ...server.read('pods', ns, 'postgres-lagging-2')!, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    };
    await expect(waitForPostgresReady(postgres, 'lagging', { timeout: 20_000, onProgress })).resolves.toMatchObject({ metadata: { name: 'lagging' } });
    expect(progress).toContain('1 of 2 instances ready');
  });

  it('primary: waits for the primary pod, not for the standbys', async () => {
    await postgres.create({ metadata: { name: 'primary-wait' }, spec: { replicas: 2 } });
    await waitForPostgresReady(postgres, 'primary-wait', { level: 'released', timeout: 20_000 });
    const setReady = (pod: string, status: 'True' | 'False') => server.put('pods', { ...server.read('pods', ns, pod)!, status: { conditions: [{ type: 'Ready', status }] } });
    setReady('postgres-primary-wait-1', 'False');
    setReady('postgres-primary-wait-2', 'False');
    const progress: string[] = [];
    const onProgress = (step: WaitProgress) => {
      progress.push(step.reason);
      if (step.reason === 'the primary postgres-primary-wait-1 is not ready yet') setReady('postgres-primary-wait-1', 'True');
    };
    await expect(waitForPostgresReady(postgres, 'primary-wait', { level: 'primary', timeout: 20_000, onProgress })).resolves.toMatchObject({ metadata: { name: 'primary-wait' } });
    expect(progress).toContain('the primary postgres-primary-wait-1 is not ready yet');
    expect((await postgres.instances('primary-wait')).map((instance) => instance.ready)).toEqual([true, false]);
  });

  it('primary with external: waits until the external address accepts connections', async () => {
    await postgres.create({ metadata: { name: 'primary-external' }, spec: { replicas: 1, external: true } });
    await waitForPostgresReady(postgres, 'primary-external', { level: 'released', timeout: 20_000 });
    const service = server.read('services', ns, 'postgres-primary-external-external-write')!;
    const openPort = (service['spec'] as { ports: { port: number }[] }).ports[0]?.port;
    const closed = createServer();
    await new Promise<void>((resolveListen) => closed.listen(0, '127.0.0.1', resolveListen));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolveClose) => closed.close(resolveClose));
    const withPort = (port: number | undefined) => server.put('services', { ...service, spec: { ...(service['spec'] as object), ports: [{ name: 'postgres', port, protocol: 'TCP' }] } });
    withPort(closedPort);
    const progress: string[] = [];
    const onProgress = (step: WaitProgress) => {
      progress.push(step.reason);
      if (step.reason.includes('does not accept connections')) withPort(openPort);
    };
    await expect(waitForPostgresReady(postgres, 'primary-external', { level: 'primary', timeout: 20_000, onProgress })).resolves.toMatchObject({ metadata: { name: 'primary-external' } });
    expect(progress).toContain(`the external address 127.0.0.1:${closedPort} does not accept connections yet`);
  });

  it('fails fast with the platform message', async () => {
    await postgres.create({ metadata: { name: 'broken-one' }, spec: {} });
    const error = await waitForPostgresReady(postgres, 'broken-one', { timeout: 60_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error).toMatchObject({ code: 'HIKUBE_WAIT_FAILED', lastObserved: { metadata: { name: 'broken-one' } } });
    expect((error as Error).message).toContain('InstallFailed');
    expect((error as Error).message).toContain('quota exceeded: 64 CPU requested, 8 allowed');
  });

  it('after an update, does not return on the Ready=True left from before it', async () => {
    await postgres.create({ metadata: { name: 'resized' }, spec: { replicas: 1 } });
    const before = await waitForPostgresReady(postgres, 'resized', { level: 'released', timeout: 20_000 });
    expect(before.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ reason: 'InstallSucceeded', message: expect.stringContaining('.v1 with chart') });
    const written = await postgres.patch('resized', { spec: { replicas: 2 } });
    // The write's answer still carries the old Ready=True, as the aggregated API's does.
    expect(written.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const progress: string[] = [];
    const after = await waitForPostgresReady(postgres, 'resized', { level: 'released', since: written, timeout: 20_000, onProgress: (step) => progress.push(step.reason) });
    expect(after.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'UpgradeSucceeded', message: expect.stringContaining('.v2 with chart') });
    expect(progress[0]).toMatch(/has not started applying the change yet|Ready is Unknown/);
    expect(after.status?.conditions?.some((c) => 'observedGeneration' in c)).toBe(false);
  });

  it('after an update the platform refuses, fails with the Helm reason, not the old Ready', async () => {
    await postgres.create({ metadata: { name: 'to-break' }, spec: { replicas: 1 } });
    await waitForPostgresReady(postgres, 'to-break', { level: 'released', timeout: 20_000 });
    const written = await postgres.patch('to-break', { spec: { replicas: 9 } });
    const error = await waitForPostgresReady(postgres, 'to-break', { level: 'released', since: written, timeout: 20_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toContain('Ready=False (UpgradeFailed): Helm upgrade failed for release tenant-a/postgres-to-break with chart postgres@0.18.0: quota exceeded');
  });

  it('times out with what it saw last', async () => {
    server.put('postgreses', { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'stuck', namespace: ns }, spec: {}, status: { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'Pending' }] } });
    const error = await waitForPostgresReady(postgres, 'stuck', { timeout: 1_500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'HIKUBE_WAIT_TIMEOUT', lastObserved: { metadata: { name: 'stuck' } } });
    expect((error as Error).message).toMatch(/did not happen within 1500 ms \(last: Ready is Unknown\)/);
  });

  it('falls back to polling when it may not watch', async () => {
    server.inject({ match: { method: 'GET', path: /watch=true/ }, status: 403, reason: 'Forbidden', times: 1000 });
    await postgres.create({ metadata: { name: 'no-watch' }, spec: { replicas: 1 } });
    await expect(waitForPostgresReady(postgres, 'no-watch', { timeout: 20_000 })).resolves.toMatchObject({ metadata: { name: 'no-watch' } });
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
  const at = (conditions: Condition[]): Postgres => ({ apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'x' }, status: { conditions } });
  const c = (type: string, status: Condition['status'], reason: string): Condition => ({ type, status, reason, message: '', lastTransitionTime: '2026-12-03T00:00:00Z' });
  it.each([
    { name: 'an upgrade failed', given: [c('Ready', 'False', 'UpgradeFailed'), c('Released', 'False', 'UpgradeFailed')], want: 'Ready' },
    { name: 'the release fixing it runs: Released still holds the old failure', given: [c('Ready', 'Unknown', 'Progressing'), c('Released', 'False', 'UpgradeFailed')], want: undefined },
    { name: 'released', given: [c('Ready', 'True', 'UpgradeSucceeded'), c('Released', 'True', 'UpgradeSucceeded')], want: undefined },
    { name: 'no pod ready is not a failure of the release', given: [c('Ready', 'True', 'InstallSucceeded'), c('WorkloadsReady', 'False', 'WorkloadMonitorCheck')], want: undefined },
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
    server.put('postgreses', { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'finalizing', namespace: ns, deletionTimestamp: new Date().toISOString(), finalizers: ['x'] }, spec: {} });
    setTimeout(() => server.remove('postgreses', ns, 'finalizing'), 100);
    await expect(waitForPostgresDeleted(postgres, 'finalizing', { timeout: 20_000 })).resolves.toBeUndefined();
  });
});

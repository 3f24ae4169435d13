import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../store/kube-object.js';
import { decideWorkloads, jsonPointer, ReleaseBook, releasePending, releaseStatus, revisionInMessage, schemaFailure } from './release-status.js';

const T = '2026-12-01T10:00:00Z';
const pg = (generation: number, conditions: Condition[] = []): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name: 'shop', namespace: 'tenant-a', uid: `uid-${generation}-${conditions.length}`, generation },
  status: { version: '0.18.0', conditions },
});
const cond = (type: string, status: Condition['status'], reason: string, message = ''): Condition => ({ type, status, reason, message, lastTransitionTime: T });

describe('releaseStatus: Ready and Released as helm-controller sets them, WorkloadsReady as the WorkloadMonitor', () => {
  const types = (status: ReturnType<typeof releaseStatus>) => status.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`);

  it.each([
    {
      name: 'an install running',
      outcome: { state: 'progressing', action: 'install' } as const,
      previous: [],
      want: ['Ready=Unknown/Progressing', 'WorkloadsReady=Unknown/Pending'],
    },
    {
      name: 'the install succeeded',
      outcome: { state: 'succeeded', action: 'install', revision: 1 } as const,
      previous: [],
      want: ['Ready=True/InstallSucceeded', 'Released=True/InstallSucceeded', 'WorkloadsReady=True/WorkloadMonitorCheck'],
    },
    {
      name: 'an upgrade running keeps Released from the last release',
      outcome: { state: 'progressing', action: 'upgrade' } as const,
      previous: [cond('Ready', 'True', 'InstallSucceeded'), cond('Released', 'True', 'InstallSucceeded')],
      want: ['Ready=Unknown/Progressing', 'Released=True/InstallSucceeded', 'WorkloadsReady=True/WorkloadMonitorCheck'],
    },
    {
      name: 'an upgrade failed',
      outcome: { state: 'failed', action: 'upgrade', error: 'boom' } as const,
      previous: [],
      want: ['Ready=False/UpgradeFailed', 'Released=False/UpgradeFailed', 'WorkloadsReady=True/WorkloadMonitorCheck'],
    },
    {
      name: 'no release (a failover): Ready and Released untouched',
      outcome: undefined,
      previous: [cond('Ready', 'True', 'UpgradeSucceeded'), cond('Released', 'True', 'UpgradeSucceeded')],
      want: ['Ready=True/UpgradeSucceeded', 'Released=True/UpgradeSucceeded', 'WorkloadsReady=True/WorkloadMonitorCheck'],
    },
  ])('$name', ({ outcome, previous, want }) => {
    const object = pg(2, previous);
    const status = releaseStatus(
      object,
      { conditions: previous },
      outcome,
      outcome?.state === 'progressing' && outcome.action === 'install' ? undefined : { pods: 2, ready: 1 },
    );
    expect(types(status)).toEqual(want);
    expect(status).not.toHaveProperty('observedGeneration');
    for (const condition of status.conditions) expect(condition).not.toHaveProperty('observedGeneration');
  });

  it('words messages as helm-controller does, the revision in the success', () => {
    const object = pg(1);
    const ok = releaseStatus(object, {}, { state: 'succeeded', action: 'upgrade', revision: 4 }, { pods: 1, ready: 1 }).conditions[0];
    expect(ok?.message).toBe('Helm upgrade succeeded for release tenant-a/postgres-shop.v4 with chart postgres@0.18.0');
    expect(revisionInMessage(ok?.message)).toBe(4);
    const failed = releaseStatus(object, {}, { state: 'failed', action: 'install', error: 'boom' }, undefined).conditions[0];
    expect(failed?.message).toBe('Helm install failed for release tenant-a/postgres-shop with chart postgres@0.18.0: boom');
    const running = releaseStatus(object, {}, { state: 'progressing', action: 'upgrade' }, undefined).conditions[0];
    expect(running?.message).toBe("Running 'upgrade' action with timeout of 5m0s");
  });
});

describe('decideWorkloads (minReplicas 1: one ready pod is enough)', () => {
  it.each([
    { given: undefined, want: 'Unknown' },
    { given: { pods: 0, ready: 0 }, want: 'Unknown' },
    { given: { pods: 3, ready: 1 }, want: 'True' },
    { given: { pods: 3, ready: 0 }, want: 'False' },
  ])('$given -> $want', ({ given, want }) => {
    expect(decideWorkloads(given).status).toBe(want);
  });
});

describe('ReleaseBook rebuilds a record from the stored status (after a restart)', () => {
  it.each([
    { name: 'never released', conditions: [], want: { revision: 0, pending: true } },
    {
      name: 'released at v3',
      conditions: [
        cond('Ready', 'True', 'UpgradeSucceeded', 'Helm upgrade succeeded for release a/postgres-shop.v3 with chart postgres@0.18.0'),
        cond('Released', 'True', 'UpgradeSucceeded', 'Helm upgrade succeeded for release a/postgres-shop.v3 with chart postgres@0.18.0'),
      ],
      want: { revision: 3, pending: false },
    },
    {
      name: 'an upgrade was running',
      conditions: [
        cond('Ready', 'Unknown', 'Progressing'),
        cond('Released', 'True', 'InstallSucceeded', 'Helm install succeeded for release a/postgres-shop.v1 with chart postgres@0.18.0'),
      ],
      want: { revision: 1, pending: true },
    },
    {
      name: 'the install failed',
      conditions: [cond('Ready', 'False', 'InstallFailed'), cond('Released', 'False', 'InstallFailed')],
      want: { revision: 0, pending: true },
    },
  ])('$name', ({ conditions, want }) => {
    const object = pg(5, conditions);
    const record = new ReleaseBook().recordOf(object);
    expect({ revision: record.revision, pending: releasePending(object, record) }).toEqual(want);
  });
});

describe('schemaFailure words refusals as Helm words a values-schema failure', () => {
  it.each([
    { given: 'spec.users.streaming_replica', want: '/users/streaming_replica' },
    { given: 'spec.postgresql.parameters["work_mem=1"]', want: '/postgresql/parameters/work_mem=1' },
    { given: 'spec.databases.shop.extensions[0]', want: '/databases/shop/extensions/0' },
    { given: 'spec.users["a/b"]', want: '/users/a~1b' },
    { given: 'spec', want: '/' },
  ])('$given -> $want', ({ given, want }) => {
    expect(jsonPointer(given)).toBe(want);
  });

  it('names the chart and one line per field', () => {
    expect(
      schemaFailure([
        { path: 'spec.replicas', message: 'must be >= 1' },
        { path: 'spec.version', message: 'must be one of v15, v16' },
      ]),
    ).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\npostgres:\n- " +
        "at '/replicas': must be >= 1\n- at '/version': must be one of v15, v16",
    );
  });
});

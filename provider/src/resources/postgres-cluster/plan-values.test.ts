import { describe, expect, it } from 'vitest';
import { argsWith, platformDefaults, user } from './args-fixture.js';
import type { PostgresClusterArgs, PostgresClusterModel } from './model.js';
import { emptyComputed } from './model.js';
import { formatPath } from './plan-issue.js';
import { planArgs, planComputed, type PlanArgsInput } from './plan-values.js';

function input(config: PostgresClusterArgs, prior: PostgresClusterArgs | null = null, resolved: string | null = null): PlanArgsInput {
  return { config, prior, defaulted: platformDefaults, providerNamespace: 'tenant-default', resolvedSchedulingClass: resolved };
}

describe('planArgs on create', () => {
  it('fills what the platform will default and leaves generated passwords unknown', () => {
    const { planned, unknown } = planArgs(input(argsWith({ namespace: null, users: { app: user(), ci: user({ passwordWo: 'x', passwordWoVersion: 1 }) } })));
    expect(planned).toMatchObject({
      namespace: 'tenant-default',
      version: 'v18',
      replicas: 2,
      syncMode: 'async',
      minSyncReplicas: 0,
      maxSyncReplicas: 0,
      resourcesPreset: 't1.micro',
      storageSize: '10Gi',
      storageClass: '',
      external: false,
      deletionProtection: false,
      allowDestructiveChanges: false,
      waitFor: 'all_instances',
    });
    expect(planned.users?.['ci']).toEqual(user({ passwordWoVersion: 1 }));
    expect(unknown.map(formatPath)).toEqual(['users["app"].password']);
  });

  const sync: { name: string; given: Partial<PostgresClusterArgs>; want: [string | null, number | null, number | null] }[] = [
    { name: 'quorum min defaults to max', given: { syncMode: 'quorum', maxSyncReplicas: 2 }, want: ['quorum', 2, 2] },
    { name: 'quorum with explicit min', given: { syncMode: 'quorum', minSyncReplicas: 1, maxSyncReplicas: 2 }, want: ['quorum', 1, 2] },
    { name: 'async is 0/0', given: { syncMode: 'async' }, want: ['async', 0, 0] },
  ];
  it.each(sync)('$name', ({ given, want }) => {
    const { planned } = planArgs(input(argsWith(given)));
    expect([planned.syncMode, planned.minSyncReplicas, planned.maxSyncReplicas]).toEqual(want);
  });

  it('uses the class zones resolved to', () => {
    expect(planArgs(input(argsWith({ zones: ['gland'] }), null, 'gland')).planned.schedulingClass).toBe('gland');
  });
});

describe('planArgs on update', () => {
  const prior = argsWith({
    version: 'v17',
    replicas: 3,
    syncMode: 'quorum',
    minSyncReplicas: 1,
    maxSyncReplicas: 1,
    storageSize: '10Gi',
    resourcesPreset: 't1.micro',
    schedulingClass: '',
    storageClass: '',
    external: false,
    users: { app: user({ password: 'gen' }) },
    backup: { enabled: true, schedule: '0 0 2 * * *', retentionPolicy: null, destinationPath: null, endpointUrl: null, s3AccessKey: null, s3SecretKey: null },
  });
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: Partial<PostgresClusterArgs> }[] = [
    {
      name: 'unset optional arguments keep their prior value',
      given: {},
      want: { version: 'v17', replicas: 3, syncMode: 'quorum', minSyncReplicas: 1, maxSyncReplicas: 1 },
    },
    { name: 'equivalent size keeps the prior spelling', given: { storageSize: '10240Mi' }, want: { storageSize: '10Gi' } },
    { name: 'legacy preset keeps the prior spelling', given: { resourcesPreset: 'micro' }, want: { resourcesPreset: 't1.micro' } },
    {
      name: 'five-field schedule equal to the prior six',
      given: {
        backup: { enabled: true, schedule: '0 2 * * *', retentionPolicy: null, destinationPath: null, endpointUrl: null, s3AccessKey: null, s3SecretKey: null },
      },
      want: {
        backup: {
          enabled: true,
          schedule: '0 0 2 * * *',
          retentionPolicy: null,
          destinationPath: null,
          endpointUrl: null,
          s3AccessKey: null,
          s3SecretKey: null,
        },
      },
    },
    { name: 'generated password kept', given: { users: { app: user() } }, want: { users: { app: user({ password: 'gen' }) } } },
    {
      name: 'switching a user to write-only drops its password from state',
      given: { users: { app: user({ passwordWo: 'n', passwordWoVersion: 1 }) } },
      want: { users: { app: user({ passwordWoVersion: 1 }) } },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const { planned, unknown } = planArgs(input(argsWith(given), prior));
    expect(planned).toMatchObject(want);
    expect(unknown).toEqual([]);
  });
});

describe('planComputed', () => {
  const prior: PostgresClusterModel = {
    ...argsWith({ replicas: 3, external: false, users: { app: user({ password: 'p' }) } }),
    ...emptyComputed,
    id: 'tenant-demo/orders',
    ready: true,
    chartVersion: '0.18.0',
    currentPrimary: 'postgres-orders-1',
    instances: [],
    endpoints: { rw: { host: 'h', port: 5432 }, ro: { host: 'h', port: 5433 }, r: { host: 'h', port: 5434 }, external: null },
    credentials: { app: 'p' },
    connectionUris: {},
  };
  const cases: { name: string; given: Partial<PostgresClusterArgs> | 'create'; priorChange?: Partial<PostgresClusterModel>; want: string[] }[] = [
    {
      name: 'create: everything but id unknown',
      given: 'create',
      want: ['ready', 'chartVersion', 'currentPrimary', 'instances', 'endpoints', 'credentials', 'connectionUris', 'status', 'host', 'port', 'createdAt'],
    },
    { name: 'no change: nothing unknown', given: {}, want: [] },
    { name: 'scaling: instances and readiness', given: { replicas: 5 }, want: ['ready', 'instances', 'currentPrimary', 'status'] },
    {
      name: 'external: endpoints too',
      given: { external: true },
      want: ['ready', 'instances', 'currentPrimary', 'status', 'endpoints', 'connectionUris', 'host', 'port'],
    },
    {
      name: 'endpoints still missing: they may appear',
      given: { replicas: 4 },
      priorChange: { endpoints: { rw: null, ro: null, r: null, external: null }, chartVersion: null },
      want: ['ready', 'instances', 'currentPrimary', 'status', 'endpoints', 'connectionUris', 'host', 'port', 'chartVersion'],
    },
    {
      name: 'new user: credentials too',
      given: { users: { app: user({ password: 'p' }), bi: user({ password: 'b' }) } },
      want: ['ready', 'instances', 'currentPrimary', 'status', 'credentials', 'connectionUris'],
    },
  ];
  it.each(cases)('$name', ({ given, priorChange, want }) => {
    const planned = given === 'create' ? argsWith({}) : { ...argsWith({ replicas: 3, external: false, users: { app: user({ password: 'p' }) } }), ...given };
    const result = planComputed(given === 'create' ? null : { ...prior, ...priorChange }, planned);
    expect(result.unknown).toEqual(want);
    expect(result.computed.id).toBe('tenant-demo/orders');
  });
});

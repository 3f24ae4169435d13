import { describe, expect, it } from 'vitest';
import { isValidPostgresName, validatePostgres, validatePostgresName } from './validate-postgres.js';

function postgres(spec: Record<string, unknown>, name = 'orders'): Record<string, unknown> {
  return { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name }, spec };
}

const cases: { name: string; given: unknown; want: { path: string; rule: string }[] }[] = [
  { name: 'minimal object', given: postgres({}), want: [] },
  {
    name: 'full, valid spec',
    given: postgres({
      replicas: 3,
      resources: { cpu: '500m', memory: '1Gi' },
      resourcesPreset: 'small',
      size: '20Gi',
      storageClass: 'replicated',
      external: true,
      schedulingClass: 'three-zones',
      version: 'v17',
      tls: { enabled: true },
      postgresql: { parameters: { max_connections: 200, work_mem: '8MB' } },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
      users: { app: { password: 'x' }, 'report.reader': {}, repl: { replication: true } },
      databases: { shop: { roles: { admin: ['app'], readonly: ['report.reader'] }, extensions: ['pg_trgm'] } },
      backup: { enabled: true, schedule: '0 2 * * * *', retentionPolicy: '14d', destinationPath: 's3://b/p/', endpointURL: 'https://s3', s3AccessKey: 'a', s3SecretKey: 's' },
      bootstrap: { enabled: true, oldName: 'orders-old', recoveryTime: '2026-01-02T03:04:05Z' },
    }),
    want: [],
  },
  { name: 'not an object', given: 'postgres', want: [{ path: '', rule: 'type' }] },
  { name: 'missing metadata', given: { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres' }, want: [{ path: 'metadata', rule: 'required' }] },
  { name: 'wrong kind', given: { ...postgres({}), kind: 'Cluster' }, want: [{ path: 'kind', rule: 'enum' }] },
  { name: 'missing name', given: postgres({}, ''), want: [{ path: 'metadata.name', rule: 'required' }] },
  { name: 'name with capitals', given: postgres({}, 'Orders'), want: [{ path: 'metadata.name', rule: 'dns1035Label' }] },
  { name: 'name starting with a digit', given: postgres({}, '1orders'), want: [{ path: 'metadata.name', rule: 'dns1035Label' }] },
  { name: 'name of 45 characters', given: postgres({}, 'a'.repeat(45)), want: [{ path: 'metadata.name', rule: 'maxLength' }] },
  { name: 'name of 44 characters', given: postgres({}, 'a'.repeat(44)), want: [] },
  { name: 'unknown spec field', given: postgres({ replica: 3 }), want: [{ path: 'spec.replica', rule: 'additionalProperties' }] },
  { name: 'replicas as a string', given: postgres({ replicas: '3' }), want: [{ path: 'spec.replicas', rule: 'type' }] },
  { name: 'fractional replicas', given: postgres({ replicas: 1.5 }), want: [{ path: 'spec.replicas', rule: 'type' }] },
  { name: 'zero replicas', given: postgres({ replicas: 0 }), want: [{ path: 'spec.replicas', rule: 'minimum' }] },
  { name: 'unknown version', given: postgres({ version: 'v19' }), want: [{ path: 'spec.version', rule: 'enum' }] },
  { name: 'unknown preset', given: postgres({ resourcesPreset: 'huge' }), want: [{ path: 'spec.resourcesPreset', rule: 'enum' }] },
  { name: 'bad quantity', given: postgres({ size: 'ten gigs' }), want: [{ path: 'spec.size', rule: 'pattern' }] },
  { name: 'integer quantity', given: postgres({ resources: { cpu: 2 } }), want: [] },
  { name: 'scheduling class too long', given: postgres({ schedulingClass: 'x'.repeat(64) }), want: [{ path: 'spec.schedulingClass', rule: 'maxLength' }] },
  { name: 'quorum min above max', given: postgres({ replicas: 3, quorum: { minSyncReplicas: 2, maxSyncReplicas: 1 } }), want: [{ path: 'spec.quorum.minSyncReplicas', rule: 'quorumOrder' }] },
  { name: 'quorum max equal to replicas', given: postgres({ replicas: 2, quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 } }), want: [{ path: 'spec.quorum.maxSyncReplicas', rule: 'quorumBelowReplicas' }] },
  { name: 'quorum max against the default replicas', given: postgres({ quorum: { minSyncReplicas: 0, maxSyncReplicas: 2 } }), want: [{ path: 'spec.quorum.maxSyncReplicas', rule: 'quorumBelowReplicas' }] },
  { name: 'quorum missing one bound', given: postgres({ quorum: { maxSyncReplicas: 1 } }), want: [] },
  { name: 'negative quorum', given: postgres({ quorum: { minSyncReplicas: -1, maxSyncReplicas: 0 } }), want: [{ path: 'spec.quorum.minSyncReplicas', rule: 'minimum' }] },
  { name: 'reserved user postgres', given: postgres({ users: { postgres: {} } }), want: [{ path: 'spec.users.postgres', rule: 'reservedUser' }] },
  { name: 'user named "."', given: postgres({ users: { '.': {} } }), want: [{ path: 'spec.users["."]', rule: 'propertyNames' }] },
  { name: 'user starting with ..', given: postgres({ users: { '..x': {} } }), want: [{ path: 'spec.users["..x"]', rule: 'propertyNames' }] },
  { name: 'user with a space', given: postgres({ users: { 'a b': {} } }), want: [{ path: 'spec.users["a b"]', rule: 'propertyNames' }] },
  { name: 'user name of 254 characters', given: postgres({ users: { ['u'.repeat(254)]: {} } }), want: [{ path: `spec.users.${'u'.repeat(254)}`, rule: 'propertyNames' }] },
  { name: 'unknown user field', given: postgres({ users: { app: { superuser: true } } }), want: [{ path: 'spec.users.app.superuser', rule: 'additionalProperties' }] },
  { name: 'password not a string', given: postgres({ users: { app: { password: 1234 } } }), want: [{ path: 'spec.users.app.password', rule: 'type' }] },
  {
    name: 'role naming an undeclared user',
    given: postgres({ users: { app: {} }, databases: { shop: { roles: { admin: ['app'], readonly: ['ghost'] } } } }),
    want: [{ path: 'spec.databases.shop.roles.readonly[0]', rule: 'declaredUser' }],
  },
  { name: 'blocked parameter', given: postgres({ postgresql: { parameters: { archive_command: 'rm -rf /' } } }), want: [{ path: 'spec.postgresql.parameters.archive_command', rule: 'blockedParameter' }] },
  { name: 'shared_preload_libraries', given: postgres({ postgresql: { parameters: { shared_preload_libraries: 'x' } } }), want: [{ path: 'spec.postgresql.parameters.shared_preload_libraries', rule: 'blockedParameter' }] },
  { name: 'operator-managed parameter', given: postgres({ postgresql: { parameters: { wal_level: 'minimal' } } }), want: [{ path: 'spec.postgresql.parameters.wal_level', rule: 'operatorManagedParameter' }] },
  { name: 'parameter of the wrong type', given: postgres({ postgresql: { parameters: { work_mem: true } } }), want: [{ path: 'spec.postgresql.parameters.work_mem', rule: 'type' }] },
  { name: 'bootstrap without oldName', given: postgres({ bootstrap: { enabled: true } }), want: [{ path: 'spec.bootstrap.oldName', rule: 'bootstrapSource' }] },
  { name: 'bootstrap from itself', given: postgres({ bootstrap: { enabled: true, oldName: 'orders' } }), want: [{ path: 'spec.bootstrap.oldName', rule: 'bootstrapSource' }] },
  { name: 'bad recovery time', given: postgres({ bootstrap: { enabled: true, oldName: 'old', recoveryTime: 'yesterday' } }), want: [{ path: 'spec.bootstrap.recoveryTime', rule: 'pattern' }] },
  { name: 'bad retention', given: postgres({ backup: { enabled: true, retentionPolicy: '30 days' } }), want: [{ path: 'spec.backup.retentionPolicy', rule: 'pattern' }] },
  { name: 'undefined values count as absent', given: postgres({ replicas: undefined, version: undefined }), want: [] },
];

describe('validatePostgres', () => {
  it.each(cases)('$name', ({ given, want }) => {
    const issues = validatePostgres(given);
    expect(issues.map(({ path, rule }) => ({ path, rule }))).toEqual(want);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(20);
  });

  it('explains how to fix a too-long name', () => {
    const [issue] = validatePostgres(postgres({}, 'a'.repeat(45)));
    expect(issue?.message).toMatch(/at most 44.*postgres-a+.*shorter name/);
  });

  it('never echoes a password or an S3 key', () => {
    const issues = validatePostgres(
      postgres({ users: { app: { password: ['hunter2-secret'] } }, backup: { enabled: true, s3SecretKey: { v: 'aws-secret-value' } } }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['spec.users.app.password', 'spec.backup.s3SecretKey']);
    expect(JSON.stringify(issues)).not.toMatch(/hunter2|aws-secret/);
  });
});

describe('validatePostgresName', () => {
  it.each([
    { given: 'a', want: [] },
    { given: 'db-1', want: [] },
    { given: 'db-', want: ['dns1035Label'] },
    { given: 'db_1', want: ['dns1035Label'] },
    { given: 'x'.repeat(44), want: [] },
    { given: 'x'.repeat(45), want: ['maxLength'] },
    { given: 'x'.repeat(50), want: ['maxLength'] },
    { given: '', want: ['required'] },
    { given: 'Db', want: ['dns1035Label'] },
    { given: '1db', want: ['dns1035Label'] },
  ])('$given', ({ given, want }) => {
    expect(validatePostgresName(given).map((issue) => issue.rule)).toEqual(want);
    // The fast path every call takes must agree with the full check.
    expect(isValidPostgresName(given)).toBe(want.length === 0);
  });
});

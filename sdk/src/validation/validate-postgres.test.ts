import { describe, expect, it } from 'vitest';
import { postgresSpecSchema } from '../generated/zod.js';
import { isValidPostgresName, postgresPresetSizes, validatePostgres, validatePostgresName } from './validate-postgres.js';

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
      backup: {
        enabled: true,
        schedule: '0 2 * * * *',
        retentionPolicy: '14d',
        destinationPath: 's3://b/p/',
        endpointURL: 'https://s3',
        s3AccessKey: 'a',
        s3SecretKey: 's',
      },
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
  {
    name: 'quorum min above max',
    given: postgres({ replicas: 3, quorum: { minSyncReplicas: 2, maxSyncReplicas: 1 } }),
    want: [{ path: 'spec.quorum.minSyncReplicas', rule: 'quorumOrder' }],
  },
  {
    name: 'quorum max equal to replicas',
    given: postgres({ replicas: 2, quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 } }),
    want: [{ path: 'spec.quorum.maxSyncReplicas', rule: 'quorumBelowReplicas' }],
  },
  {
    name: 'quorum max against the default replicas',
    given: postgres({ quorum: { minSyncReplicas: 0, maxSyncReplicas: 2 } }),
    want: [{ path: 'spec.quorum.maxSyncReplicas', rule: 'quorumBelowReplicas' }],
  },
  { name: 'quorum missing one bound', given: postgres({ quorum: { maxSyncReplicas: 1 } }), want: [] },
  {
    name: 'negative quorum',
    given: postgres({ quorum: { minSyncReplicas: -1, maxSyncReplicas: 0 } }),
    want: [{ path: 'spec.quorum.minSyncReplicas', rule: 'minimum' }],
  },
  { name: 'reserved user postgres', given: postgres({ users: { postgres: {} } }), want: [{ path: 'spec.users.postgres', rule: 'reservedUser' }] },
  { name: 'user named "."', given: postgres({ users: { '.': {} } }), want: [{ path: 'spec.users["."]', rule: 'propertyNames' }] },
  { name: 'user starting with ..', given: postgres({ users: { '..x': {} } }), want: [{ path: 'spec.users["..x"]', rule: 'propertyNames' }] },
  { name: 'user with a space', given: postgres({ users: { 'a b': {} } }), want: [{ path: 'spec.users["a b"]', rule: 'propertyNames' }] },
  {
    name: 'user name of 254 characters',
    given: postgres({ users: { ['u'.repeat(254)]: {} } }),
    want: [{ path: `spec.users.${'u'.repeat(254)}`, rule: 'propertyNames' }],
  },
  // issue 18 row 3: streaming_replica lost its REPLICATION right and standbys were re-cloned in a loop
  {
    name: 'reserved user streaming_replica',
    given: postgres({ users: { streaming_replica: {} } }),
    want: [{ path: 'spec.users.streaming_replica', rule: 'reservedUser' }],
  },
  { name: 'reserved user in another case', given: postgres({ users: { Postgres: {} } }), want: [{ path: 'spec.users.Postgres', rule: 'reservedUser' }] },
  { name: 'reserved user public', given: postgres({ users: { public: {} } }), want: [{ path: 'spec.users.public', rule: 'reservedUser' }] },
  { name: 'user name starting with pg_', given: postgres({ users: { pg_monitor: {} } }), want: [{ path: 'spec.users.pg_monitor', rule: 'reservedUser' }] },
  {
    name: 'user named like a database role',
    given: postgres({ users: { shop_admin: {} }, databases: { shop: {} } }),
    want: [{ path: 'spec.users.shop_admin', rule: 'reservedUser' }],
  },
  { name: 'user named like an undeclared database role', given: postgres({ users: { shop_admin: {} } }), want: [] },
  // issue 18 row 6: PostgreSQL cut longer names to 63 bytes, so the role was created and dropped at once
  {
    name: 'user name of 64 characters',
    given: postgres({ users: { ['u'.repeat(64)]: {} } }),
    want: [{ path: `spec.users.${'u'.repeat(64)}`, rule: 'propertyNames' }],
  },
  { name: 'user name of 63 characters', given: postgres({ users: { ['u'.repeat(63)]: {} } }), want: [] },
  // issue 18 row 5: template0 could not be dropped again; postgres went to a tenant role
  {
    name: 'reserved database template0',
    given: postgres({ databases: { template0: {} } }),
    want: [{ path: 'spec.databases.template0', rule: 'reservedDatabase' }],
  },
  {
    name: 'reserved database template1',
    given: postgres({ databases: { template1: {} } }),
    want: [{ path: 'spec.databases.template1', rule: 'reservedDatabase' }],
  },
  {
    name: 'reserved database postgres',
    given: postgres({ databases: { postgres: {} } }),
    want: [{ path: 'spec.databases.postgres', rule: 'reservedDatabase' }],
  },
  {
    name: 'reserved database in another case',
    given: postgres({ databases: { TEMPLATE1: {} } }),
    want: [{ path: 'spec.databases.TEMPLATE1', rule: 'reservedDatabase' }],
  },
  {
    name: 'database whose roles would start with pg_',
    given: postgres({ databases: { pg_stats: {} } }),
    want: [{ path: 'spec.databases.pg_stats', rule: 'reservedDatabase' }],
  },
  {
    name: 'database name of 55 characters',
    given: postgres({ databases: { ['d'.repeat(55)]: {} } }),
    want: [{ path: `spec.databases.${'d'.repeat(55)}`, rule: 'propertyNames' }],
  },
  { name: 'database name of 54 characters', given: postgres({ databases: { ['d'.repeat(54)]: {} } }), want: [] },
  { name: 'database named ".."', given: postgres({ databases: { '..': {} } }), want: [{ path: 'spec.databases[".."]', rule: 'propertyNames' }] },
  {
    name: 'unknown user field',
    given: postgres({ users: { app: { superuser: true } } }),
    want: [{ path: 'spec.users.app.superuser', rule: 'additionalProperties' }],
  },
  { name: 'password not a string', given: postgres({ users: { app: { password: 1234 } } }), want: [{ path: 'spec.users.app.password', rule: 'type' }] },
  {
    name: 'role naming an undeclared user',
    given: postgres({ users: { app: {} }, databases: { shop: { roles: { admin: ['app'], readonly: ['ghost'] } } } }),
    want: [{ path: 'spec.databases.shop.roles.readonly[0]', rule: 'declaredUser' }],
  },
  {
    name: 'blocked parameter',
    given: postgres({ postgresql: { parameters: { archive_command: 'rm -rf /' } } }),
    want: [{ path: 'spec.postgresql.parameters.archive_command', rule: 'blockedParameter' }],
  },
  {
    name: 'shared_preload_libraries',
    given: postgres({ postgresql: { parameters: { shared_preload_libraries: 'x' } } }),
    want: [{ path: 'spec.postgresql.parameters.shared_preload_libraries', rule: 'blockedParameter' }],
  },
  {
    name: 'operator-managed parameter',
    given: postgres({ postgresql: { parameters: { wal_level: 'minimal' } } }),
    want: [{ path: 'spec.postgresql.parameters.wal_level', rule: 'operatorManagedParameter' }],
  },
  // issue 18 row 7: the API took these and the engine refused them (or wrote them) later
  {
    name: 'blocked parameter in mixed case',
    given: postgres({ postgresql: { parameters: { Archive_Command: 'sh' } } }),
    want: [{ path: 'spec.postgresql.parameters.Archive_Command', rule: 'blockedParameter' }],
  },
  // The chart lowercases a name before its check; PostgreSQL ignores the case of parameter names.
  { name: 'parameter in upper case', given: postgres({ postgresql: { parameters: { MAX_CONNECTIONS: '200' } } }), want: [] },
  {
    name: 'recovery time as the chart example writes it',
    given: postgres({ bootstrap: { enabled: true, oldName: 'old', recoveryTime: '2020-11-26 15:22:00.00000+00' } }),
    want: [],
  },
  {
    name: 'recovery time in RFC 3339',
    given: postgres({ bootstrap: { enabled: true, oldName: 'old', recoveryTime: '2026-01-02T03:04:05.5+02:00' } }),
    want: [],
  },
  { name: 'recovery time without a zone', given: postgres({ bootstrap: { enabled: true, oldName: 'old', recoveryTime: '2026-01-02T03:04:05' } }), want: [] },
  {
    name: 'backup fields the platform fills in',
    given: postgres({
      backup: {
        enabled: true,
        useSystemBucket: true,
        s3CredentialsSecret: { name: 's3', accessKeyIDKey: '', secretAccessKeyKey: '' },
        endpointCA: { name: 'ca', key: '' },
      },
      bootstrap: { enabled: false, oldName: '', serverName: '' },
    }),
    want: [],
  },
  {
    name: 'parameter name with =',
    given: postgres({ postgresql: { parameters: { 'work_mem = 1': '8MB' } } }),
    want: [{ path: 'spec.postgresql.parameters["work_mem = 1"]', rule: 'propertyNames' }],
  },
  {
    name: 'parameter name with a newline',
    given: postgres({ postgresql: { parameters: { 'work_mem\nport': '8MB' } } }),
    want: [{ path: 'spec.postgresql.parameters["work_mem\\nport"]', rule: 'propertyNames' }],
  },
  { name: 'custom parameter with a dot', given: postgres({ postgresql: { parameters: { 'auto_explain.log_min_duration': '1s' } } }), want: [] },
  {
    name: 'parameter name ending with a dot',
    given: postgres({ postgresql: { parameters: { 'auto_explain.': '1s' } } }),
    want: [{ path: 'spec.postgresql.parameters["auto_explain."]', rule: 'propertyNames' }],
  },
  ...['jit_provider', 'hba_file', 'data_directory', 'ident_file', 'config_file', 'extension_control_path', 'logging_collector'].map((parameter) => ({
    name: `blocked parameter ${parameter}`,
    given: postgres({ postgresql: { parameters: { [parameter]: 'x' } } }),
    want: [{ path: `spec.postgresql.parameters.${parameter}`, rule: 'blockedParameter' }],
  })),
  ...['port', 'listen_addresses', 'hot_standby', 'synchronous_standby_names', 'primary_slot_name', 'cluster_name'].map((parameter) => ({
    name: `operator-managed parameter ${parameter}`,
    given: postgres({ postgresql: { parameters: { [parameter]: 'x' } } }),
    want: [{ path: `spec.postgresql.parameters.${parameter}`, rule: 'operatorManagedParameter' }],
  })),
  {
    name: 'extension name with a quote',
    given: postgres({ databases: { shop: { extensions: ['x"; DROP'] } } }),
    want: [{ path: 'spec.databases.shop.extensions[0]', rule: 'pattern' }],
  },
  { name: 'extension name with a dash', given: postgres({ databases: { shop: { extensions: ['uuid-ossp'] } } }), want: [] },
  // issue 18 row 4: a newline in a value broke postgresql.conf and the next restart
  ...[
    ['a newline', 'on\nshared_preload_libraries = x'],
    ['a carriage return', 'on\r'],
    ['a NUL', 'a\u0000b'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
  ].map(([what, value]) => ({
    name: `parameter value with ${what ?? ''}`,
    given: postgres({ postgresql: { parameters: { application_name: value } } }),
    want: [{ path: 'spec.postgresql.parameters.application_name', rule: 'pattern' }],
  })),
  { name: 'parameter value with quotes and backslashes', given: postgres({ postgresql: { parameters: { search_path: `"$user", public\\x'` } } }), want: [] },
  {
    name: 'parameter of the wrong type',
    given: postgres({ postgresql: { parameters: { work_mem: true } } }),
    want: [{ path: 'spec.postgresql.parameters.work_mem', rule: 'type' }],
  },
  { name: 'bootstrap without oldName', given: postgres({ bootstrap: { enabled: true } }), want: [{ path: 'spec.bootstrap.oldName', rule: 'bootstrapSource' }] },
  {
    name: 'bootstrap from itself',
    given: postgres({ bootstrap: { enabled: true, oldName: 'orders' } }),
    want: [{ path: 'spec.bootstrap.oldName', rule: 'bootstrapSource' }],
  },
  {
    name: 'bad recovery time',
    given: postgres({ bootstrap: { enabled: true, oldName: 'old', recoveryTime: 'yesterday' } }),
    want: [{ path: 'spec.bootstrap.recoveryTime', rule: 'pattern' }],
  },
  {
    name: 'bad retention',
    given: postgres({ backup: { enabled: true, retentionPolicy: '30 days' } }),
    want: [{ path: 'spec.backup.retentionPolicy', rule: 'pattern' }],
  },
  { name: 'undefined values count as absent', given: postgres({ replicas: undefined, version: undefined }), want: [] },
];

describe('validatePostgres', () => {
  it.each(cases)('$name', ({ given, want }) => {
    const issues = validatePostgres(given);
    expect(issues.map(({ path, rule }) => ({ path, rule }))).toEqual(want);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(20);
  });

  it('says how long a user name may be (issue 18 row 6)', () => {
    const [issue] = validatePostgres(postgres({ users: { ['u'.repeat(64)]: {} } }));
    expect(issue?.message).toMatch(/keys must be: at most 63 characters$/);
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

describe('postgresPresetSizes', () => {
  it('sizes every preset the schema accepts, and only those', () => {
    const accepted = postgresSpecSchema.shape.resourcesPreset.unwrap().options;
    expect(Object.keys(postgresPresetSizes).sort()).toEqual([...accepted].sort());
  });

  it.each([
    { given: 't1.micro', want: { cpu: '500m', memory: '256Mi' } },
    { given: 'c1.small', want: { cpu: '1', memory: '1Gi' } },
    { given: 's1.large', want: { cpu: '4', memory: '8Gi' } },
    { given: 'u1.nano', want: { cpu: '250m', memory: '1Gi' } },
    { given: 'm1.4xlarge', want: { cpu: '32', memory: '256Gi' } },
    { given: 'medium', want: { cpu: '1', memory: '1Gi' } },
  ])('$given is $want.cpu CPU and $want.memory', ({ given, want }) => {
    expect(postgresPresetSizes[given]).toEqual(want);
  });
});

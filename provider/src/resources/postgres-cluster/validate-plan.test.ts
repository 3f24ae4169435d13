import { describe, expect, it } from 'vitest';
import { argsWith, platformDefaults, user } from './args-fixture.js';
import type { PostgresClusterArgs } from './model.js';
import { formatPath } from './plan-issue.js';
import { planArgs } from './plan-values.js';
import { checkPlan } from './validate-plan.js';

function plan(given: Partial<PostgresClusterArgs>, prior: PostgresClusterArgs | null = null) {
  const config = argsWith(given);
  const { planned } = planArgs({ config, prior, defaulted: platformDefaults, providerNamespace: 'tenant-demo', resolvedSchedulingClass: null });
  return checkPlan({ config, planned, prior, resolvedSchedulingClass: null, placementZones: config.zones });
}

function errors(given: Partial<PostgresClusterArgs>, prior: PostgresClusterArgs | null = null): string[] {
  return plan(given, prior)
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => formatPath(issue.path));
}

// API rules come from the SDK; this table proves each lands on the attribute the user wrote.
describe('checkPlan maps every API rule to its attribute', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: string[] }[] = [
    { name: 'quorum not below replicas', given: { replicas: 2, syncMode: 'quorum', maxSyncReplicas: 2 }, want: ['max_sync_replicas'] },
    { name: 'quorum min above max', given: { replicas: 5, syncMode: 'quorum', minSyncReplicas: 3, maxSyncReplicas: 2 }, want: ['min_sync_replicas'] },
    {
      name: 'role list names an undeclared user',
      given: { users: { app: user() }, databases: { shop: { admin: ['app'], readonly: ['ghost'], extensions: null } } },
      want: ['databases["shop"].readonly'],
    },
    { name: 'reserved user', given: { users: { postgres: user() } }, want: ['users["postgres"]'] },
    { name: 'blocked parameter', given: { parameters: { shared_preload_libraries: 'x' } }, want: ['parameters["shared_preload_libraries"]'] },
    { name: 'operator-managed parameter', given: { parameters: { wal_level: 'minimal' } }, want: ['parameters["wal_level"]'] },
    // issue 18 rows 3-7: refused at plan, on the attribute the user wrote
    { name: 'row 3: streaming_replica as a user', given: { users: { streaming_replica: user() } }, want: ['users["streaming_replica"]'] },
    { name: 'row 4: a newline in a parameter value', given: { parameters: { application_name: "x'\nport = '1" } }, want: ['parameters["application_name"]'] },
    {
      name: 'row 5: the template0 database',
      given: { databases: { template0: { admin: null, readonly: null, extensions: null } } },
      want: ['databases["template0"]'],
    },
    {
      name: 'row 5: the postgres database',
      given: { users: { app: user() }, databases: { postgres: { admin: ['app'], readonly: null, extensions: null } } },
      want: ['databases["postgres"]'],
    },
    { name: 'row 6: a user name of 64 characters', given: { users: { ['u'.repeat(64)]: user() } }, want: [`users["${'u'.repeat(64)}"]`] },
    { name: 'row 7: Archive_Command in mixed case', given: { parameters: { Archive_Command: 'sh' } }, want: ['parameters["Archive_Command"]'] },
    { name: 'row 7: a parameter name with =', given: { parameters: { 'work_mem=1': '1' } }, want: ['parameters["work_mem=1"]'] },
    {
      name: 'row 7: an extension name with a quote',
      given: { databases: { shop: { admin: null, readonly: null, extensions: ['x"y'] } } },
      want: ['databases["shop"].extensions'],
    },
    { name: 'row 7: jit_provider', given: { parameters: { jit_provider: 'x' } }, want: ['parameters["jit_provider"]'] },
    { name: 'row 7: hba_file', given: { parameters: { hba_file: '/tmp/x' } }, want: ['parameters["hba_file"]'] },
    { name: 'row 7: data_directory', given: { parameters: { data_directory: '/tmp' } }, want: ['parameters["data_directory"]'] },
    { name: 'unknown preset', given: { resourcesPreset: 'huge' }, want: ['resources_preset'] },
    { name: 'unknown version', given: { version: 'v12' }, want: ['version'] },
    { name: 'replicas below one', given: { replicas: 0 }, want: ['replicas'] },
    { name: 'name too long', given: { name: 'a'.repeat(45) }, want: ['name'] },
    { name: 'name not DNS-1035', given: { name: 'Orders_DB' }, want: ['name'] },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(errors(given)).toEqual(want);
  });

  it('accepts the production shape', () => {
    expect(
      errors({
        replicas: 3,
        syncMode: 'quorum',
        maxSyncReplicas: 1,
        users: { app: user(), bi: user() },
        databases: { shop: { admin: ['app'], readonly: ['bi'], extensions: ['pgcrypto'] } },
        parameters: { work_mem: '8MB' },
      }),
    ).toEqual([]);
  });

  it('reports config rules without repeating them as API errors', () => {
    expect(errors({ syncMode: 'quorum' })).toEqual(['sync_mode']);
  });
});

describe('checkPlan on update', () => {
  const prior = argsWith({
    version: 'v18',
    replicas: 3,
    syncMode: 'async',
    minSyncReplicas: 0,
    maxSyncReplicas: 0,
    storageSize: '20Gi',
    storageClass: '',
    schedulingClass: '',
    resourcesPreset: 'micro',
    external: false,
    users: { app: user({ password: 'p' }) },
    deletionProtection: false,
    allowDestructiveChanges: false,
    waitFor: 'all_instances',
  });
  it('refuses a shrink and a dropped user together', () => {
    expect(errors({ storageSize: '10Gi', users: {} }, prior)).toEqual(['storage_size', 'users']);
  });
  it('marks storage_class for replacement', () => {
    expect(plan({ storageClass: 'replicated', users: { app: user() } }, prior).requiresReplace.map(formatPath)).toEqual(['storage_class']);
  });
  it('warns when instances are pinned to one zone', () => {
    const issues = plan({ zones: ['gland'], users: { app: user() } }, prior).issues;
    expect(issues.map((issue) => `${issue.severity} ${formatPath(issue.path)}`)).toEqual(['warning zones']);
  });
});

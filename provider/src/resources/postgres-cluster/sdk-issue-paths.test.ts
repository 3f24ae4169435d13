import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { formatPath, withoutUnknownInputs } from './plan-issue.js';
import { issuesFromSdk, splitIssuePath, terraformPathFor, type SdkIssue } from './sdk-issue-paths.js';

describe('terraformPathFor', () => {
  const config = argsWith({ users: { 'app.reader': user(), ci: user({ passwordWo: 'x', passwordWoVersion: 1 }) } });
  const cases: { given: SdkIssue['path']; want: string }[] = [
    { given: 'spec.quorum.maxSyncReplicas', want: 'max_sync_replicas' },
    { given: 'spec.quorum.minSyncReplicas', want: 'min_sync_replicas' },
    { given: 'spec.replicas', want: 'replicas' },
    { given: 'spec.size', want: 'storage_size' },
    { given: 'spec.resourcesPreset', want: 'resources_preset' },
    { given: 'spec.resources.memory', want: 'memory' },
    { given: 'spec.postgresql.parameters.shared_preload_libraries', want: 'parameters["shared_preload_libraries"]' },
    { given: ['spec', 'users', 'postgres'], want: 'users["postgres"]' },
    { given: 'spec.users["app.reader"].replication', want: 'users["app.reader"].replication' },
    { given: 'spec.databases.shop.roles.admin[0]', want: 'databases["shop"].admin' },
    { given: 'spec.users.ci.password', want: 'users["ci"].password_wo' },
    { given: ['spec', 'databases', 'shop', 'roles', 'admin', 0], want: 'databases["shop"].admin' },
    { given: 'spec.databases.shop.extensions', want: 'databases["shop"].extensions' },
    { given: 'spec.backup.endpointURL', want: 'backup.endpoint_url' },
    { given: 'spec.bootstrap.oldName', want: 'restore.source_cluster' },
    { given: 'metadata.name', want: 'name' },
    { given: 'spec.somethingNew', want: '(resource)' },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect(formatPath(terraformPathFor(given, config))).toBe(want);
  });

  it('points a scheduling class problem at zones when zones chose it', () => {
    expect(formatPath(terraformPathFor('spec.schedulingClass', argsWith({ zones: ['gland'] })))).toBe('zones');
  });
});

describe('splitIssuePath', () => {
  it('keeps dotted map keys whole', () => {
    expect(splitIssuePath('spec.databases["my.db"].roles.readonly[2]')).toEqual(['spec', 'databases', 'my.db', 'roles', 'readonly', '2']);
    expect(splitIssuePath('spec.postgresql.parameters["pg_stat_statements.max"]')).toEqual(['spec', 'postgresql', 'parameters', 'pg_stat_statements.max']);
    expect(splitIssuePath('spec.users["say \\"hi\\""]')).toEqual(['spec', 'users', 'say "hi"']);
  });
});

describe('issuesFromSdk', () => {
  it('keeps the SDK message and rule, and drops issues about unknown values', () => {
    const issues = issuesFromSdk(
      [{ path: 'spec.quorum.maxSyncReplicas', rule: 'quorum-below-replicas', message: 'maxSyncReplicas (3) must be lower than replicas (3)' }],
      argsWith({}),
    );
    expect(issues).toEqual([
      {
        severity: 'error',
        path: [{ attribute: 'max_sync_replicas' }],
        summary: 'Invalid configuration (quorum-below-replicas)',
        detail: 'maxSyncReplicas (3) must be lower than replicas (3)',
        involves: ['max_sync_replicas'],
      },
    ]);
    expect(withoutUnknownInputs(issues, new Set(['max_sync_replicas']))).toEqual([]);
  });
});

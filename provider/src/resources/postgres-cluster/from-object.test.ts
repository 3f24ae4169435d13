import { describe, expect, it } from 'vitest';
import { argsWith, platformDefaults, user } from './args-fixture.js';
import { fromObject, type ReadContext } from './from-object.js';
import { inlineMapsAnnotation } from './inline-maps.js';
import type { PostgresClusterArgs } from './model.js';
import type { PostgresObject, PostgresSpec } from './postgres-spec.js';
import { toSpec } from './to-spec.js';

function object(spec: PostgresSpec, annotations?: Record<string, string>): PostgresObject {
  return {
    metadata: { name: 'orders', namespace: 'tenant-demo', ...(annotations === undefined ? {} : { annotations }) },
    spec: { ...platformDefaults, ...spec },
    status: { version: '0.18.0', conditions: [] },
  };
}

function context(prior: PostgresClusterArgs | null, credentials: Record<string, string> | null = null): ReadContext {
  return { prior, platformDefaults, credentials };
}

describe('fromObject keeps the prior spelling of equivalent values', () => {
  const prior = argsWith({
    storageSize: '10Gi',
    resourcesPreset: 'micro',
    cpu: null,
    memory: null,
    parameters: { max_connections: '100', work_mem: '4MB' },
    backup: {
      enabled: true,
      schedule: '0 2 * * *',
      retentionPolicy: null,
      destinationPath: 's3://b/',
      endpointUrl: 'https://s3',
      s3AccessKey: 'k',
      s3SecretKey: 's',
    },
  });
  const cases: { name: string; given: PostgresSpec; want: Partial<PostgresClusterArgs> }[] = [
    { name: 'quantity 10240Mi reads as 10Gi', given: { size: '10240Mi' }, want: { storageSize: '10Gi' } },
    { name: 'preset t1.micro reads as micro', given: { resourcesPreset: 't1.micro' }, want: { resourcesPreset: 'micro' } },
    { name: 'a real size change is drift', given: { size: '20Gi' }, want: { storageSize: '20Gi' } },
    { name: 'tls as the platform defaults it reads as unset', given: { tls: {} }, want: { tlsEnabled: null } },
    { name: 'tls.enabled reads as tls_enabled', given: { tls: { enabled: true } }, want: { tlsEnabled: true } },
    {
      name: 'integer parameter reads as its string',
      given: { postgresql: { parameters: { max_connections: 100, work_mem: '4MB' } } },
      want: { parameters: { max_connections: '100', work_mem: '4MB' } },
    },
    {
      name: 'six-field schedule reads as the configured five fields',
      given: {
        backup: {
          enabled: true,
          schedule: '0 0 2 * * *',
          retentionPolicy: '30d',
          destinationPath: 's3://b/',
          endpointURL: 'https://s3',
          s3AccessKey: 'k',
          s3SecretKey: 's',
        },
      },
      want: {
        backup: {
          enabled: true,
          schedule: '0 2 * * *',
          retentionPolicy: null,
          destinationPath: 's3://b/',
          endpointUrl: 'https://s3',
          s3AccessKey: 'k',
          s3SecretKey: 's',
        },
      },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(fromObject(object(given), context(prior))).toMatchObject(want);
  });
});

describe('fromObject on import (no prior state)', () => {
  it('reports configured values and hides what the platform filled in', () => {
    const spec = toSpec(
      argsWith({
        replicas: 3,
        syncMode: 'quorum',
        maxSyncReplicas: 1,
        parameters: { work_mem: '4MB' },
        users: { app: user() },
        databases: { shop: { admin: ['app'], readonly: null, extensions: null } },
      }),
    );
    const read = fromObject(object({ ...spec, postgresql: { parameters: { max_connections: 100, work_mem: '4MB' } } }), context(null, { app: 'generated' }));
    expect(read).toEqual({
      ...argsWith({}),
      version: 'v18',
      replicas: 3,
      syncMode: 'quorum',
      minSyncReplicas: 1,
      maxSyncReplicas: 1,
      schedulingClass: null,
      resourcesPreset: 't1.micro',
      storageSize: '10Gi',
      storageClass: '',
      external: false,
      parameters: { work_mem: '4MB' },
      users: { app: user({ password: 'generated' }) },
      databases: { shop: { admin: ['app'], readonly: null, extensions: null } },
      deletionProtection: false,
      allowDestructiveChanges: false,
      waitFor: 'all_instances',
    });
  });

  it('turns a bootstrap into restore and a six-field schedule into five', () => {
    const read = fromObject(
      object({
        bootstrap: { enabled: true, oldName: 'old', recoveryTime: '' },
        backup: { ...platformDefaults.backup, enabled: true, schedule: '0 30 1 * * *' },
      }),
      context(null),
    );
    expect(read.restore).toEqual({ sourceCluster: 'old', recoveryTime: null, serverName: null });
    expect(read.backup).toMatchObject({ enabled: true, schedule: '30 1 * * *', retentionPolicy: null });
  });
});

describe('fromObject users', () => {
  const cases: {
    name: string;
    given: { prior: PostgresClusterArgs; spec: PostgresSpec; credentials: Record<string, string> | null };
    want: PostgresClusterArgs['users'];
  }[] = [
    {
      name: 'write-only users never get a password in state',
      given: {
        prior: argsWith({ users: { ci: user({ passwordWoVersion: 3 }) } }),
        spec: { users: { ci: { password: 'from-spec' } } },
        credentials: { ci: 'from-secret' },
      },
      want: { ci: user({ passwordWoVersion: 3 }) },
    },
    {
      name: 'generated password read from the credentials',
      given: { prior: argsWith({ users: { app: user() } }), spec: { users: { app: {} } }, credentials: { app: 'Xy12' } },
      want: { app: user({ password: 'Xy12' }) },
    },
    {
      name: 'password changed outside Terraform shows as drift',
      given: { prior: argsWith({ users: { app: user({ password: 'mine' }) } }), spec: { users: { app: { password: 'theirs' } } }, credentials: null },
      want: { app: user({ password: 'theirs' }) },
    },
    {
      name: 'replication false the platform reports stays unset',
      given: {
        prior: argsWith({ users: { app: user({ password: 'p' }) } }),
        spec: { users: { app: { password: 'p', replication: false } } },
        credentials: null,
      },
      want: { app: user({ password: 'p' }) },
    },
    {
      name: 'user deleted outside Terraform disappears',
      given: { prior: argsWith({ users: { app: user({ password: 'p' }) } }), spec: { users: {} }, credentials: null },
      want: {},
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(fromObject(object(given.spec), context(given.prior, given.credentials)).users).toEqual(want);
  });
});

describe('fromObject reads only the users and databases the cluster manages', () => {
  // `ci` and `logs` were added by hikube_postgres_user/_database (or kubectl): not the cluster's.
  const shared: PostgresSpec = { users: { app: {}, ci: {} }, databases: { shop: { roles: { admin: ['app'] } }, logs: { roles: { readonly: ['ci'] } } } };
  const inline = argsWith({ users: { app: user() }, databases: { shop: { admin: ['app'], readonly: null, extensions: null } } });
  const cases: { name: string; given: { prior: PostgresClusterArgs | null; annotation?: string }; want: Pick<PostgresClusterArgs, 'users' | 'databases'> }[] = [
    {
      name: 'inline maps: the keys of the prior state only',
      given: { prior: inline },
      want: { users: { app: user() }, databases: { shop: { admin: ['app'], readonly: null, extensions: null } } },
    },
    { name: 'no inline maps: none, whatever the object holds', given: { prior: argsWith({}) }, want: { users: null, databases: null } },
    { name: 'import of a cluster whose configuration has no inline maps', given: { prior: null, annotation: 'none' }, want: { users: null, databases: null } },
    {
      name: 'import of a cluster with inline users only',
      given: { prior: null, annotation: 'users' },
      want: { users: { app: user(), ci: user() }, databases: null },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const annotations = given.annotation === undefined ? undefined : { [inlineMapsAnnotation]: given.annotation };
    const read = fromObject(object(shared, annotations), context(given.prior));
    expect({ users: read.users, databases: read.databases }).toEqual(want);
  });
});

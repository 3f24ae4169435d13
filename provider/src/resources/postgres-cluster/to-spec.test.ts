import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import type { PostgresClusterArgs } from './model.js';
import type { PostgresSpec } from './postgres-spec.js';
import { toSpec, type ToSpecOptions } from './to-spec.js';

describe('toSpec', () => {
  const cases: { name: string; given: PostgresClusterArgs; options?: ToSpecOptions; want: PostgresSpec }[] = [
    { name: 'nothing set writes nothing', given: argsWith({}), want: {} },
    {
      name: 'quorum with min defaulting to max',
      given: argsWith({ replicas: 3, syncMode: 'quorum', maxSyncReplicas: 1 }),
      want: { replicas: 3, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 } },
    },
    { name: 'async is an explicit 0/0 quorum', given: argsWith({ syncMode: 'async' }), want: { quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 } } },
    {
      name: 'sizing and storage',
      given: argsWith({ cpu: '1', memory: '2Gi', storageSize: '20Gi', storageClass: 'replicated', external: true, version: 'v17' }),
      want: { version: 'v17', resources: { cpu: '1', memory: '2Gi' }, size: '20Gi', storageClass: 'replicated', external: true },
    },
    { name: 'tls_enabled is spec.tls.enabled', given: argsWith({ tlsEnabled: false }), want: { tls: { enabled: false } } },
    {
      name: 'zones resolve to a class that wins over scheduling_class',
      given: argsWith({ schedulingClass: 'old', zones: ['gland'] }),
      options: { resolvedSchedulingClass: 'gland' },
      want: { schedulingClass: 'gland' },
    },
    {
      name: 'users: generated, given and write-only passwords',
      given: argsWith({ users: { app: user(), admin: user({ password: 's3cret', replication: true }), ci: user({ passwordWo: 'wo', passwordWoVersion: 1 }) } }),
      want: { users: { app: {}, admin: { password: 's3cret', replication: true }, ci: {} } },
    },
    {
      name: 'write-only passwords included on request',
      given: argsWith({ users: { ci: user({ passwordWo: 'wo', passwordWoVersion: 1 }) } }),
      options: { includeWriteOnlyPasswords: true },
      want: { users: { ci: { password: 'wo' } } },
    },
    {
      name: 'databases with sorted, de-duplicated role lists',
      given: argsWith({ databases: { shop: { admin: ['b', 'a', 'b'], readonly: null, extensions: ['pgcrypto'] } } }),
      want: { databases: { shop: { roles: { admin: ['a', 'b'] }, extensions: ['pgcrypto'] } } },
    },
    {
      name: 'backup schedule converted to six fields',
      given: argsWith({
        backup: {
          enabled: true,
          schedule: '0 2 * * *',
          retentionPolicy: '7d',
          destinationPath: 's3://b/p/',
          endpointUrl: 'https://s3',
          s3AccessKey: 'k',
          s3SecretKey: 's',
        },
      }),
      want: {
        backup: {
          enabled: true,
          schedule: '0 0 2 * * *',
          retentionPolicy: '7d',
          destinationPath: 's3://b/p/',
          endpointURL: 'https://s3',
          s3AccessKey: 'k',
          s3SecretKey: 's',
        },
      },
    },
    {
      name: 'restore becomes bootstrap',
      given: argsWith({ restore: { sourceCluster: 'orders-old', recoveryTime: '2026-11-01T10:00:00Z' } }),
      want: { bootstrap: { enabled: true, oldName: 'orders-old', recoveryTime: '2026-11-01T10:00:00Z' } },
    },
    {
      name: 'parameters copied as strings',
      given: argsWith({ parameters: { max_connections: '200', work_mem: '8MB' } }),
      want: { postgresql: { parameters: { max_connections: '200', work_mem: '8MB' } } },
    },
  ];
  it.each(cases)('$name', ({ given, options, want }) => {
    expect(toSpec(given, options)).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { checkConfig } from './config-rules.js';
import type { PostgresClusterArgs } from './model.js';
import { formatPath } from './plan-issue.js';

const backup = {
  enabled: true,
  schedule: null,
  retentionPolicy: null,
  destinationPath: 's3://b/',
  endpointUrl: 'https://s3',
  s3AccessKey: 'k',
  s3SecretKey: 's',
};

describe('checkConfig rejects', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; want: { path: string; message: RegExp } }[] = [
    { name: 'quorum bounds without quorum mode', given: { maxSyncReplicas: 1 }, want: { path: 'max_sync_replicas', message: /sync_mode = "quorum"/ } },
    { name: 'min with async', given: { syncMode: 'async', minSyncReplicas: 1 }, want: { path: 'min_sync_replicas', message: /sync_mode is "async"/ } },
    { name: 'quorum without max', given: { syncMode: 'quorum' }, want: { path: 'sync_mode', message: /needs max_sync_replicas/ } },
    { name: 'quorum of zero', given: { syncMode: 'quorum', maxSyncReplicas: 0 }, want: { path: 'max_sync_replicas', message: /use sync_mode = "async"/ } },
    {
      name: 'zones and scheduling_class',
      given: { zones: ['gland'], schedulingClass: 'spread' },
      want: { path: 'scheduling_class', message: /either zones.*or scheduling_class/ },
    },
    { name: 'empty zones', given: { zones: [] }, want: { path: 'zones', message: /at least one zone/ } },
    {
      name: 'primary_zone alone',
      given: { primaryZone: 'gland' },
      want: { path: 'primary_zone', message: /no class can place the primary in a zone\. Remove primary_zone/ },
    },
    {
      name: 'primary_zone with zones',
      given: { zones: ['lucerne', 'gland'], primaryZone: 'gland' },
      want: { path: 'primary_zone', message: /same constraints and CloudNativePG elects the primary/ },
    },
    {
      name: 'preset and cpu',
      given: { resourcesPreset: 'small', cpu: '1', memory: '1Gi' },
      want: { path: 'cpu', message: /either resources_preset or cpu and memory/ },
    },
    { name: 'cpu without memory', given: { cpu: '1' }, want: { path: 'cpu', message: /set memory too/ } },
    {
      name: 'password and password_wo',
      given: { users: { app: user({ password: 'a', passwordWo: 'b', passwordWoVersion: 1 }) } },
      want: { path: 'users["app"].password_wo', message: /both password and password_wo/ },
    },
    {
      name: 'password_wo without version',
      given: { users: { app: user({ passwordWo: 'b' }) } },
      want: { path: 'users["app"].password_wo_version', message: /set password_wo_version = 1/ },
    },
    {
      name: 'version without password_wo',
      given: { users: { app: user({ passwordWoVersion: 1 }) } },
      want: { path: 'users["app"].password_wo', message: /without password_wo/ },
    },
    { name: 'four-field schedule', given: { backup: { ...backup, schedule: '0 2 * *' } }, want: { path: 'backup.schedule', message: /5 fields/ } },
    {
      name: 'restore into its own name',
      given: { restore: { sourceCluster: 'orders', recoveryTime: null }, backup },
      want: { path: 'restore.source_cluster', message: /different name/ },
    },
    {
      name: 'restore without backup settings',
      given: { restore: { sourceCluster: 'old', recoveryTime: null } },
      want: { path: 'restore', message: /set the backup block/ },
    },
    // The chart's own refusals (cozystack packages/apps/postgres/templates/db.yaml)
    {
      name: 'restore with storage but no credentials',
      given: { restore: { sourceCluster: 'old', recoveryTime: null }, backup: { ...backup, s3AccessKey: null, s3SecretKey: null } },
      want: { path: 'restore', message: /s3_credentials_secret/ },
    },
    {
      name: 'restore from the system bucket',
      given: { restore: { sourceCluster: 'old', recoveryTime: null }, backup: { ...backup, useSystemBucket: true } },
      want: { path: 'backup.use_system_bucket', message: /RestoreJob/ },
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const issues = checkConfig(argsWith(given));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('error');
    expect(formatPath(issues[0]?.path ?? null)).toBe(want.path);
    expect(issues[0]?.detail).toMatch(want.message);
  });
});

describe('checkConfig accepts', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs> }[] = [
    { name: 'nothing but a name', given: {} },
    {
      name: 'the production shape',
      given: { replicas: 3, syncMode: 'quorum', maxSyncReplicas: 1, zones: ['gland', 'lucerne', 'geneva'], resourcesPreset: 'u1.small' },
    },
    { name: 'explicit resources', given: { cpu: '2', memory: '4Gi' } },
    { name: 'write-only password', given: { users: { app: user({ passwordWo: 'x', passwordWoVersion: 1 }) } } },
    {
      name: 'restore with the keys in an existing Secret',
      given: {
        restore: { sourceCluster: 'old', recoveryTime: '2020-11-26 15:22:00.00000+00', serverName: 'orders-prefix' },
        backup: { ...backup, s3AccessKey: null, s3SecretKey: null, s3CredentialsSecret: 'orders-s3' },
      },
    },
    {
      name: 'restore with backup settings',
      given: { restore: { sourceCluster: 'old', recoveryTime: '2026-11-01T00:00:00Z' }, backup: { ...backup, schedule: '0 2 * * *' } },
    },
  ];
  it.each(cases)('$name', ({ given }) => {
    expect(checkConfig(argsWith(given))).toEqual([]);
  });
});

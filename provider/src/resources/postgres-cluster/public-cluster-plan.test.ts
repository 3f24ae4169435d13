import { describe, expect, it } from 'vitest';
import { emptyArgs, emptyComputed, type PostgresClusterArgs, type PostgresClusterModel } from './model.js';
import { formatPath } from './plan-issue.js';
import { planPublicCluster, platformChanged } from './public-cluster-plan.js';

const catalog = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const base: PostgresClusterArgs = {
  ...emptyArgs,
  name: 'orders',
  version: 'v17',
  replicas: 3,
  storageSize: '10Gi',
  resourcesPreset: 'small',
  syncMode: 'quorum',
  maxSyncReplicas: 1,
  external: true,
};
const prior: PostgresClusterModel = {
  ...base,
  ...emptyComputed,
  minSyncReplicas: 1,
  maxConnections: 100,
  deletionProtection: false,
  allowDestructiveChanges: false,
  waitFor: 'all_instances',
  id: 'orders',
  ready: true,
  status: 'ready',
  host: null,
  port: null,
  createdAt: '2026-12-03T10:00:00Z',
};

async function plan(config: Partial<PostgresClusterArgs>, options: { prior?: PostgresClusterModel | null; unknown?: string[] } = {}) {
  let catalogReads = 0;
  const result = await planPublicCluster({
    config: { ...base, ...config },
    prior: options.prior === undefined ? null : options.prior,
    unknownAttributes: new Set(options.unknown ?? []),
    presets: async () => {
      catalogReads++;
      return catalog;
    },
  });
  return {
    ...result,
    catalogReads,
    errors: result.issues.filter((issue) => issue.severity === 'error').map((issue) => [formatPath(issue.path), issue.detail] as const),
  };
}

describe('planPublicCluster: refused at plan, at the attribute', () => {
  const cases: { name: string; given: Partial<PostgresClusterArgs>; prior?: PostgresClusterModel; at: string; says: RegExp }[] = [
    { name: 'zones', given: { zones: ['gland'] }, at: 'zones', says: /Cozystack Kubernetes API; Hikube's public API has no such field/ },
    { name: 'a scheduling class', given: { schedulingClass: 'spread' }, at: 'scheduling_class', says: /public API has no such field/ },
    { name: 'a storage class', given: { storageClass: 'local' }, at: 'storage_class', says: /replica count decides/ },
    {
      name: 'tls_enabled',
      given: { tlsEnabled: true },
      at: 'tls_enabled',
      says: /Cozystack Kubernetes API.*certificate's hosts.*configure the provider for the Kubernetes API/,
    },
    { name: 'cpu and memory', given: { cpu: '1', memory: '1Gi', resourcesPreset: null }, at: 'cpu', says: /use resources_preset/ },
    { name: 'inline users', given: { users: {} }, at: 'users', says: /hikube_postgres_user/ },
    {
      name: 'backups',
      given: {
        backup: { enabled: true, schedule: null, retentionPolicy: null, destinationPath: null, endpointUrl: null, s3AccessKey: null, s3SecretKey: null },
      },
      at: 'backup',
      says: /not offered/,
    },
    { name: 'a parameter other than max_connections', given: { parameters: { work_mem: '8MB' } }, at: 'parameters', says: /only max_connections.*"work_mem"/ },
    { name: 'two values for max_connections', given: { parameters: { max_connections: '150' }, maxConnections: 200 }, at: 'max_connections', says: /disagree/ },
    { name: 'a size that is not whole GiB', given: { storageSize: '10G' }, at: 'storage_size', says: /does not convert exactly/ },
    { name: 'a name with a hyphen', given: { name: 'orders-db' }, at: 'name', says: /3 to 16 lowercase letters and digits \(no hyphen\)/ },
    { name: 'a name too short', given: { name: 'db' }, at: 'name', says: /too short/ },
    { name: 'an unsupported version', given: { version: 'v14' }, at: 'version', says: /must be one of "v15", "v16", "v17", "v18"/ },
    { name: 'nine replicas', given: { replicas: 9 }, at: 'replicas', says: /at most 8/ },
    { name: 'too large a size', given: { storageSize: '5000Gi' }, at: 'storage_size', says: /storage_size \(in GB\) must be at most 4096/ },
    { name: 'too many connections', given: { maxConnections: 20000 }, at: 'max_connections', says: /max_connections must be at most 10000/ },
    {
      name: 'a quorum minimum above its maximum',
      given: { minSyncReplicas: 2, maxSyncReplicas: 1 },
      at: 'max_sync_replicas',
      says: /at least minSyncReplicas/,
    },
    { name: 'a quorum as large as the replicas', given: { maxSyncReplicas: 3 }, at: 'max_sync_replicas', says: /lower than replicas = 3/ },
    { name: 'no version at creation', given: { version: null }, at: 'version', says: /needs version to create a cluster/ },
    {
      name: 'a preset not in the catalog',
      given: { resourcesPreset: 'huge' },
      at: 'resources_preset',
      says: /not in Hikube's presets catalog: use one of "nano"/,
    },
    { name: 'a downgrade', given: { version: 'v16' }, prior, at: 'version', says: /cannot go from v17 down to v16/ },
    { name: 'a shrink', given: { storageSize: '5Gi' }, prior, at: 'storage_size', says: /only grow/ },
  ];
  it.each(cases)('$name', async ({ given, prior: before, at, says }) => {
    const result = await plan(given, { prior: before ?? null });
    expect(result.errors.map(([path]) => path)).toContain(at);
    expect(result.errors.find(([path]) => path === at)?.[1]).toMatch(says);
  });

  it('reads the presets catalog only when everything else is valid', async () => {
    expect((await plan({ resourcesPreset: 'huge', name: 'x' })).catalogReads).toBe(0);
    expect((await plan({ resourcesPreset: 'medium' })).catalogReads).toBe(1);
    expect((await plan({}, { prior })).catalogReads).toBe(0);
  });

  it('leaves rules on values not known yet to apply', async () => {
    expect((await plan({ name: null, version: 'v12' }, { unknown: ['version'] })).errors).toEqual([]);
  });
});

describe('planPublicCluster: changes', () => {
  it('plans nothing when the configuration matches the state, in any spelling', async () => {
    const result = await plan({ storageSize: '10240Mi', resourcesPreset: 't1.small' }, { prior });
    expect(result.errors).toEqual([]);
    expect(result.unknownComputed).toEqual([]);
    expect(result.requiresReplace).toEqual([]);
    expect(platformChanged(prior, result.planned)).toBe(false);
  });

  it('keeps what the configuration leaves out (optional and computed)', async () => {
    const result = await plan({ maxConnections: null, external: null }, { prior });
    expect(result.planned).toMatchObject({ maxConnections: 100, external: true });
  });

  it('replaces the cluster across 1 <-> 2-8 replicas, and says why', async () => {
    const result = await plan({ replicas: 1, syncMode: 'async', maxSyncReplicas: null }, { prior });
    expect(result.requiresReplace.map(formatPath)).toEqual(['replicas']);
    expect(result.issues.find((issue) => issue.severity === 'warning')?.detail).toMatch(/replicas goes from 3 to 1: .*refuses the switch \(code 80201\)/);
  });

  it('scales within 2-8 in place, and marks status unknown', async () => {
    const result = await plan({ replicas: 5 }, { prior: { ...prior, host: '127.0.0.2', port: 5432 } });
    expect(result.requiresReplace).toEqual([]);
    expect(result.unknownComputed).toEqual(['ready', 'status']);
    // An external cluster whose address is not assigned yet may get it with this change.
    expect((await plan({ replicas: 5 }, { prior })).unknownComputed).toEqual(['ready', 'status', 'host', 'port']);
  });

  it('refuses a replacement under deletion_protection', async () => {
    const result = await plan({ name: 'orders2' }, { prior: { ...prior, deletionProtection: true } });
    expect(result.errors[0]?.[1]).toMatch(/deletion_protection is true/);
  });
});

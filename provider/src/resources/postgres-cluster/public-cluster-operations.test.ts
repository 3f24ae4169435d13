import { publicSchemas, PublicNotFoundError, WaitFailedError, type ClusterChange, type ClustersApi } from '@hikube/sdk/public';
import { describe, expect, it } from 'vitest';
import { emptyArgs, emptyComputed, type PostgresClusterArgs, type PostgresClusterModel } from './model.js';
import { createPublicCluster, deletePublicCluster, importPublicCluster, readPublicCluster, updatePublicCluster } from './public-cluster-operations.js';

const signal = new AbortController().signal;
const planned: PostgresClusterArgs = {
  ...emptyArgs,
  name: 'orders',
  version: 'v17',
  replicas: 3,
  storageSize: '10Gi',
  resourcesPreset: 't1.small',
  syncMode: 'quorum',
  minSyncReplicas: 1,
  maxSyncReplicas: 1,
  external: true,
  maxConnections: 200,
  deletionProtection: false,
  allowDestructiveChanges: false,
  waitFor: 'all_instances',
};
const answer = (fields: Record<string, unknown> = {}) =>
  publicSchemas.clusterSchema.parse({
    name: 'orders',
    version: 'v17',
    replicas: '3',
    size: '10',
    preset: 'small',
    external: true,
    config: { maxConnections: '200' },
    quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' },
    status: 'ready',
    ...fields,
  });

/** A clusters client that records what it is sent; `waitError` makes the wait fail as on status error. */
function fakeClusters(options: { waitError?: Error; missing?: boolean } = {}) {
  const calls: { op: string; body?: unknown }[] = [];
  const clusters = {
    async create(body: unknown) {
      calls.push({ op: 'create', body });
      return answer({ status: 'provisioning' });
    },
    async update(_name: string, change: ClusterChange) {
      calls.push({ op: 'update', body: change });
      return answer({ status: 'provisioning' });
    },
    async waitUntilReady() {
      calls.push({ op: 'wait' });
      if (options.waitError) throw options.waitError;
      return answer();
    },
    async get() {
      if (options.missing)
        throw new PublicNotFoundError(
          'HIKUBE_API_NOT_FOUND',
          'not found',
          404,
          { apiCode: undefined, requestId: undefined, message: undefined, details: [], excerpt: undefined },
          'PostgresService_GetPostgresCluster',
        );
      return answer({ config: { maxConnections: '300' } });
    },
    async delete() {
      calls.push({ op: 'delete' });
    },
    async waitUntilDeleted() {
      calls.push({ op: 'waitDeleted' });
    },
  } as unknown as ClustersApi;
  return { clusters, calls };
}

const presets = async () => ['nano', 'micro', 'small'];
const apply = (clusters: ClustersApi) => ({ planned, clusters, presets, timeoutMs: 1000, signal, onProgress: () => {} });
const prior: PostgresClusterModel = { ...planned, ...emptyComputed, maxConnections: 100, id: 'orders', status: 'ready', ready: true };

describe('the public cluster life cycle', () => {
  it("creates with the catalog's spelling of the preset, waits, and keeps the configured spelling in state", async () => {
    const { clusters, calls } = fakeClusters();
    const result = await createPublicCluster(apply(clusters));
    expect(calls.map((call) => call.op)).toEqual(['create', 'wait']);
    expect(calls[0]?.body).toMatchObject({
      name: 'orders',
      version: 'v17',
      size: 10,
      replicas: 3,
      preset: 'small',
      external: true,
      config: { maxConnections: 200 },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
    expect(result.issues).toEqual([]);
    // The API's reading after the wait: its max_connections is what state shows (drift would show).
    expect(result.state).toMatchObject({ resourcesPreset: 't1.small', storageSize: '10Gi', maxConnections: 300, status: 'ready', id: 'orders' });
  });

  it("sends the complete configuration on every update, through the SDK's complete update", async () => {
    const { clusters, calls } = fakeClusters();
    await updatePublicCluster({ ...apply(clusters), prior });
    expect(calls[0]).toEqual({
      op: 'update',
      body: {
        version: 'v17',
        replicas: 3,
        external: true,
        size: 10,
        preset: 'small',
        config: { maxConnections: 200 },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      },
    });
  });

  it('sends nothing when only Terraform-side settings change', async () => {
    const { clusters, calls } = fakeClusters();
    const result = await updatePublicCluster({
      ...apply(clusters),
      prior: { ...prior, maxConnections: 200 },
      planned: { ...planned, deletionProtection: true },
    });
    expect(calls).toEqual([]);
    expect(result.state).toMatchObject({ deletionProtection: true, status: 'ready' });
  });

  it("keeps a cluster whose wait failed in state, with the platform's reason", async () => {
    const { clusters } = fakeClusters({
      waitError: new WaitFailedError('cluster "orders" reports status error: provisioning failed', answer({ status: 'error' })),
    });
    const result = await createPublicCluster(apply(clusters));
    expect(result.state).not.toBeNull();
    expect(result.issues.map((issue) => [issue.summary, issue.detail])).toEqual([
      ['Cluster orders was created but is not ready', 'cluster "orders" reports status error: provisioning failed'],
    ]);
  });

  it('forgets a cluster deleted elsewhere, and fails an import clearly', async () => {
    const { clusters } = fakeClusters({ missing: true });
    expect((await readPublicCluster({ prior, clusters, signal })).state).toBeNull();
    expect((await importPublicCluster({ id: 'orders', clusters, signal })).issues[0]?.summary).toBe('Cluster not found');
    expect((await importPublicCluster({ id: 'tenant-demo/orders', clusters, signal })).issues[0]?.detail).toMatch(/by its name alone/);
  });

  it('deletes and waits until it is gone, unless protected', async () => {
    const { clusters, calls } = fakeClusters();
    expect(await deletePublicCluster({ prior, clusters, timeoutMs: 1000, signal })).toEqual([]);
    expect(calls.map((call) => call.op)).toEqual(['delete', 'waitDeleted']);
    const protectedCall = fakeClusters();
    expect(
      (await deletePublicCluster({ prior: { ...prior, deletionProtection: true }, clusters: protectedCall.clusters, timeoutMs: 1000, signal }))[0]?.summary,
    ).toBe('Cluster is protected from deletion');
    expect(protectedCall.calls).toEqual([]);
  });
});

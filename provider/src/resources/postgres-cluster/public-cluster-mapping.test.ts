import { publicSchemas } from '@hikube/sdk/public';
import { describe, expect, it } from 'vitest';
import { emptyArgs, type PostgresClusterArgs } from './model.js';
import { argsFromCluster, computedFromCluster, createBody, sizeFromQuantity } from './public-cluster-mapping.js';

// What the API sends: int64 values as strings, zero values omitted.
const answer = (fields: Record<string, unknown> = {}) =>
  publicSchemas.clusterSchema.parse({
    id: 'c1',
    name: 'orders',
    version: 'v17',
    replicas: '3',
    size: '10',
    preset: 'small',
    external: true,
    config: { maxConnections: '200' },
    quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' },
    host: '127.0.0.2',
    status: 'ready',
    createdAt: '2026-12-03T10:00:00Z',
    ...fields,
  });

describe('sizeFromQuantity', () => {
  const cases: { given: string; want: number | null }[] = [
    { given: '10Gi', want: 10 },
    { given: '10240Mi', want: 10 },
    { given: '1Ti', want: 1024 },
    { given: '10G', want: null },
    { given: '1.5Gi', want: null },
    { given: 'ten', want: null },
    { given: '0', want: null },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => expect(sizeFromQuantity(given)).toBe(want));
});

describe('argsFromCluster', () => {
  it('reads int64 strings as numbers and keeps the prior spelling of equal values', () => {
    const prior: PostgresClusterArgs = { ...emptyArgs, storageSize: '10240Mi', resourcesPreset: 't1.small', parameters: { max_connections: '0200' } };
    expect(argsFromCluster(answer(), prior)).toMatchObject({
      replicas: 3,
      storageSize: '10240Mi',
      resourcesPreset: 't1.small',
      maxConnections: 200,
      parameters: { max_connections: '0200' },
      syncMode: 'quorum',
      minSyncReplicas: 1,
      maxSyncReplicas: 1,
      external: true,
    });
  });

  it('shows a change made elsewhere as drift', () => {
    const prior: PostgresClusterArgs = { ...emptyArgs, storageSize: '10Gi', external: true };
    expect(argsFromCluster(answer({ size: '20', external: false, quorum: {} }), prior)).toMatchObject({
      storageSize: '20Gi',
      external: false,
      syncMode: 'async',
    });
  });

  it('reads omitted zero values as not set', () => {
    const args = argsFromCluster(answer({ config: {}, quorum: null }), null);
    expect(args).toMatchObject({ maxConnections: null, syncMode: 'async', minSyncReplicas: null, maxSyncReplicas: null, parameters: null });
  });
});

describe('computedFromCluster', () => {
  it('gives the port with the host, and nothing before the host is assigned', () => {
    expect(computedFromCluster(answer())).toMatchObject({
      id: 'orders',
      status: 'ready',
      ready: true,
      host: '127.0.0.2',
      port: 5432,
      createdAt: '2026-12-03T10:00:00Z',
    });
    expect(computedFromCluster(answer({ host: '', status: 'provisioning' }))).toMatchObject({ host: null, port: null, ready: false });
  });
});

describe('createBody', () => {
  it('sends every known setting, the quorum minimum defaulting to its maximum', () => {
    const planned: PostgresClusterArgs = {
      ...emptyArgs,
      name: 'orders',
      version: 'v17',
      replicas: 3,
      storageSize: '20Gi',
      external: false,
      syncMode: 'quorum',
      maxSyncReplicas: 2,
      maxConnections: 150,
    };
    expect(createBody(planned, 'small')).toEqual({
      name: 'orders',
      version: 'v17',
      size: 20,
      replicas: 3,
      external: false,
      preset: 'small',
      config: { maxConnections: 150 },
      quorum: { minSyncReplicas: 2, maxSyncReplicas: 2 },
    });
  });
});

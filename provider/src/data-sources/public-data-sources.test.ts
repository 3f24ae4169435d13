import { publicSchemas, type PostgresApi } from '@hikube/sdk/public';
import { createLogger, Diagnostics } from '@hikube/tfplugin';
import { describe, expect, it } from 'vitest';
import { MemoryClusterApi } from '../resources/postgres-cluster/memory-cluster-api.js';
import { postgresExtensionsDataSource, postgresPresetsDataSource } from './public-catalogs.js';
import { postgresClusterDataSource } from './postgres-cluster.js';
import { postgresClustersDataSource } from './postgres-clusters.js';
import { postgresDatabaseDataSource, postgresDatabasesDataSource } from './public-databases.js';
import { postgresUserDataSource, postgresUsersDataSource } from './public-users.js';

const signal = new AbortController().signal;
const logger = createLogger({ level: 'off' });

// Answers as the API sends them (int64 as strings), parsed by the SDK's own schemas.
const cluster = (name: string, status: string) =>
  publicSchemas.clusterSchema.parse({
    name,
    version: 'v17',
    replicas: '3',
    size: '10',
    preset: 'small',
    external: true,
    host: '127.0.0.2',
    status,
    createdAt: '2026-12-03T10:00:00Z',
    quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' },
  });
const shop = publicSchemas.databaseSchema.parse({
  databaseName: 'shop',
  extensions: ['pgcrypto', 'citext'],
  roles: { admin: ['app'], readonly: ['bi', 'audit'] },
});
const app = publicSchemas.userSchema.parse({ username: 'app', config: { privileges: {}, databases: { shop: { role: 'admin' }, old: { role: '' } } } });

const fake = {
  presets: async () => [{ name: 'small', cpu: '1', memory: '512Mi' }],
  extensions: async () => ['pgcrypto', 'citext'],
  clusters: { list: async () => [cluster('search', 'provisioning'), cluster('orders', 'ready')], get: async (name: string) => cluster(name, 'ready') },
  databases: () => ({ list: async () => [shop], get: async () => shop }),
  users: () => ({ list: async () => [app], get: async () => app }),
} as unknown as PostgresApi;

async function read(
  source: { read: (req: never, resp: never) => unknown },
  config: Record<string, unknown>,
  providerData: unknown = { backend: 'public', postgres: fake, projectId: 'p' },
) {
  const resp = { state: { ...config } as Record<string, unknown>, diagnostics: new Diagnostics() };
  await source.read({ config, providerData, signal, logger } as never, resp as never);
  return resp;
}

describe('data sources on the public API', () => {
  it('read the catalogs', async () => {
    expect((await read(postgresPresetsDataSource, {})).state).toEqual({ presets: [{ name: 'small', cpu: '1', memory: '512Mi' }] });
    expect((await read(postgresExtensionsDataSource, {})).state).toEqual({ names: ['citext', 'pgcrypto'] });
  });

  it("list the project's clusters and read one as the resource would show it", async () => {
    const list = await read(postgresClustersDataSource, { namespace: null, label_selector: null, clusters: null });
    expect(list.state['clusters']).toEqual([
      { id: 'orders', name: 'orders', version: 'v17', replicas: 3, ready: true, status: 'ready', chart_version: null, host: '127.0.0.2' },
      { id: 'search', name: 'search', version: 'v17', replicas: 3, ready: false, status: 'provisioning', chart_version: null, host: '127.0.0.2' },
    ]);
    const one = await read(postgresClusterDataSource, { name: 'orders', namespace: null });
    expect(one.diagnostics.items).toEqual([]);
    expect(one.state).toMatchObject({
      name: 'orders',
      storage_size: '10Gi',
      sync_mode: 'quorum',
      max_sync_replicas: 1,
      host: '127.0.0.2',
      port: 5432,
      status: 'ready',
    });
  });

  it('refuse Kubernetes-only settings on the attribute', async () => {
    const resp = await read(postgresClustersDataSource, { namespace: null, label_selector: 'team=a', clusters: null });
    expect(resp.diagnostics.items.map((item) => [item.summary, item.path])).toEqual([['Not on the public API', ['label_selector']]]);
  });

  it('read databases and users, roles sorted, never a password', async () => {
    expect((await read(postgresDatabaseDataSource, { cluster: 'orders', name: 'shop' })).state).toEqual({
      cluster: 'orders',
      id: 'orders/shop',
      name: 'shop',
      extensions: ['citext', 'pgcrypto'],
      admin: ['app'],
      readonly: ['audit', 'bi'],
    });
    expect(((await read(postgresDatabasesDataSource, { cluster: 'orders' })).state['databases'] as unknown[]).length).toBe(1);
    expect((await read(postgresUserDataSource, { cluster: 'orders', name: 'app' })).state).toEqual({
      cluster: 'orders',
      id: 'orders/app',
      name: 'app',
      replication: false,
      databases: { shop: 'admin' },
    });
    expect((await read(postgresUsersDataSource, { cluster: 'orders' })).state['users']).toEqual([
      { id: 'orders/app', name: 'app', replication: false, databases: { shop: 'admin' } },
    ]);
  });

  it('say what to use instead on the Kubernetes API', async () => {
    const resp = await read(postgresUsersDataSource, { cluster: 'orders' }, { backend: 'kubernetes', api: new MemoryClusterApi([]), namespace: 'tenant-demo' });
    expect(resp.diagnostics.items[0]?.detail).toMatch(/declare it inline in hikube_postgres_cluster's users map/);
  });
});

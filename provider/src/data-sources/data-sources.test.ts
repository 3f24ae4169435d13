import type { SchedulingClass } from '@hikube/sdk/kubernetes';
import { createLogger, Diagnostics } from '@hikube/tfplugin';
import { describe, expect, it } from 'vitest';
import { pinnedClass, schedulingClass, spreadClass, zonesClass } from '../resources/postgres-cluster/class-fixture.js';
import { MemoryClusterApi } from '../resources/postgres-cluster/memory-cluster-api.js';
import { postgresClusterDataSource } from './postgres-cluster.js';
import { postgresClustersDataSource } from './postgres-clusters.js';
import { schedulingClassesDataSource } from './scheduling-classes.js';

const signal = new AbortController().signal;
const logger = createLogger({ level: 'off' });

async function platform(): Promise<MemoryClusterApi> {
  const classes: SchedulingClass[] = [
    pinnedClass('gland', 'gland'),
    zonesClass('lucerne', ['lucerne'], false),
    spreadClass('spread'),
    schedulingClass('gpu', { nodeSelector: { gpu: 'true' } }),
  ];
  const api = new MemoryClusterApi(classes);
  for (const [name, team] of [
    ['orders', 'payments'],
    ['ledger', 'payments'],
    ['search', 'web'],
  ] as const) {
    await api.create({
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name, namespace: 'tenant-demo', labels: { team } },
      spec: { replicas: 2, users: { app: {} } },
    });
  }
  return api;
}

async function read(source: { read: (req: never, resp: never) => unknown }, api: MemoryClusterApi, config: Record<string, unknown>) {
  const resp = { state: { ...config } as Record<string, unknown>, diagnostics: new Diagnostics() };
  await source.read({ config, providerData: { backend: 'kubernetes', api, namespace: 'tenant-demo' }, signal, logger } as never, resp as never);
  return resp;
}

describe('data sources', () => {
  const selections: { name: string; given: string | null; want: string[] }[] = [
    { name: 'every cluster', given: null, want: ['ledger', 'orders', 'search'] },
    { name: 'by label', given: 'team=payments', want: ['ledger', 'orders'] },
    { name: 'no match', given: 'team=none', want: [] },
  ];
  it.each(selections)('hikube_postgres_clusters: $name', async ({ given, want }) => {
    const resp = await read(postgresClustersDataSource, await platform(), { namespace: null, label_selector: given, clusters: null });
    expect(resp.diagnostics.items).toEqual([]);
    expect((resp.state['clusters'] as { name: string }[]).map((c) => c.name)).toEqual(want);
    expect(resp.state['namespace']).toBe('tenant-demo');
  });

  it('hikube_scheduling_classes: each class with the zones its constraints allow and its spec', async () => {
    const resp = await read(schedulingClassesDataSource, await platform(), { classes: null });
    expect(resp.state['classes']).toEqual([
      { name: 'gland', zones: ['gland'], spreads_over_zones: false, spec_json: '{"nodeSelector":{"topology.kubernetes.io/zone":"gland"}}' },
      { name: 'gpu', zones: null, spreads_over_zones: false, spec_json: '{"nodeSelector":{"gpu":"true"}}' },
      {
        name: 'lucerne',
        zones: ['lucerne'],
        spreads_over_zones: false,
        spec_json:
          '{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"topology.kubernetes.io/zone","operator":"In","values":["lucerne"]}]}]}}}',
      },
      {
        name: 'spread',
        zones: ['gland', 'lucerne'],
        spreads_over_zones: true,
        spec_json: '{"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"DoNotSchedule"}]}',
      },
    ]);
  });

  it('hikube_postgres_cluster: one cluster with its outputs and no write-only field', async () => {
    const resp = await read(postgresClusterDataSource, await platform(), { name: 'orders', namespace: null });
    expect(resp.diagnostics.items).toEqual([]);
    expect(resp.state).toMatchObject({
      name: 'orders',
      namespace: 'tenant-demo',
      id: 'tenant-demo/orders',
      replicas: 2,
      credentials: { app: 'generated-app' },
    });
    expect(resp.state['users']).toEqual({ app: { password: 'generated-app', password_wo_version: null, replication: null } });
  });

  it('hikube_postgres_cluster: a missing cluster is one clear error', async () => {
    const resp = await read(postgresClusterDataSource, await platform(), { name: 'missing', namespace: null });
    expect(resp.diagnostics.items.map((d) => d.detail)).toEqual([
      'No cluster tenant-demo/missing exists: check the namespace and the name ("<namespace>/<name>").',
    ]);
  });
});

import type { PostgresSpec } from '@hikube/sdk/kubernetes';
import { publicSchemas } from '@hikube/sdk/public';
import { describe, expect, it } from 'vitest';
import type { Condition, KubeObject } from '../store/kube-object.js';
import {
  clusterView,
  externalHost,
  externalServiceName,
  publicStatus,
  settingsFromSpec,
  sizeGb,
  specFromSettings,
  type ClusterSettings,
} from './cluster-mapping.js';

describe('specFromSettings', () => {
  const cases: { name: string; given: ClusterSettings; base?: PostgresSpec; want: PostgresSpec }[] = [
    { name: 'only the required fields leave the rest to the platform defaults', given: { version: 'v17', size: 10 }, want: { version: 'v17', size: '10Gi' } },
    {
      name: 'every field',
      given: {
        version: 'v16',
        size: 20,
        replicas: 3,
        preset: 'small',
        external: true,
        maxConnections: 200,
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
      },
      want: {
        version: 'v16',
        size: '20Gi',
        replicas: 3,
        resourcesPreset: 'small',
        external: true,
        postgresql: { parameters: { max_connections: 200 } },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
      },
    },
    {
      name: 'a quorum with one side omitted counts it as 0',
      given: { version: 'v18', size: 1, quorum: { minSyncReplicas: 1 } },
      want: { version: 'v18', size: '1Gi', quorum: { minSyncReplicas: 1, maxSyncReplicas: 0 } },
    },
    { name: 'an empty preset is no preset', given: { version: 'v18', size: 1, preset: '' }, want: { version: 'v18', size: '1Gi' } },
    {
      name: 'users, databases and other parameters of the stored spec are kept',
      given: { version: 'v18', size: 5, maxConnections: 50 },
      base: {
        version: 'v17',
        size: '1Gi',
        users: { app: { password: 'x' } },
        databases: { shop: { extensions: ['pgcrypto'] } },
        postgresql: { parameters: { work_mem: '4MB', max_connections: 10 } },
        storageClass: 'local',
      },
      want: {
        version: 'v18',
        size: '5Gi',
        users: { app: { password: 'x' } },
        databases: { shop: { extensions: ['pgcrypto'] } },
        postgresql: { parameters: { work_mem: '4MB', max_connections: 50 } },
        storageClass: 'local',
      },
    },
    {
      name: 'maxConnections 0 gives the parameter back to the platform default',
      given: { version: 'v18', size: 5, maxConnections: 0 },
      base: { postgresql: { parameters: { max_connections: 10, work_mem: '4MB' } } },
      want: { version: 'v18', size: '5Gi', postgresql: { parameters: { work_mem: '4MB' } } },
    },
  ];
  for (const { name, given, base, want } of cases) {
    it(name, () => {
      expect(specFromSettings(given, base)).toEqual(want);
    });
  }

  it('does not change the stored spec it starts from', () => {
    const base: PostgresSpec = { postgresql: { parameters: { max_connections: 10 } } };
    specFromSettings({ version: 'v18', size: 1, maxConnections: 20 }, base);
    expect(base).toEqual({ postgresql: { parameters: { max_connections: 10 } } });
  });
});

describe('settingsFromSpec', () => {
  const cases: { name: string; given: PostgresSpec; want: ReturnType<typeof settingsFromSpec> }[] = [
    {
      name: 'an empty spec reads as the Kubernetes defaults',
      given: {},
      want: {
        version: 'v18',
        size: 10,
        replicas: 2,
        preset: 't1.micro',
        external: false,
        maxConnections: 0,
        quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
      },
    },
    {
      name: 'every mapped field',
      given: {
        version: 'v15',
        size: '50Gi',
        replicas: 3,
        resourcesPreset: 'large',
        external: true,
        postgresql: { parameters: { max_connections: '300' } },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      },
      want: { version: 'v15', size: 50, replicas: 3, preset: 'large', external: true, maxConnections: 300, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 } },
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(settingsFromSpec(given)).toEqual(want);
    });
  }

  it('round trips every public setting through the spec', () => {
    const settings = {
      version: 'v16',
      size: 7,
      replicas: 1,
      preset: 'medium',
      external: true,
      maxConnections: 42,
      quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
    };
    expect(settingsFromSpec(specFromSettings(settings))).toEqual(settings);
  });
});

describe('sizeGb', () => {
  const cases: { given: string | number | undefined; want: number }[] = [
    { given: '10Gi', want: 10 },
    { given: '1Ti', want: 1024 },
    { given: '512Mi', want: 1 },
    { given: '10G', want: 10 },
    { given: 2 ** 31, want: 2 },
    { given: '1.5Gi', want: 2 },
    { given: 'lots', want: 0 },
    { given: undefined, want: 0 },
  ];
  for (const { given, want } of cases) {
    it(`${String(given)} is ${want} GB`, () => {
      expect(sizeGb(given)).toBe(want);
    });
  }
});

describe('publicStatus', () => {
  const ready = (status: Condition['status'], reason: string): Condition[] => [
    { type: 'Ready', status, reason, message: '', lastTransitionTime: '2026-01-01T00:00:00Z' },
  ];
  const cases: { name: string; given: Condition[] | undefined; want: string }[] = [
    { name: 'no status yet', given: undefined, want: 'provisioning' },
    { name: 'the release succeeded', given: ready('True', 'UpgradeSucceeded'), want: 'ready' },
    { name: 'a release running', given: ready('Unknown', 'Progressing'), want: 'provisioning' },
    { name: 'an install that failed (a spec the chart refuses)', given: ready('False', 'InstallFailed'), want: 'error' },
    { name: 'an upgrade that failed', given: ready('False', 'UpgradeFailed'), want: 'error' },
    { name: 'waiting on something else (helm-controller: DependencyNotReady)', given: ready('False', 'DependencyNotReady'), want: 'provisioning' },
    { name: 'Ready Unknown for another reason', given: ready('Unknown', 'Unknown'), want: 'unknown' },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(publicStatus(given)).toBe(want);
    });
  }
});

describe('clusterView', () => {
  const stored = (spec: PostgresSpec): KubeObject => ({
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: {
      name: 'shop',
      namespace: 'tenant-demo',
      uid: '6f1c0d3e-0000-4000-8000-000000000001',
      generation: 1,
      creationTimestamp: '2026-10-05T09:30:00Z',
      managedFields: [
        { manager: 'a', operation: 'Update', apiVersion: 'apps.cozystack.io/v1alpha1', time: '2026-10-05T09:30:00Z' },
        { manager: 'b', operation: 'Update', apiVersion: 'apps.cozystack.io/v1alpha1', time: '2026-10-05T10:00:00Z' },
      ],
    },
    spec,
    status: { conditions: ready },
  });
  const ready: Condition[] = [{ type: 'Ready', status: 'True', reason: 'InstallSucceeded', message: '', lastTransitionTime: '2026-10-05T09:31:00Z' }];

  it('sends int64 values as strings, RFC 3339 times, and the status from the conditions', () => {
    const view = clusterView(
      stored({
        version: 'v17',
        size: '20Gi',
        replicas: 3,
        resourcesPreset: 'small',
        external: true,
        postgresql: { parameters: { max_connections: 100 } },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      }),
      'p-1',
      '127.0.0.2',
    );
    expect(view).toEqual({
      id: '6f1c0d3e-0000-4000-8000-000000000001',
      projectId: 'p-1',
      name: 'shop',
      createdAt: '2026-10-05T09:30:00Z',
      updatedAt: '2026-10-05T10:00:00Z',
      version: 'v17',
      replicas: '3',
      external: true,
      size: '20',
      preset: 'small',
      config: { maxConnections: '100' },
      quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' },
      host: '127.0.0.2',
      status: 'ready',
    });
  });

  it('has no host when the cluster is not external', () => {
    expect(clusterView(stored({ external: false }), 'p-1', '127.0.0.2').host).toBe('');
  });

  it('reads back, through the SDK document schema, as the settings it was created from', () => {
    const settings = {
      version: 'v16',
      size: 8,
      replicas: 2,
      preset: 'medium',
      external: false,
      maxConnections: 64,
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    };
    const read = publicSchemas.clusterSchema.parse(clusterView(stored(specFromSettings(settings)), 'p-1'));
    expect({
      version: read.version,
      size: read.size,
      replicas: read.replicas,
      preset: read.preset,
      external: read.external,
      maxConnections: read.config.maxConnections,
      quorum: read.quorum,
    }).toEqual(settings);
  });
});

describe('externalHost', () => {
  const service = (ip: string | undefined, port: number | undefined): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: externalServiceName('shop'), namespace: 'tenant-demo' },
    spec: { type: 'LoadBalancer', ...(port !== undefined ? { ports: [{ name: 'postgres', port, targetPort: 5432 }] } : {}) },
    status: { loadBalancer: ip !== undefined ? { ingress: [{ ip }] } : {} },
  });
  it.each([
    { name: 'no Service yet (being created, or not external)', given: undefined, want: '' },
    { name: 'no ingress address assigned yet', given: service(undefined, 5432), want: '' },
    { name: 'its own address on 5432: the address alone, as on Hikube', given: service('127.0.0.3', 5432), want: '127.0.0.3' },
    { name: '5432 was taken: the address and the port', given: service('127.0.0.3', 40123), want: '127.0.0.3:40123' },
    { name: 'an IPv6 ingress on another port', given: service('::1', 40123), want: '[::1]:40123' },
  ])('$name', ({ given, want }) => {
    expect(externalHost(given)).toBe(want);
  });
  it('names the Service the platform makes for an external cluster', () => {
    expect(externalServiceName('shop')).toBe('postgres-shop-external-write');
  });
});

import { describe, expect, it } from 'vitest';
import { credentialsObjects, endpointService, endpointServices } from './published-objects.js';

describe('endpointService', () => {
  it.each([
    { suffix: 'rw', want: { 'cnpg.io/cluster': 'postgres-db', 'cnpg.io/instanceRole': 'primary' } },
    { suffix: 'ro', want: { 'cnpg.io/cluster': 'postgres-db', 'cnpg.io/instanceRole': 'replica' } },
    { suffix: 'r', want: { 'cnpg.io/cluster': 'postgres-db', 'cnpg.io/podRole': 'instance' } },
  ] as const)('$suffix selects as CloudNativePG does', ({ suffix, want }) => {
    const service = endpointService('postgres-db', suffix, 6000);
    const spec = service['spec'] as Record<string, unknown>;
    expect(spec['selector']).toEqual(want);
    expect(spec['type']).toBe('ClusterIP');
    expect(service.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('cloudnative-pg');
  });

  it('external-write selects the primary by `role`, keeps client addresses, as the chart writes it', () => {
    const service = endpointService('postgres-db', 'external-write', 5432, '127.0.0.9');
    expect(service['spec']).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      selector: { 'cnpg.io/cluster': 'postgres-db', role: 'primary' },
    });
    expect(service['status']).toEqual({ loadBalancer: { ingress: [{ ip: '127.0.0.9' }] } });
  });
});

describe('endpointServices', () => {
  it.each([
    { name: 'internal only', externalWrite: undefined, want: ['postgres-db-rw', 'postgres-db-ro', 'postgres-db-r'] },
    {
      name: 'external',
      externalWrite: { ip: '127.0.0.9', port: 5432 },
      want: ['postgres-db-rw', 'postgres-db-ro', 'postgres-db-r', 'postgres-db-external-write'],
    },
  ])('$name', ({ externalWrite, want }) => {
    const services = endpointServices('db', { rw: 6001, ro: 6002, r: 6003, externalWrite });
    expect(services.map((s) => s.metadata.name)).toEqual(want);
    expect(services.map((s) => (s['spec'] as { ports: { port: number }[] }).ports[0]?.port)).toEqual([6001, 6002, 6003, ...(externalWrite ? [5432] : [])]);
  });
});

describe('credentialsObjects', () => {
  it('a Secret and its TenantSecret twin, same name, labels and data', () => {
    const data = { app: 'c2VjcmV0' };
    expect(credentialsObjects('db', data)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'postgres-db-credentials', labels: { 'internal.cozystack.io/tenantresource': 'true' } },
        type: 'Opaque',
        data,
      },
      {
        apiVersion: 'core.cozystack.io/v1alpha1',
        kind: 'TenantSecret',
        metadata: { name: 'postgres-db-credentials', labels: { 'internal.cozystack.io/tenantresource': 'true' } },
        type: 'Opaque',
        data,
      },
    ]);
  });
});

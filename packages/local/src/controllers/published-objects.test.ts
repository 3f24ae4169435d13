import { describe, expect, it } from 'vitest';
import { endpointService, publishedPassword } from './published-objects.js';

describe('publishedPassword', () => {
  const data = { app: 'c2VjcmV0', empty: '' };
  it.each([
    { user: 'app', want: 'c2VjcmV0' },
    { user: 'empty', want: undefined },
    { user: 'missing', want: undefined },
    { user: 'constructor', want: undefined },
    { user: 'toString', want: undefined },
    { user: '__proto__', want: undefined },
  ])('$user -> $want', ({ user, want }) => {
    expect(publishedPassword(data, user)).toBe(want);
  });
});

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
    expect(service['spec']).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { 'cnpg.io/cluster': 'postgres-db', role: 'primary' } });
    expect(service['status']).toEqual({ loadBalancer: { ingress: [{ ip: '127.0.0.9' }] } });
  });
});

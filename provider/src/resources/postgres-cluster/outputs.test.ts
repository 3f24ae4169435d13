import { describe, expect, it } from 'vitest';
import { argsWith, user } from './args-fixture.js';
import { computeOutputs, connectionUri, defaultDatabaseFor, type Observed } from './outputs.js';

const args = argsWith({
  users: { app: user(), 'ci user': user({ passwordWo: null, passwordWoVersion: 2 }), bi: user({ password: 'b' }) },
  databases: { shop: { admin: ['app'], readonly: ['bi'], extensions: null }, analytics: { admin: null, readonly: ['bi'], extensions: null } },
});

const observed: Observed = {
  object: { metadata: { name: 'orders', namespace: 'tenant-demo' }, status: { version: '0.18.0', conditions: [{ type: 'Ready', status: 'True' }] } },
  instances: [
    { name: 'postgres-orders-2', zone: 'lucerne', role: 'replica', ready: true },
    { name: 'postgres-orders-1', zone: 'gland', role: 'primary', ready: true },
  ],
  endpoints: {
    rw: { host: 'postgres-orders-rw.tenant-demo.svc', port: 5432 },
    ro: { host: 'postgres-orders-ro.tenant-demo.svc', port: 5432 },
    r: null,
    external: null,
  },
  credentials: { app: 'p@ss/word', 'ci user': 'never-in-state', bi: 'b' },
};

describe('computeOutputs', () => {
  const outputs = computeOutputs(args, observed);
  it('reports readiness, primary and sorted instances', () => {
    expect(outputs).toMatchObject({ id: 'tenant-demo/orders', ready: true, chartVersion: '0.18.0', currentPrimary: 'postgres-orders-1' });
    expect(outputs.instances?.map((instance) => instance.name)).toEqual(['postgres-orders-1', 'postgres-orders-2']);
  });
  it('keeps write-only passwords out of credentials and URIs', () => {
    expect(outputs.credentials).toEqual({ app: 'p@ss/word', bi: 'b' });
    expect(JSON.stringify(outputs)).not.toContain('never-in-state');
    expect(outputs.connectionUris?.['ci user']?.rw).toBe('postgresql://ci%20user@postgres-orders-rw.tenant-demo.svc:5432/postgres');
  });
  it('builds encoded URIs per endpoint', () => {
    expect(outputs.connectionUris?.['app']).toEqual({
      rw: 'postgresql://app:p%40ss%2Fword@postgres-orders-rw.tenant-demo.svc:5432/shop',
      ro: 'postgresql://app:p%40ss%2Fword@postgres-orders-ro.tenant-demo.svc:5432/shop',
      r: null,
      external: null,
    });
  });
});

describe('defaultDatabaseFor', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'app', want: 'shop' },
    { given: 'bi', want: 'analytics' },
    { given: 'nobody', want: 'postgres' },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect(defaultDatabaseFor(given, args)).toBe(want);
  });
  it('brackets IPv6 hosts', () => {
    expect(connectionUri('u', null, { host: '::1', port: 5432 }, 'db')).toBe('postgresql://u@[::1]:5432/db');
  });
});

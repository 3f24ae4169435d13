import { createLogger, Diagnostics, providerSchemaJson } from '@hikube/tfplugin';
import { describe, expect, it } from 'vitest';
import { hikubeProvider, providerAddress } from '../provider.js';
import type { ProviderData } from '../provider-data.js';
import { MemoryClusterApi } from '../resources/postgres-cluster/memory-cluster-api.js';
import { postgresCredentialsEphemeral, postgresCredentialsSchema } from './postgres-credentials.js';

const signal = new AbortController().signal;
const logger = createLogger({ level: 'off' });

async function platform(): Promise<MemoryClusterApi> {
  const api = new MemoryClusterApi();
  await api.create({
    apiVersion: 'apps.cozystack.io/v1alpha1',
    kind: 'Postgres',
    metadata: { name: 'orders', namespace: 'tenant-demo' },
    spec: { replicas: 2, users: { app: {}, bi: { password: 'set-by-hand' } } },
  });
  return api;
}

const empty = { cluster: null, user: null, namespace: null, database: null, password: null, host: null, port: null, uri: null };

async function open(config: Record<string, unknown>, providerData: ProviderData | undefined) {
  const full = { ...empty, ...config };
  const resp = { result: { ...full }, private: {}, diagnostics: new Diagnostics() };
  await postgresCredentialsEphemeral.open({ config: full, providerData, signal, logger } as never, resp as never);
  return resp;
}

describe('ephemeral hikube_postgres_credentials', () => {
  const reads = [
    {
      name: 'by name, in the provider namespace',
      given: { cluster: 'orders', user: 'app' },
      want: {
        namespace: 'tenant-demo',
        database: 'postgres',
        password: 'generated-app',
        host: 'postgres-orders-rw.tenant-demo.svc',
        port: 5432,
        uri: 'postgresql://app:generated-app@postgres-orders-rw.tenant-demo.svc:5432/postgres',
      },
    },
    {
      name: 'by resource id, another database',
      given: { cluster: 'tenant-demo/orders', user: 'bi', database: 'shop' },
      want: {
        namespace: 'tenant-demo',
        database: 'shop',
        password: 'set-by-hand',
        uri: 'postgresql://bi:set-by-hand@postgres-orders-rw.tenant-demo.svc:5432/shop',
      },
    },
  ];
  it.each(reads)('reads the password $name', async ({ given, want }) => {
    const resp = await open(given, { backend: 'kubernetes', api: await platform(), namespace: 'tenant-demo' });
    expect(resp.diagnostics.items).toEqual([]);
    expect(resp.result).toMatchObject({ ...given, ...want });
  });

  const refusals = [
    {
      name: 'a namespace the id contradicts',
      given: { cluster: 'tenant-demo/orders', namespace: 'other', user: 'app' },
      summary: 'Conflicting namespace',
      path: ['namespace'],
    },
    { name: 'a missing cluster', given: { cluster: 'nope', user: 'app' }, summary: 'No such cluster', path: ['cluster'] },
    {
      name: 'a missing user, naming the users it has',
      given: { cluster: 'orders', user: 'ghost' },
      summary: 'No such user',
      path: ['user'],
      detail: /it has: app, bi/,
    },
  ];
  it.each(refusals)('refuses $name on the attribute, without any password', async ({ given, summary, path, detail }) => {
    const resp = await open(given, { backend: 'kubernetes', api: await platform(), namespace: 'tenant-demo' });
    expect(resp.diagnostics.items).toHaveLength(1);
    expect(resp.diagnostics.items[0]).toMatchObject({ severity: 'error', summary, path });
    if (detail) expect(resp.diagnostics.items[0]?.detail).toMatch(detail);
    expect(JSON.stringify(resp.diagnostics.items)).not.toMatch(/generated-app|set-by-hand/);
  });

  it('says when the credentials Secret cannot be read, and when the provider is not configured', async () => {
    const api = await platform();
    const observe = api.observe.bind(api);
    api.observe = async (namespace, name) => ({ ...(await observe(namespace, name)), credentials: null });
    const unreadable = await open({ cluster: 'orders', user: 'app' }, { backend: 'kubernetes', api, namespace: 'tenant-demo' });
    expect(unreadable.diagnostics.items[0]?.detail).toMatch(/Secret postgres-orders-credentials of tenant-demo\/orders cannot be read/);
    const unconfigured = await open({ cluster: 'orders', user: 'app' }, undefined);
    expect(unconfigured.diagnostics.items[0]?.summary).toBe('Provider not configured');
  });

  it('is refused on the public API, which serves no credentials Secret, pointing at what it has', async () => {
    const onPublic = await open(
      { cluster: 'orders', user: 'app' },
      { backend: 'public', postgres: {} as never, projectId: '3f1c2b9e-1d2c-4e5f-8a9b-0c1d2e3f4a5b' },
    );
    expect(onPublic.diagnostics.items[0]).toMatchObject({ summary: 'Not available on the public API', path: ['cluster'] });
    expect(onPublic.diagnostics.items[0]?.detail).toMatch(/hikube_postgres_user's password/);
  });

  const names = [
    { given: 'orders', ok: true },
    { given: 'tenant-demo/orders', ok: true },
    { given: 'Orders', ok: false },
    { given: 'a/b/c', ok: false },
    { given: '/orders', ok: false },
  ];
  it.each(names)('accepts "$given" as cluster: $ok', ({ given, ok }) => {
    const validator = postgresCredentialsSchema.attributes.cluster.validators?.[0];
    expect(validator?.validate(given, ['cluster']) === undefined).toBe(ok);
  });

  it('is registered, with the password sensitive and nothing write-only', () => {
    const document = providerSchemaJson(hikubeProvider) as {
      provider_schemas: Record<string, { ephemeral_resource_schemas: Record<string, { block: { attributes: Record<string, Record<string, unknown>> } }> }>;
    };
    const attributes = document.provider_schemas[providerAddress]?.ephemeral_resource_schemas['hikube_postgres_credentials']?.block.attributes ?? {};
    expect(attributes['password']).toMatchObject({ computed: true, sensitive: true });
    expect(Object.values(attributes).some((a) => a['write_only'])).toBe(false);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GoneError, HikubeError, NotFoundError, ValidationError } from '../errors.js';
import type { Postgres } from '../generated/types.js';
import type { KubeObject } from '../testing/kube-object.js';
import { startTestApiServer, type TestApiServer } from '../testing/test-api-server.js';
import { resolveConnection } from '../transport/connection.js';
import { HttpTransport } from '../transport/http-transport.js';
import { SPLIT_THRESHOLD_BYTES } from '../transport/json-body.js';
import { PostgresResource } from './postgres.js';
import type { WatchEvent } from './watch-objects.js';

const ns = 'tenant-a';
let server: TestApiServer;
let transport: HttpTransport;
let postgres: PostgresResource;

const object = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps.cozystack.io/v1alpha1',
  kind: 'Postgres',
  metadata: { name, namespace: ns },
  spec,
});

beforeAll(async () => {
  server = await startTestApiServer();
  transport = new HttpTransport({
    connection: resolveConnection({ kubeconfig: false, server: server.url, namespace: ns }),
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 },
  });
  postgres = new PostgresResource(transport, ns);
});
afterAll(async () => {
  await transport.close();
  await server.stop();
});
afterEach(() => {
  server.clearFaults();
  server.requests.length = 0;
});

describe('requests are validated before any network call', () => {
  it.each([
    { name: 'create with a bad name', run: () => postgres.create({ metadata: { name: 'Bad_Name' }, spec: {} }), path: 'metadata.name' },
    {
      name: 'create with a blocked parameter',
      run: () => postgres.create({ metadata: { name: 'ok' }, spec: { postgresql: { parameters: { archive_command: 'x' } } } }),
      path: 'spec.postgresql.parameters.archive_command',
    },
    {
      name: 'create with a reserved user',
      run: () => postgres.create({ metadata: { name: 'ok' }, spec: { users: { streaming_replica: {} } } }),
      path: 'spec.users.streaming_replica',
    },
    {
      name: 'create with a newline in a parameter value',
      run: () => postgres.create({ metadata: { name: 'ok' }, spec: { postgresql: { parameters: { application_name: 'a\nport = 1' } } } }),
      path: 'spec.postgresql.parameters.application_name',
    },
    { name: 'patch with a reserved database', run: () => postgres.patch('ok', { spec: { databases: { template0: {} } } }), path: 'spec.databases.template0' },
    {
      name: 'create in another namespace',
      run: () => postgres.create({ metadata: { name: 'ok', namespace: 'elsewhere' }, spec: {} }),
      path: 'metadata.namespace',
    },
    { name: 'update without resourceVersion', run: () => postgres.update({ metadata: { name: 'ok' }, spec: {} }), path: 'metadata.resourceVersion' },
    { name: 'patch with a bad enum', run: () => postgres.patch('ok', { spec: { version: 'v9' as never } }), path: 'spec.version' },
    { name: 'get with a name too long', run: () => postgres.get('x'.repeat(45)), path: 'name' },
    { name: 'credentials with a bad name', run: () => postgres.credentials('UPPER'), path: 'name' },
  ])('$name', async ({ run, path }) => {
    const error = await run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'HIKUBE_VALIDATION' });
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as Error).message).toContain('nothing was sent');
    expect(server.requests).toEqual([]);
  });
});

describe('list', () => {
  it('follows continue tokens page by page', async () => {
    for (const name of ['page-1', 'page-2', 'page-3', 'page-4', 'page-5'])
      server.put('postgreses', { ...object(name), metadata: { name, namespace: ns, labels: { set: 'paging' } } });
    const sizes: number[] = [];
    for await (const page of postgres.list({ limit: 2, labelSelector: 'set=paging' })) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
    expect((await postgres.listAll({ labelSelector: 'set=paging', limit: 2 })).map((item) => item.metadata.name)).toEqual([
      'page-1',
      'page-2',
      'page-3',
      'page-4',
      'page-5',
    ]);
  });

  it('reads a list larger than the item-by-item threshold as it was stored', async () => {
    const names = Array.from({ length: 400 }, (_, index) => `bulk-${String(index).padStart(3, '0')}`);
    const note = 'a "quoted" }, {"items": [1]} \\ é € 😀 '.repeat(4);
    for (const name of names)
      server.put('postgreses', {
        ...object(name, { replicas: 3, users: { app: {} } }),
        metadata: { name, namespace: ns, labels: { set: 'bulk' }, annotations: { note } },
      });
    const items = await postgres.listAll({ labelSelector: 'set=bulk' });
    expect(Buffer.byteLength(JSON.stringify(items))).toBeGreaterThan(SPLIT_THRESHOLD_BYTES);
    expect(items.map((item) => item.metadata.name)).toEqual(names);
    expect(items.every((item) => item.metadata.annotations?.['note'] === note && item.spec?.replicas === 3)).toBe(true);
  });

  it('reports an expired continue token as GoneError', async () => {
    const pages = postgres.list({ limit: 2, labelSelector: 'set=paging' });
    await pages.next();
    server.compact();
    await expect(pages.next()).rejects.toBeInstanceOf(GoneError);
  });
});

describe('patch and delete', () => {
  it('sends a merge patch that removes fields with null', async () => {
    server.put('postgreses', object('patchable', { replicas: 3, external: true }));
    const patched = await postgres.patch('patchable', { spec: { external: null, replicas: 2 } });
    expect(patched.spec).toEqual({ replicas: 2 });
    expect(server.requests.at(-1)?.headers['content-type']).toBe('application/merge-patch+json');
  });

  it('reports whether it deleted anything', async () => {
    server.put('postgreses', object('doomed'));
    await expect(postgres.delete('doomed')).resolves.toBe(true);
    await expect(postgres.delete('doomed')).resolves.toBe(false);
  });
});

describe('watch', () => {
  // Reads with next() so the generator stays open between collections (break would close it).
  async function collect(events: AsyncGenerator<WatchEvent<Postgres>>, until: (seen: string[]) => boolean): Promise<string[]> {
    const seen: string[] = [];
    while (!until(seen)) {
      const next = await events.next();
      if (next.done) break;
      seen.push(`${next.value.type} ${next.value.object.metadata.name ?? ''}`);
    }
    return seen;
  }

  it('lists first, then streams changes', async () => {
    server.put('postgreses', object('watch-a'));
    const controller = new AbortController();
    const events = postgres.watch({ labelSelector: undefined, signal: controller.signal });
    const first = await events.next();
    expect(first.value).toMatchObject({ type: 'ADDED' });
    setTimeout(() => server.put('postgreses', object('watch-late')), 20);
    const seen = await collect(events, (names) => names.includes('ADDED watch-late'));
    expect(seen).toContain('ADDED watch-late');
    controller.abort();
  });

  it('resumes from the last resourceVersion after the connection drops', async () => {
    const start = server.put('postgreses', object('resume-a'));
    const controller = new AbortController();
    const events = postgres.watch({ resourceVersion: start.metadata.resourceVersion ?? '', signal: controller.signal });
    setTimeout(() => server.put('postgreses', object('resume-b')), 20);
    const before = await collect(events, (names) => names.includes('ADDED resume-b'));
    server.dropWatches();
    server.put('postgreses', object('resume-c'));
    const after = await collect(events, (names) => names.includes('ADDED resume-c'));
    controller.abort();
    expect(before).toEqual(['ADDED resume-b']);
    expect(after).toEqual(['ADDED resume-c']);
    const watches = server.requests.filter((request) => request.path.includes('watch=true'));
    expect(watches.length).toBeGreaterThanOrEqual(2);
    const resumedFrom = new URL(watches.at(-1)?.path ?? '', 'http://x').searchParams.get('resourceVersion');
    expect(Number(resumedFrom)).toBeGreaterThan(Number(start.metadata.resourceVersion));
  });

  it('lists again on 410 Gone and reports what changed meanwhile', async () => {
    server.put('postgreses', object('gone-keep'));
    server.put('postgreses', object('gone-drop'));
    const controller = new AbortController();
    const events = postgres.watch({ fieldSelector: undefined, signal: controller.signal });
    const initial = await collect(events, (names) => names.includes('ADDED gone-drop') && names.includes('ADDED gone-keep'));
    expect(initial).toEqual(expect.arrayContaining(['ADDED gone-keep', 'ADDED gone-drop']));
    server.dropWatches();
    server.remove('postgreses', ns, 'gone-drop');
    server.put('postgreses', object('gone-new'));
    server.compact();
    const after = await collect(events, (names) => names.includes('DELETED gone-drop') && names.includes('ADDED gone-new'));
    controller.abort();
    expect(after).toEqual(expect.arrayContaining(['DELETED gone-drop', 'ADDED gone-new']));
    expect(after).not.toContain('ADDED gone-keep');
  });

  it('ends quietly when the signal fired before the first list', async () => {
    await expect(postgres.watch({ signal: AbortSignal.abort() }).next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('ends when the signal aborts', async () => {
    const controller = new AbortController();
    const events = postgres.watch({ name: 'gone-keep', signal: controller.signal });
    await events.next();
    setTimeout(() => controller.abort(), 20);
    const rest = await collect(events, () => false);
    expect(rest).toEqual([]);
  });
});

describe('credentials, endpoints, instances, events', () => {
  beforeAll(() => {
    server.put('postgreses', object('shop', { external: true }));
    for (const [suffix, ip] of [
      ['rw', '10.0.0.1'],
      ['ro', '10.0.0.2'],
      ['r', '10.0.0.3'],
    ] as const) {
      server.put('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `postgres-shop-${suffix}`, namespace: ns },
        spec: { clusterIP: ip, ports: [{ port: 5432 }] },
      });
    }
    server.put('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'postgres-shop-external-write', namespace: ns },
      spec: { type: 'LoadBalancer', clusterIP: '10.0.0.4', ports: [{ port: 5432 }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } },
    });
    // Only the core Secret: the TenantSecret is absent, so the SDK falls back.
    server.put('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'postgres-shop-credentials', namespace: ns },
      data: { app: Buffer.from('p@ss/word:1').toString('base64') },
    });
    // Real pods carry no zone label: the zone comes from the node's name, or stays unknown.
    const pod = (index: number, role: string, node: string, ready: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `postgres-shop-${index}`, namespace: ns, labels: { 'cnpg.io/cluster': 'postgres-shop', 'cnpg.io/instanceRole': role } },
      spec: { nodeName: node },
      status: { conditions: [{ type: 'Ready', status: ready }] },
    });
    server.put('pods', pod(10, 'replica', 'plo-node', 'True'));
    server.put('pods', pod(2, 'replica', 'luc-node', 'False'));
    server.put('pods', pod(1, 'primary', 'gld-node', 'True'));
    server.put('pods', pod(4, 'replica', 'worker-4', 'True'));
    server.put('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'postgres-shopping-1', namespace: ns } });
    // The operator's job pods carry the cluster label too; a pod named like an instance without it is another's.
    server.put('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'postgres-shop-1-initdb-x7k2p', namespace: ns, labels: { 'cnpg.io/cluster': 'postgres-shop' } },
    });
    server.put('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'postgres-shop-3', namespace: ns, labels: { 'cnpg.io/cluster': 'postgres-other' } },
    });
    server.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'shop.1', namespace: ns },
      involvedObject: { kind: 'Postgres', name: 'shop' },
      reason: 'Created',
      message: 'ok',
    });
  });

  it('reads credentials from the Secret when there is no TenantSecret', async () => {
    await expect(postgres.credentials('shop')).resolves.toEqual({ app: 'p@ss/word:1' });
    expect(server.requests.map((request) => request.path)).toEqual([
      `/apis/core.cozystack.io/v1alpha1/namespaces/${ns}/tenantsecrets/postgres-shop-credentials`,
      `/api/v1/namespaces/${ns}/secrets/postgres-shop-credentials`,
    ]);
  });

  it('prefers the TenantSecret', async () => {
    server.put('tenantsecrets', {
      apiVersion: 'core.cozystack.io/v1alpha1',
      kind: 'TenantSecret',
      metadata: { name: 'postgres-other-credentials', namespace: ns },
      data: { u: Buffer.from('tenant-pw').toString('base64') },
    });
    await expect(postgres.credentials('other')).resolves.toEqual({ u: 'tenant-pw' });
    expect(server.requests).toHaveLength(1);
  });

  it('finds every endpoint', async () => {
    await expect(postgres.endpoints('shop')).resolves.toEqual({
      rw: { host: '10.0.0.1', port: 5432 },
      ro: { host: '10.0.0.2', port: 5432 },
      r: { host: '10.0.0.3', port: 5432 },
      external: { host: '203.0.113.7', port: 5432 },
    });
    await expect(postgres.endpoints('nothing-here')).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([
    { name: 'rw by default', options: { user: 'app' }, want: 'postgresql://app:p%40ss%2Fword%3A1@10.0.0.1:5432/postgres' },
    {
      name: 'external with sslmode',
      options: { user: 'app', database: 'shop', endpoint: 'external' as const, sslmode: 'require' },
      want: 'postgresql://app:p%40ss%2Fword%3A1@203.0.113.7:5432/shop?sslmode=require',
    },
  ])('builds a connection string: $name', async ({ options, want }) => {
    await expect(postgres.connectionString('shop', options)).resolves.toBe(want);
  });

  it('names the missing user without leaking passwords', async () => {
    const error = await postgres.connectionString('shop', { user: 'ghost' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HikubeError);
    expect((error as Error).message).toContain('no user "ghost"');
    expect((error as Error).message).not.toContain('p@ss');
  });

  it('lists instances in order with node, zone, role and readiness', async () => {
    await expect(postgres.instances('shop')).resolves.toEqual([
      { pod: 'postgres-shop-1', node: 'gld-node', zone: 'gland', role: 'primary', ready: true },
      { pod: 'postgres-shop-2', node: 'luc-node', zone: 'lucerne', role: 'replica', ready: false },
      { pod: 'postgres-shop-4', node: 'worker-4', zone: undefined, role: 'replica', ready: true },
      { pod: 'postgres-shop-10', node: 'plo-node', zone: 'geneva', role: 'replica', ready: true },
    ]);
  });

  it('asks the server only for the pods with the cluster label', async () => {
    const before = server.requests.length;
    await postgres.instances('shop');
    const lists = server.requests.slice(before).filter((request) => request.method === 'GET' && request.path.includes('/pods'));
    expect(lists.map((request) => new URL(request.path, 'http://x').searchParams.get('labelSelector'))).toEqual(['cnpg.io/cluster=postgres-shop']);
  });

  it('lists the events about the object', async () => {
    await expect(postgres.events('shop')).resolves.toMatchObject([{ reason: 'Created', involvedObject: { name: 'shop' } }]);
  });
});

// The public API front over real HTTPS on 127.0.0.1, with the deterministic driver (API behaviour
// only; no PostgreSQL). The SDK's public client is the caller where it can be; raw requests cover
// what a client would refuse to send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, PublicForbiddenError, type PublicClient } from '@hikube/sdk/public';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectKeys } from '../projects/project-keys.js';
import { POSTGRES_FINALIZER } from '../store/finalizers.js';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';
import { httpsCall, type HttpsAnswer } from '../testing/https-call.js';

let dir: string;
let local: HikubeLocal;
let client: PublicClient;
let base: string;

/** One HTTPS request as curl would send it. */
const call = (method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<HttpsAnswer> => httpsCall(local, method, path, options);

/** The stored Postgres object, through the Kubernetes API of the same server. */
async function kubernetesSpec(name: string): Promise<Record<string, unknown>> {
  const token = local.tenants.find((t) => t.name === 'tenant-demo')?.token ?? '';
  const res = await fetchKube(`/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses/${name}`, token);
  return res['spec'] as Record<string, unknown>;
}

async function fetchKube(path: string, token: string): Promise<Record<string, unknown>> {
  return (await httpsCall(local, 'GET', path, { headers: { authorization: `Bearer ${token}` } })).body;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-public-front-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic', tenants: ['tenant-other'] });
  client = createPublicClient({ baseUrl: local.url, apiKey: local.publicApi.adminKey, projectId: local.publicApi.project.id, ca: local.caCertPem, env: {} });
  base = `/postgres/v1alpha1/projects/${local.publicApi.project.id}`;
});
afterAll(async () => {
  await client.close();
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('clusters through the SDK client', () => {
  it('create, read, list, update with the PATCH rules, delete', async () => {
    const created = await client.postgres.clusters.create({
      name: 'shop',
      version: 'v17',
      size: 20,
      replicas: 3,
      preset: 'small',
      external: true,
      config: { maxConnections: 150 },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
    expect(created).toMatchObject({
      name: 'shop',
      projectId: local.publicApi.project.id,
      version: 'v17',
      size: 20,
      replicas: 3,
      preset: 'small',
      external: true,
      config: { maxConnections: 150 },
      status: 'provisioning',
    });
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(await kubernetesSpec('shop')).toMatchObject({
      version: 'v17',
      size: '20Gi',
      replicas: 3,
      resourcesPreset: 'small',
      external: true,
      postgresql: { parameters: { max_connections: 150 } },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
    // The finalizer the Kubernetes front adds too: a delete through either API stops the instances first.
    const token = local.tenants.find((t) => t.name === 'tenant-demo')?.token ?? '';
    const stored = await fetchKube('/apis/apps.cozystack.io/v1alpha1/namespaces/tenant-demo/postgreses/shop', token);
    expect((stored['metadata'] as { finalizers?: string[] }).finalizers).toEqual([POSTGRES_FINALIZER]);

    await local.idle();
    const ready = await client.postgres.clusters.get('shop');
    expect(ready.status).toBe('ready');
    // host from the platform's LoadBalancer Service (the deterministic driver publishes 127.0.0.1:5432)
    expect(ready.host).toBe('127.0.0.1');
    expect((await client.postgres.clusters.list()).map((c) => c.name)).toEqual(['shop']);

    // A raw PATCH with only the required fields: external goes false, quorum 0/0, the rest is kept.
    const patched = await call('PATCH', `${base}/clusters/shop`, { key: local.publicApi.adminKey, body: { version: 'v18', size: '30' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      version: 'v18',
      size: '30',
      replicas: '3',
      preset: 'small',
      external: false,
      config: { maxConnections: '150' },
      quorum: { minSyncReplicas: '0', maxSyncReplicas: '0' },
    });

    await client.postgres.clusters.delete('shop');
    await local.idle();
    expect((await call('GET', `${base}/clusters/shop`, { key: local.publicApi.adminKey })).status).toBe(404);
  });

  it('lists as {"totalCount": "<n>", "clusters": [...]} with int64 values as strings, and deletes as {}', async () => {
    const created = await call('POST', `${base}/clusters`, {
      key: local.publicApi.adminKey,
      body: { name: 'strings', version: 'v16', size: '5', replicas: '2' },
    });
    expect(created.status).toBe(200);
    // Admission fills in the platform's default max_connections, and the view shows it.
    expect(created.body).toMatchObject({ size: '5', replicas: '2', config: { maxConnections: '100' } });
    const listed = await call('GET', `${base}/clusters`, { key: local.publicApi.readKey });
    expect(listed.body['totalCount']).toBe('1');
    expect((listed.body['clusters'] as unknown[]).length).toBe(1);
    const deleted = await call('DELETE', `${base}/clusters/strings`, { key: local.publicApi.adminKey });
    expect([deleted.status, deleted.body]).toEqual([200, {}]);
    await local.idle();
  });
});

describe('authentication and refusals', () => {
  it.each([
    { name: 'a segment after an operation path', path: () => `${base}/clusters/app/users/x/y` },
    { name: 'an unknown collection', path: () => `${base}/backups` },
    { name: 'an unknown version', path: () => '/postgres/v2/extensions' },
  ])('answers 404 in the API body to $name, even with a good key (the property suite found a Kubernetes 401)', async ({ path }) => {
    const answer = await call('GET', path(), { key: local.publicApi.adminKey });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ message: expect.stringMatching(/^no operation has the path \/postgres\//), details: [] });
    expect(answer.body['requestId']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers 401 10001 without a key', async () => {
    const answer = await call('GET', `${base}/clusters`);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 10001, details: [] });
    expect(answer.body['requestId']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers one identical 403 10002 for every refusal', async () => {
    const keys = ProjectKeys.open(dir);
    const revoked = keys.createKey(local.publicApi.project.id, 'admin');
    keys.revoke(revoked.key.keyId);
    const expired = keys.createKey(local.publicApi.project.id, 'admin', '1d');
    const expiredRecordKeys = ProjectKeys.open(dir, () => new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
    const otherProject = keys.ensureProject('tenant-other');
    const other = keys.createKey(otherProject.id, 'admin');
    const attempts: { name: string; path: string; key: string; method?: string; body?: unknown }[] = [
      { name: 'malformed', path: `${base}/clusters`, key: 'sk_hk_oops' },
      { name: 'unknown', path: `${base}/clusters`, key: `sk_hk_${'0'.repeat(32)}_${'A'.repeat(43)}` },
      { name: 'revoked', path: `${base}/clusters`, key: revoked.text },
      { name: 'another project', path: `${base}/clusters`, key: other.text },
      {
        name: 'a project that does not exist',
        path: '/postgres/v1alpha1/projects/00000000-0000-4000-8000-000000000000/clusters',
        key: local.publicApi.adminKey,
      },
      { name: 'scope too low', path: `${base}/clusters`, key: local.publicApi.readKey, method: 'POST', body: { name: 'nope', version: 'v17', size: 1 } },
    ];
    const bodies = await Promise.all(
      attempts.map(async (a) => ({ name: a.name, answer: await call(a.method ?? 'GET', a.path, { key: a.key, body: a.body }) })),
    );
    for (const { name, answer } of bodies) {
      expect({ name, status: answer.status, body: { ...answer.body, requestId: 'x' } }).toEqual({
        name,
        status: 403,
        body: { requestId: 'x', code: 10002, message: 'insufficient permissions', details: [] },
      });
    }
    expect(expiredRecordKeys.authorize(expired.text, local.publicApi.project.id, 'read')).toEqual({ ok: false, refusal: 'expired' });
    expect((await call('GET', `${base}/clusters`, { key: local.publicApi.adminKey })).body['totalCount']).toBe('0');
    await expect(
      createPublicClient({
        baseUrl: local.url,
        apiKey: local.publicApi.readKey,
        projectId: local.publicApi.project.id,
        ca: local.caCertPem,
        env: {},
      }).postgres.clusters.create({ name: 'nope', version: 'v17', size: 1 }),
    ).rejects.toBeInstanceOf(PublicForbiddenError);
  });
});

describe('bad input', () => {
  const cases: { name: string; body: unknown; field: string }[] = [
    { name: 'a name with a hyphen', body: { name: 'my-db', version: 'v17', size: 1 }, field: 'name' },
    { name: 'a missing size', body: { name: 'nosize', version: 'v17' }, field: 'size' },
    { name: 'too many replicas', body: { name: 'big', version: 'v17', size: 1, replicas: 9 }, field: 'replicas' },
    { name: 'an unknown version', body: { name: 'old', version: 'v12', size: 1 }, field: 'version' },
    { name: 'a preset not in the catalog', body: { name: 'huge', version: 'v17', size: 1, preset: 'gigantic' }, field: 'preset' },
    {
      name: 'a quorum with max below min',
      body: { name: 'quorum', version: 'v17', size: 1, replicas: 3, quorum: { minSyncReplicas: 2, maxSyncReplicas: 1 } },
      field: 'quorum.maxSyncReplicas',
    },
    { name: 'a body that is not JSON', body: '{"name":', field: 'body' },
  ];
  for (const { name, body, field } of cases) {
    it(`${name}: 400 naming ${field}, nothing stored`, async () => {
      const answer = await call('POST', `${base}/clusters`, { key: local.publicApi.adminKey, body });
      expect(answer.status).toBe(400);
      expect(answer.body['message']).toContain(field);
      expect((await call('GET', `${base}/clusters`, { key: local.publicApi.adminKey })).body['totalCount']).toBe('0');
    });
  }

  it('409 80002 for a name taken, 400 80201 for a switch between 1 and 2-8 replicas, stored cluster unchanged', async () => {
    const key = local.publicApi.adminKey;
    expect((await call('POST', `${base}/clusters`, { key, body: { name: 'solo', version: 'v17', size: 1, replicas: 1 } })).status).toBe(200);
    const again = await call('POST', `${base}/clusters`, { key, body: { name: 'solo', version: 'v17', size: 1 } });
    expect([again.status, again.body['code']]).toEqual([409, 80002]);
    const before = await kubernetesSpec('solo');
    const switched = await call('PATCH', `${base}/clusters/solo`, { key, body: { version: 'v17', size: 1, replicas: 2 } });
    expect([switched.status, switched.body['code']]).toEqual([400, 80201]);
    expect(await kubernetesSpec('solo')).toEqual(before);
    await call('DELETE', `${base}/clusters/solo`, { key });
    await local.idle();
  });
});

describe('databases and users', () => {
  it('a user whose role map names a missing database creates it; passwords are generated, returned once and rotated', async () => {
    await client.postgres.clusters.create({ name: 'app', version: 'v17', size: 1, replicas: 2 });
    const users = client.postgres.users('app');
    const created = await users.create({ username: 'app_user', config: { databases: { orders: { role: 'admin' } } } });
    expect(created.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await client.postgres.databases('app').get('orders')).toEqual({
      databaseName: 'orders',
      roles: { admin: ['app_user'], readonly: [] },
      extensions: [],
    });
    const listed = await call('GET', `${base}/clusters/app/users`, { key: local.publicApi.readKey });
    expect(listed.body).toEqual({
      totalCount: '1',
      users: [{ username: 'app_user', config: { privileges: { replication: false }, databases: { orders: { role: 'admin' } } } }],
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.password);

    const rotated = await users.rotatePassword('app_user');
    expect(rotated.username).toBe('app_user');
    expect(rotated.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(rotated.password).not.toBe(created.password);
    expect(await kubernetesSpec('app')).toMatchObject({
      users: { app_user: { password: rotated.password } },
      databases: { orders: { roles: { admin: ['app_user'] } } },
    });

    const db = await client.postgres.databases('app').create({ databaseName: 'shop', extensions: ['pgcrypto'] });
    expect(db.extensions).toEqual(['pgcrypto']);
    const badExtension = await call('PATCH', `${base}/clusters/app/databases/shop`, { key: local.publicApi.adminKey, body: { extensions: ['nope'] } });
    expect([badExtension.status, badExtension.body['message']]).toEqual([
      400,
      'invalid extensions: "nope" is not in the extensions catalog (GET /postgres/v1alpha1/extensions lists it)',
    ]);
    expect((await client.postgres.databases('app').get('shop')).extensions).toEqual(['pgcrypto']);

    await users.delete('app_user');
    expect((await client.postgres.databases('app').get('orders')).roles.admin).toEqual([]);
    expect((await call('GET', `${base}/clusters/app/users/app_user`, { key: local.publicApi.adminKey })).status).toBe(404);
    await client.postgres.clusters.delete('app');
    await local.idle();
  });
});

describe('catalogs', () => {
  it('lists presets and extensions with a read key', async () => {
    const read = createPublicClient({
      baseUrl: local.url,
      apiKey: local.publicApi.readKey,
      projectId: local.publicApi.project.id,
      ca: local.caCertPem,
      env: {},
    });
    try {
      expect((await read.postgres.presets()).map((p) => p.name)).toContain('small');
      expect(await read.postgres.extensions()).toContain('pgcrypto');
    } finally {
      await read.close();
    }
  });
});

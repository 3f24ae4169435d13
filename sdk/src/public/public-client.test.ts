// The public client against a real server on 127.0.0.1: paths, the key in its header, JSON bodies,
// int64 strings read as numbers, names encoded in paths, and each kind of object.

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { apiKey, clusters, projectId, startScriptedServer } from './fixtures/scripted-public-server.js';
import { createPublicClient, type PublicClient } from './public-client.js';

const { answer, baseUrl, client, received } = await startScriptedServer();

describe('createPublicClient against a real server', () => {
  it('lists clusters, reading int64 strings as numbers, with the key in its header', async () => {
    answer('GET', clusters, {
      status: 200,
      body: {
        totalCount: '1',
        clusters: [{ name: 'demopg', replicas: '3', size: '10', status: 'ready', quorum: { minSyncReplicas: '1', maxSyncReplicas: '1' } }],
      },
    });
    const list = await client.postgres.clusters.list();
    expect(list).toEqual([
      expect.objectContaining({
        name: 'demopg',
        replicas: 3,
        size: 10,
        status: 'ready',
        host: '',
        external: false,
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      }),
    ]);
    expect(received).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: clusters,
        body: '',
        headers: expect.objectContaining({ 'x-hikube-api-key': apiKey, accept: 'application/json' }),
      }),
    ]);
    expect(received[0]?.headers['authorization']).toBeUndefined();
  });

  it('puts the base URL path in front of every path', async () => {
    const prefixed = createPublicClient({ baseUrl: `${baseUrl}/hikube/`, apiKey, projectId, env: {} });
    answer('GET', '/hikube/postgres/v1alpha1/extensions', { status: 200, body: { extensions: ['pgcrypto', 'vector'] } });
    await expect(prefixed.postgres.extensions()).resolves.toEqual(['pgcrypto', 'vector']);
    await prefixed.close();
  });

  it('creates a cluster with a JSON body', async () => {
    answer('POST', clusters, { status: 200, body: { name: 'demopg', version: 'v18', replicas: '3', size: '10', status: 'provisioning' } });
    const created = await client.postgres.clusters.create({
      name: 'demopg',
      version: 'v18',
      replicas: 3,
      size: 10,
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
    expect(created).toMatchObject({ name: 'demopg', replicas: 3, status: 'provisioning' });
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      name: 'demopg',
      version: 'v18',
      replicas: 3,
      size: 10,
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    });
  });

  it.each([
    {
      name: 'a cluster name with a hyphen',
      call: (c: PublicClient) => c.postgres.clusters.create({ name: 'demo-pg', version: 'v18', size: 10 }),
      want: ['name'],
    },
    {
      name: 'quorum max below min',
      call: (c: PublicClient) => c.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10, quorum: { minSyncReplicas: 2, maxSyncReplicas: 1 } }),
      want: ['quorum.maxSyncReplicas'],
    },
    {
      name: 'a database name with an underscore',
      call: (c: PublicClient) => c.postgres.databases('demopg').create({ databaseName: 'my_app' }),
      want: ['databaseName'],
    },
    { name: 'the reserved user postgres', call: (c: PublicClient) => c.postgres.users('demopg').create({ username: 'postgres' }), want: ['username'] },
    { name: 'an empty cluster name in a path', call: (c: PublicClient) => c.postgres.clusters.get(''), want: ['name'] },
    { name: 'an empty username in a path', call: (c: PublicClient) => c.postgres.users('demopg').rotatePassword(''), want: ['username'] },
  ])('refuses $name before sending anything', async ({ call, want }) => {
    const error = await call(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(want);
    expect(received).toEqual([]);
  });

  it('encodes names in paths', async () => {
    answer('GET', `${clusters}/a%2Fb`, { status: 200, body: { name: 'a/b' } });
    await expect(client.postgres.clusters.get('a/b')).resolves.toMatchObject({ name: 'a/b' });
  });

  it('deletes a cluster', async () => {
    answer('DELETE', `${clusters}/demopg`, { status: 200, body: {} });
    await expect(client.postgres.clusters.delete('demopg')).resolves.toBeUndefined();
  });

  it('creates a database and lists them', async () => {
    answer('POST', `${clusters}/demopg/databases`, { status: 200, body: { databaseName: 'myapp', extensions: ['vector'] } });
    answer('GET', `${clusters}/demopg/databases`, {
      status: 200,
      body: { totalCount: '1', databases: [{ databaseName: 'myapp', roles: { admin: ['app'] } }] },
    });
    const databases = client.postgres.databases('demopg');
    await expect(databases.create({ databaseName: 'myapp', extensions: ['vector'] })).resolves.toEqual({
      databaseName: 'myapp',
      roles: { admin: [], readonly: [] },
      extensions: ['vector'],
    });
    await expect(databases.list()).resolves.toEqual([{ databaseName: 'myapp', roles: { admin: ['app'], readonly: [] }, extensions: [] }]);
  });

  it('creates a user (with its password) and rotates the password without a body', async () => {
    const path = `${clusters}/demopg/users`;
    answer('POST', path, { status: 200, body: { username: 'app', config: { databases: { myapp: { role: 'admin' } } }, password: 'first' } });
    answer('POST', `${path}/app/rotate-password`, { status: 200, body: { username: 'app', password: 'second' } });
    const users = client.postgres.users('demopg');
    await expect(users.create({ username: 'app', config: { databases: { myapp: { role: 'admin' } } } })).resolves.toMatchObject({
      username: 'app',
      password: 'first',
    });
    await expect(users.rotatePassword('app')).resolves.toEqual({ username: 'app', password: 'second' });
    expect(received[1]).toMatchObject({ method: 'POST', body: '' });
    expect(received[1]?.headers['content-type']).toBeUndefined();
  });

  it('reads the catalogs, which have no project in their path', async () => {
    answer('GET', '/postgres/v1alpha1/presets', { status: 200, body: { presets: [{ name: 'small', cpu: '1', memory: '512Mi' }] } });
    await expect(client.postgres.presets()).resolves.toEqual([{ name: 'small', cpu: '1', memory: '512Mi' }]);
  });
});

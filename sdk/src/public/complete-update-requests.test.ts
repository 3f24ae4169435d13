// Updates over HTTP send the complete configuration: read, change one field, write back the rest
// (unknown fields included), and refuse before the PATCH what the API would refuse.

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { clusters, startScriptedServer } from './fixtures/scripted-public-server.js';
import { PublicConflictError } from './public-errors.js';

const { answer, client, received } = await startScriptedServer();

describe('updates send the complete configuration', () => {
  const current = {
    name: 'demopg',
    version: 'v17',
    replicas: '3',
    external: true,
    size: '10',
    preset: 'small',
    config: { maxConnections: '200' },
    quorum: { minSyncReplicas: '1', maxSyncReplicas: '2' },
    host: '203.0.113.7',
    status: 'ready',
    updatedAt: '2026-10-05T09:35:00Z',
    backups: { schedule: '@daily' },
  };

  it('a cluster: only the size changes; external access, quorum and unknown fields are sent back', async () => {
    answer('GET', `${clusters}/demopg`, { status: 200, body: current });
    answer('PATCH', `${clusters}/demopg`, { status: 200, body: { ...current, size: '20', status: 'provisioning' } });
    await expect(client.postgres.clusters.update('demopg', { size: 20 })).resolves.toMatchObject({ size: 20, status: 'provisioning' });
    expect(received.map((request) => request.method)).toEqual(['GET', 'PATCH']);
    expect(JSON.parse(received[1]?.body ?? '')).toEqual({
      backups: { schedule: '@daily' },
      version: 'v17',
      replicas: 3,
      external: true,
      size: 20,
      preset: 'small',
      config: { maxConnections: 200 },
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
    });
  });

  it('a cluster: switching 3 replicas to 1 is refused before the PATCH', async () => {
    answer('GET', `${clusters}/demopg`, { status: 200, body: current });
    const error = await client.postgres.clusters.update('demopg', { replicas: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/replicas cannot go from 3 to 1.*80201/);
    expect(received.map((request) => request.method)).toEqual(['GET']);
  });

  it('a cluster changed since the caller read it is not written', async () => {
    answer('GET', `${clusters}/demopg`, { status: 200, body: current });
    const error = await client.postgres.clusters.update('demopg', { size: 20 }, { ifUpdatedAt: '2026-10-05T09:00:00Z' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublicConflictError);
    expect((error as PublicConflictError).code).toBe('HIKUBE_API_CONFLICT');
    expect(received.map((request) => request.method)).toEqual(['GET']);
  });

  it('a user: a grant keeps the other roles and the replication privilege', async () => {
    const path = `${clusters}/demopg/users/app`;
    const user = { username: 'app', config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' } } } };
    answer('GET', path, { status: 200, body: user });
    answer('PATCH', path, { status: 200, body: user });
    await client.postgres.users('demopg').grant('app', 'reports', 'readonly');
    expect(JSON.parse(received[1]?.body ?? '')).toEqual({
      config: { privileges: { replication: true }, databases: { myapp: { role: 'admin' }, reports: { role: 'readonly' } } },
    });
  });

  it('a database: adding an extension keeps the others', async () => {
    const path = `${clusters}/demopg/databases/myapp`;
    answer('GET', path, { status: 200, body: { databaseName: 'myapp', extensions: ['pgcrypto'] } });
    answer('PATCH', path, { status: 200, body: { databaseName: 'myapp', extensions: ['pgcrypto', 'vector'] } });
    const { addExtensions } = client.postgres.databases('demopg');
    await expect(addExtensions('myapp', ['vector'])).resolves.toMatchObject({ extensions: ['pgcrypto', 'vector'] });
    expect(JSON.parse(received[1]?.body ?? '')).toEqual({ extensions: ['pgcrypto', 'vector'] });
  });
});

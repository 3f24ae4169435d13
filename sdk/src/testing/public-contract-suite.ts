import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ValidationError } from '../errors.js';
import type { Cluster } from '../generated/public/zod.js';
import { connectionString } from '../public/connection-string.js';
import { createPublicClient, type PublicClient } from '../public/public-client.js';
import type { PublicClientOptions } from '../public/public-config.js';
import {
  PublicAlreadyExistsError,
  PublicBadRequestError,
  PublicConflictError,
  PublicForbiddenError,
  PublicNotFoundError,
  PublicUnauthorizedError,
  type PublicApiError,
} from '../public/public-errors.js';
import { keylessClient, pickExtensions, rawCall, type PublicContractConnection } from './public-contract-helpers.js';

export type { PublicContractConnection } from './public-contract-helpers.js';

export interface PublicContractSuiteOptions {
  /** Called once, in `beforeAll`, so a server the test file starts in its own `beforeAll` can supply it. */
  connection: () => PublicContractConnection | Promise<PublicContractConnection>;
  /** PostgreSQL major of the cluster the suite creates. Default `v17`. */
  version?: 'v15' | 'v16' | 'v17' | 'v18';
  /** First letters of the cluster names (lowercase letters and digits, at most 6). Default `ct`. */
  namePrefix?: string;
  /** How long a cluster may take to become ready or to go away. Default 15 minutes, as Hikube advises. */
  readyTimeoutMs?: number;
  /** First delay between two reads while waiting. Default 2 s (Hikube asks for a few seconds). */
  pollIntervalMs?: number;
}

// The API's codes are optional in its error body; when present they follow its numbering.
const notFoundCodes = [undefined, 80001];
const alreadyExistsCodes = [undefined, 80002];
const validationCodes = [undefined, ...Array.from({ length: 100 }, (_, i) => 80100 + i)];

/** What a call rejected with, to assert on its class and fields. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** A 4xx of the API, with its class, status and (documented) numeric code. */
async function expectApiError(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => PublicApiError,
  statusCode: number,
  apiCodes: (number | undefined)[],
): Promise<PublicApiError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(errorClass);
  const apiError = error as PublicApiError;
  expect(apiError.statusCode).toBe(statusCode);
  expect(apiCodes).toContain(apiError.apiCode);
  return apiError;
}

/**
 * The public client's behaviour contract as a vitest suite, to run against any server of Hikube's
 * public API with a project's `admin` key: Hikube itself, or Hikube Local. It creates one cluster
 * (3 replicas, a quorum, external) and deletes it at the end; the tests build on each other and
 * run in order.
 */
export function runPublicContractSuite(options: PublicContractSuiteOptions): void {
  const prefix = options.namePrefix ?? 'ct';
  const suffix = randomBytes(3).toString('hex');
  const clusterName = `${prefix}${suffix}`;
  const refusedName = `${prefix}x${suffix}`;
  const version = options.version ?? 'v17';
  const wait = {
    timeoutMs: options.readyTimeoutMs ?? 15 * 60_000,
    intervalMs: options.pollIntervalMs ?? 2_000,
    maxIntervalMs: Math.max(options.pollIntervalMs ?? 2_000, 10_000),
  };
  let connection: PublicContractConnection;
  let clientOptions: PublicClientOptions;
  let client: PublicClient;
  let created = false;
  let extensions: string[] = [];
  const projectPath = () => `/postgres/v1alpha1/projects/${connection.projectId}`;

  describe('@hikube/sdk/public contract', () => {
    beforeAll(async () => {
      connection = await options.connection();
      const { baseUrl, apiKey, projectId, ca } = connection;
      clientOptions = { baseUrl, apiKey, projectId, ...(ca !== undefined ? { ca } : {}), env: {} };
      client = createPublicClient(clientOptions);
    });

    afterAll(async () => {
      if (!client) return;
      for (const name of created ? [clusterName, refusedName] : [refusedName]) await client.postgres.clusters.delete(name).catch(() => undefined);
      await client.close();
    });

    it('lists the presets and extensions catalogs', async () => {
      const presets = await client.postgres.presets();
      expect(presets.length).toBeGreaterThan(0);
      for (const preset of presets)
        expect(preset).toMatchObject({ name: expect.any(String), cpu: expect.stringMatching(/^\d/), memory: expect.stringMatching(/^\d/) });
      extensions = await client.postgres.extensions();
      expect(extensions.length).toBeGreaterThanOrEqual(2);
      for (const extension of extensions) expect(extension).toMatch(/^\S+$/);
    });

    it('creates a cluster, reports each status until ready, reads and lists it', async () => {
      const presets = await client.postgres.presets();
      const preset = presets.find((p) => p.name === 'small')?.name ?? presets[0]?.name ?? '';
      const made = await client.postgres.clusters.create({
        name: clusterName,
        version,
        size: 1,
        replicas: 3,
        preset,
        external: true,
        config: { maxConnections: 150 },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      });
      created = true;
      expect(made).toMatchObject({
        name: clusterName,
        projectId: connection.projectId,
        version,
        size: 1,
        replicas: 3,
        preset,
        external: true,
        config: { maxConnections: 150 },
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
      });
      expect(['provisioning', 'ready']).toContain(made.status);

      const statuses: string[] = [];
      const ready = await client.postgres.clusters.waitUntilReady(clusterName, { ...wait, onStatus: (status) => statuses.push(status) });
      expect(ready.status).toBe('ready');
      expect(statuses.at(-1)).toBe('ready');
      expect(statuses).not.toContain('error');
      expect(new Set(statuses).size).toBe(statuses.length);
      expect(await client.postgres.clusters.get(clusterName)).toMatchObject({ name: clusterName, status: 'ready', replicas: 3 });
      expect((await client.postgres.clusters.list()).map((cluster) => cluster.name)).toContain(clusterName);
    });

    it('reads the int64 values the API sends as strings as numbers', async () => {
      const raw = await rawCall(connection, 'GET', `${projectPath()}/clusters/${clusterName}`);
      expect(raw.status).toBe(200);
      const read = await client.postgres.clusters.get(clusterName);
      const rawQuorum = raw.body['quorum'] as Record<string, unknown>;
      const pairs: [unknown, number][] = [
        [raw.body['replicas'], read.replicas],
        [raw.body['size'], read.size],
        [(raw.body['config'] as Record<string, unknown>)['maxConnections'], read.config.maxConnections],
        [rawQuorum['minSyncReplicas'], read.quorum.minSyncReplicas],
        [rawQuorum['maxSyncReplicas'], read.quorum.maxSyncReplicas],
      ];
      for (const [sent, got] of pairs) {
        expect(sent).toEqual(expect.stringMatching(/^\d+$/));
        expect(got).toBe(Number(sent));
      }
      const list = await rawCall(connection, 'GET', `${projectPath()}/clusters`);
      expect(list.body['totalCount']).toBe(String((list.body['clusters'] as unknown[]).length));
    });

    it('refuses a second cluster of the same name: 409, code 80002', async () => {
      const error = await expectApiError(client.postgres.clusters.create({ name: clusterName, version, size: 1 }), PublicAlreadyExistsError, 409, [80002]);
      expect(error.code).toBe('HIKUBE_API_ALREADY_EXISTS');
      expect(error.requestId).toBeTruthy();
    });

    it('answers 404 for a cluster, a database and a user that do not exist', async () => {
      await expectApiError(client.postgres.clusters.get(refusedName), PublicNotFoundError, 404, notFoundCodes);
      await expectApiError(client.postgres.databases(clusterName).get('nodatabase'), PublicNotFoundError, 404, notFoundCodes);
      await expectApiError(client.postgres.users(clusterName).get('no_user'), PublicNotFoundError, 404, notFoundCodes);
    });

    it('answers 401 (10001) without a key, and 403 (10002) for another project or a scope too low', async () => {
      const keyless = keylessClient(clientOptions);
      const stranger = createPublicClient({ ...clientOptions, projectId: randomUUID() });
      try {
        const missing = await expectApiError(keyless.postgres.clusters.list(), PublicUnauthorizedError, 401, [10001]);
        expect(missing.code).toBe('HIKUBE_API_UNAUTHORIZED');
        const denied = await expectApiError(stranger.postgres.clusters.list(), PublicForbiddenError, 403, [10002]);
        // One answer for three causes: the message names all three, and never the key's secret.
        expect(denied.message).toMatch(/API key sk_hk_[0-9a-f]{32}_\*\*\*.*project id.*scope/);
        expect(denied.message).not.toContain(connection.apiKey.replace(/^sk_hk_[0-9a-f]{32}_/, ''));
      } finally {
        await keyless.close();
        await stranger.close();
      }
      if (connection.readApiKey === undefined) return;
      const reader = createPublicClient({ ...clientOptions, apiKey: connection.readApiKey });
      try {
        expect((await reader.postgres.clusters.get(clusterName)).name).toBe(clusterName);
        const refused = await expectApiError(reader.postgres.clusters.create({ name: refusedName, version, size: 1 }), PublicForbiddenError, 403, [10002]);
        expect(refused.message).toContain('it needs admin');
      } finally {
        await reader.close();
      }
      await expectApiError(client.postgres.clusters.get(refusedName), PublicNotFoundError, 404, notFoundCodes);
    });

    it('checks the documented rules before sending, and the server refuses what only it knows: 400 with a code and the field', async () => {
      const invalid = await failure(client.postgres.clusters.create({ name: 'Not-Valid', version, size: 0, replicas: 9 }));
      expect(invalid).toBeInstanceOf(ValidationError);
      expect((invalid as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['name', 'replicas', 'size']);

      const unknownPreset = await expectApiError(
        client.postgres.clusters.create({ name: refusedName, version, size: 1, preset: 'nosuchpreset' }),
        PublicBadRequestError,
        400,
        validationCodes,
      );
      expect(unknownPreset.code).toBe('HIKUBE_API_BAD_REQUEST');
      expect(unknownPreset.serverMessage).toContain('preset');
      await expectApiError(client.postgres.clusters.get(refusedName), PublicNotFoundError, 404, notFoundCodes);

      // Going from 3 replicas to 1 is refused by the client, and by the server (80201) when sent anyway.
      const before = await client.postgres.clusters.get(clusterName);
      const modeSwitch = await failure(client.postgres.clusters.update(clusterName, { replicas: 1 }));
      expect(modeSwitch).toBeInstanceOf(ValidationError);
      expect((modeSwitch as ValidationError).issues.map((issue) => issue.path)).toEqual(['replicas']);
      const { version: v, size, preset, external, config, quorum } = before;
      const sent = await rawCall(connection, 'PATCH', `${projectPath()}/clusters/${clusterName}`, {
        version: v,
        size,
        preset,
        external,
        config,
        quorum,
        replicas: 1,
      });
      expect([sent.status, sent.body['code']]).toEqual([400, 80201]);
      expect(await client.postgres.clusters.get(clusterName)).toMatchObject({ replicas: 3, updatedAt: before.updatedAt });
    });

    it('updates what it is told and keeps everything else (the PATCH would reset external and the quorum)', async () => {
      const before = await client.postgres.clusters.get(clusterName);
      const grown = await client.postgres.clusters.update(clusterName, { size: before.size + 1 });
      const kept = (cluster: Cluster) => ({
        version: cluster.version,
        replicas: cluster.replicas,
        preset: cluster.preset,
        external: cluster.external,
        config: cluster.config,
        quorum: cluster.quorum,
      });
      expect(grown.size).toBe(before.size + 1);
      expect(kept(grown)).toEqual(kept(before));
      expect(before).toMatchObject({ external: true, quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, config: { maxConnections: 150 } });

      const widened = await client.postgres.clusters.update(clusterName, { quorum: { maxSyncReplicas: 2 } });
      expect(widened).toMatchObject({
        size: before.size + 1,
        external: true,
        quorum: { minSyncReplicas: 1, maxSyncReplicas: 2 },
        config: { maxConnections: 150 },
      });
      expect((await client.postgres.clusters.waitUntilReady(clusterName, wait)).quorum).toEqual({ minSyncReplicas: 1, maxSyncReplicas: 2 });

      // Based on a stale read: nothing is sent.
      const stale = await failure(client.postgres.clusters.update(clusterName, { config: { maxConnections: 160 } }, { ifUpdatedAt: '2000-01-01T00:00:00Z' }));
      expect(stale).toBeInstanceOf(PublicConflictError);
      expect((await client.postgres.clusters.get(clusterName)).config.maxConnections).toBe(150);
    });

    it('databases: create with an extension, add and remove one keeping the rest, refuse a duplicate and an unknown extension, delete', async () => {
      const [first = '', second = ''] = pickExtensions(extensions, 2);
      const databases = client.postgres.databases(clusterName);
      expect(await databases.create({ databaseName: 'shop', extensions: [first] })).toEqual({
        databaseName: 'shop',
        roles: { admin: [], readonly: [] },
        extensions: [first],
      });
      expect((await databases.addExtensions('shop', [second])).extensions).toEqual([first, second]);
      expect((await databases.removeExtensions('shop', [first])).extensions).toEqual([second]);
      expect((await databases.get('shop')).extensions).toEqual([second]);
      expect((await databases.list()).map((database) => database.databaseName)).toContain('shop');
      await expectApiError(databases.create({ databaseName: 'shop' }), PublicAlreadyExistsError, 409, alreadyExistsCodes);
      const unknown = await expectApiError(databases.addExtensions('shop', ['no_such_extension']), PublicBadRequestError, 400, validationCodes);
      expect(unknown.serverMessage).toContain('extension');
      expect((await databases.get('shop')).extensions).toEqual([second]);
      await databases.delete('shop');
      await expectApiError(databases.get('shop'), PublicNotFoundError, 404, notFoundCodes);
    });

    it('users: a password only at creation, grant and revoke one database keeping the rest, rotate, delete', async () => {
      const users = client.postgres.users(clusterName);
      const made = await users.create({ username: 'ct_app', config: { databases: { app: { role: 'admin' } }, privileges: { replication: true } } });
      expect(made).toMatchObject({ username: 'ct_app', config: { databases: { app: { role: 'admin' } }, privileges: { replication: true } } });
      expect(made.password).toMatch(/^\S{8,}$/);
      // A database the role map names is created with the user.
      expect((await client.postgres.databases(clusterName).get('app')).roles.admin).toEqual(['ct_app']);

      for (const databaseName of ['report', 'scratch']) await client.postgres.databases(clusterName).create({ databaseName });
      await users.grant('ct_app', 'report', 'readonly');
      expect((await users.get('ct_app')).config).toEqual({
        databases: { app: { role: 'admin' }, report: { role: 'readonly' } },
        privileges: { replication: true },
      });
      await users.revoke('ct_app', 'app');
      expect((await users.get('ct_app')).config).toEqual({ databases: { report: { role: 'readonly' } }, privileges: { replication: true } });
      await users.update('ct_app', { privileges: { replication: false } });
      expect((await users.get('ct_app')).config).toEqual({ databases: { report: { role: 'readonly' } }, privileges: { replication: false } });

      const listed = await rawCall(connection, 'GET', `${projectPath()}/clusters/${clusterName}/users`);
      expect(JSON.stringify(listed.body)).not.toContain(made.password);
      expect((await users.list()).map((user) => user.username)).toContain('ct_app');
      await expectApiError(users.create({ username: 'ct_app' }), PublicAlreadyExistsError, 409, alreadyExistsCodes);

      const rotated = await users.rotatePassword('ct_app');
      expect(rotated.username).toBe('ct_app');
      expect(rotated.password).toMatch(/^\S{8,}$/);
      expect(rotated.password).not.toBe(made.password);

      // Deleting a database takes it out of the role maps of its users.
      await users.grant('ct_app', 'scratch', 'admin');
      await client.postgres.databases(clusterName).delete('scratch');
      expect(Object.keys((await users.get('ct_app')).config.databases)).toEqual(['report']);

      await users.delete('ct_app');
      await expectApiError(users.get('ct_app'), PublicNotFoundError, 404, notFoundCodes);
      expect((await client.postgres.databases(clusterName).get('report')).roles.readonly).toEqual([]);
    });

    it('builds a connection string from the external address, or says there is none yet', async () => {
      const cluster = await client.postgres.clusters.get(clusterName);
      expect(cluster.external).toBe(true);
      const secrets = { user: 'ct_app', password: 'p@ss/word', database: 'report' };
      if (cluster.host === '') {
        expect(() => connectionString(cluster, secrets)).toThrow(ConfigError);
        return;
      }
      const uri = new URL(connectionString(cluster, secrets));
      expect({
        protocol: uri.protocol,
        username: uri.username,
        password: decodeURIComponent(uri.password),
        pathname: uri.pathname,
        search: uri.search,
      }).toEqual({
        protocol: 'postgresql:',
        username: 'ct_app',
        password: 'p@ss/word',
        pathname: '/report',
        search: '?sslmode=require',
      });
      // The reported address on PostgreSQL's port, unless it names its own (`address:port`, `[v6]:port`).
      const namesPort = /^\[[^\]]+\]:\d+$/.test(cluster.host) || /^[^:]+:\d+$/.test(cluster.host);
      expect(uri.host).toBe(namesPort ? cluster.host : `${cluster.host.includes(':') ? `[${cluster.host}]` : cluster.host}:5432`);
    });

    it('deletes the cluster and waits until it is gone', async () => {
      await client.postgres.clusters.delete(clusterName);
      await client.postgres.clusters.waitUntilDeleted(clusterName, wait);
      created = false;
      await expectApiError(client.postgres.clusters.get(clusterName), PublicNotFoundError, 404, notFoundCodes);
      expect((await client.postgres.clusters.list()).map((cluster) => cluster.name)).not.toContain(clusterName);
      await expectApiError(client.postgres.clusters.delete(clusterName), PublicNotFoundError, 404, notFoundCodes);
    });
  });
}

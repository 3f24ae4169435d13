import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, HikubeError, NetworkError, TimeoutError, ValidationError } from '../errors.js';
import { WaitFailedError, WaitTimeoutError } from '../waiters/poll-until.js';
import { createPublicClient, type PublicClient } from './public-client.js';
import {
  PublicAlreadyExistsError,
  type PublicApiError,
  PublicBadRequestError,
  PublicBadResponseError,
  PublicConflictError,
  PublicForbiddenError,
  PublicNotFoundError,
  PublicServerError,
  PublicUnauthorizedError,
  PublicUnavailableError,
} from './public-errors.js';

// A real HTTP server on 127.0.0.1 answers what each test sets; it records what it received.

interface Answer {
  status: number;
  body: unknown;
  contentType?: string;
  delayMs?: number;
  /** Close the connection instead of answering (the request was received). */
  drop?: boolean;
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const secret = 'Zq9SECRETvalue42';
const keyId = '0123456789abcdef0123456789abcdef';
const apiKey = `sk_hk_${keyId}_${secret}`;
const projectId = '01928f6e-7b2c-7d4e-9a10-3f5b6c7d8e9f';
const clusters = `/postgres/v1alpha1/projects/${projectId}/clusters`;
const fastRetry = { baseDelayMs: 1, maxDelayMs: 4 };

let server: Server;
let baseUrl: string;
let answers = new Map<string, Answer[]>();
let received: Received[] = [];
let client: PublicClient;

/** One answer, or several served in turn (the last one repeats). */
function answer(method: string, path: string, reply: Answer | Answer[]): void {
  answers.set(`${method} ${path}`, Array.isArray(reply) ? [...reply] : [reply]);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      received.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const queue = answers.get(`${req.method} ${url}`);
      const reply = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? {
        status: 404,
        body: { requestId: 'none', message: `no route ${req.method} ${url}` },
      };
      const send = () => {
        if (res.destroyed) return;
        if (reply.drop) {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createPublicClient({ baseUrl, apiKey, projectId, env: {}, retry: fastRetry });
});

afterEach(() => {
  answers = new Map();
  received = [];
});

afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});

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

describe('waits poll the cluster', () => {
  const fast = { intervalMs: 5, maxIntervalMs: 10 };
  const at = (status: string, extra: Record<string, unknown> = {}): Answer => ({ status: 200, body: { name: 'demopg', status, ...extra } });

  it('until ready, reporting each status change once', async () => {
    answer('GET', `${clusters}/demopg`, [at('provisioning'), at('provisioning'), at('unknown'), at('ready', { host: '203.0.113.7', external: true })]);
    const seen: string[] = [];
    const ready = await client.postgres.clusters.waitUntilReady('demopg', { ...fast, onStatus: (status) => seen.push(status) });
    expect(ready).toMatchObject({ status: 'ready', host: '203.0.113.7' });
    expect(seen).toEqual(['provisioning', 'unknown', 'ready']);
    expect(received).toHaveLength(4);
  });

  it('stops at once on error, keeping the cluster', async () => {
    answer('GET', `${clusters}/demopg`, [at('provisioning'), at('error')]);
    const error = await client.postgres.clusters.waitUntilReady('demopg', fast).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as WaitFailedError).lastObserved).toMatchObject({ status: 'error' });
    expect(received).toHaveLength(2);
  });

  it('gives up at its deadline with the last cluster seen', async () => {
    answer('GET', `${clusters}/demopg`, at('provisioning'));
    const error = await client.postgres.clusters.waitUntilReady('demopg', { ...fast, timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastObserved).toMatchObject({ name: 'demopg', status: 'provisioning' });
  });

  it('honours an AbortSignal', async () => {
    answer('GET', `${clusters}/demopg`, at('provisioning'));
    const controller = new AbortController();
    const pending = client.postgres.clusters.waitUntilReady('demopg', { ...fast, signal: controller.signal }).catch((caught: unknown) => caught);
    while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
  });

  it('until deleted: reading the cluster answers 404', async () => {
    answer('GET', `${clusters}/demopg`, [at('ready'), { status: 404, body: { requestId: 'r', message: 'resource not found' } }]);
    await expect(client.postgres.clusters.waitUntilDeleted('demopg', fast)).resolves.toBeUndefined();
    expect(received).toHaveLength(2);
  });

  it('a refusal while waiting is not waited out', async () => {
    answer('GET', `${clusters}/demopg`, { status: 403, body: { requestId: 'r', code: 10002, message: 'access denied' } });
    await expect(client.postgres.clusters.waitUntilReady('demopg', fast)).rejects.toBeInstanceOf(PublicForbiddenError);
    expect(received).toHaveLength(1);
  });
});

describe('503 and code 10004 are retried, nothing else', () => {
  const unavailable: Answer = { status: 503, body: { requestId: 'r-503', code: 10004, message: 'service unavailable' } };
  const ok: Answer = { status: 200, body: { totalCount: '0', clusters: [] } };

  it.each([
    { name: 'a read that succeeds on the third attempt', replies: [unavailable, unavailable, ok], want: { requests: 3, error: undefined } },
    { name: 'a read that stays unavailable, up to 4 attempts', replies: [unavailable], want: { requests: 4, error: PublicUnavailableError } },
    {
      name: 'a 500',
      replies: [{ status: 500, body: { requestId: 'r', message: 'internal server error' } }, ok],
      want: { requests: 1, error: PublicServerError },
    },
    {
      name: 'a 403',
      replies: [{ status: 403, body: { requestId: 'r', code: 10002, message: 'access denied' } }, ok],
      want: { requests: 1, error: PublicForbiddenError },
    },
  ])('$name', async ({ replies, want }) => {
    answer('GET', clusters, replies);
    const error = await client.postgres.clusters.list().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(received).toHaveLength(want.requests);
    if (want.error === undefined) expect(error).toBeUndefined();
    else expect(error).toBeInstanceOf(want.error);
  });

  it('a create refused with 10004 (not processed) is sent again', async () => {
    answer('POST', clusters, [unavailable, { status: 200, body: { name: 'demopg', status: 'provisioning' } }]);
    await expect(client.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10 })).resolves.toMatchObject({ status: 'provisioning' });
    expect(received.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('no retry starts past the call deadline', async () => {
    const patient = createPublicClient({ baseUrl, apiKey, projectId, env: {}, timeoutMs: 1_000, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    answer('GET', clusters, [unavailable]);
    // The first delay is drawn below 60 s; unless it is under the 1 s deadline, one request is all.
    const error = await patient.postgres.clusters.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublicUnavailableError);
    expect(received.length).toBeLessThanOrEqual(2);
    await patient.close();
  });

  it('an answer slower than the call deadline is a TimeoutError', async () => {
    const hasty = createPublicClient({ baseUrl, apiKey, projectId, env: {}, timeoutMs: 50 });
    answer('GET', clusters, { ...ok, delayMs: 5_000 });
    await expect(hasty.postgres.clusters.list()).rejects.toBeInstanceOf(TimeoutError);
    await hasty.close();
  });
});

describe('a create whose answer is lost is read back, not sent again', () => {
  const created = { name: 'demopg', version: 'v18', size: '10', replicas: '3', status: 'provisioning' };
  const ask = { name: 'demopg', version: 'v18' as const, size: 10, replicas: 3 };

  it('a cluster that was created is the answer', async () => {
    answer('POST', clusters, { status: 200, body: created, drop: true });
    answer('GET', `${clusters}/demopg`, { status: 200, body: created });
    await expect(client.postgres.clusters.create(ask)).resolves.toMatchObject({ name: 'demopg', replicas: 3 });
    expect(received.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it.each([
    { name: 'a cluster that is not there', reply: { status: 404, body: { requestId: 'r', message: 'resource not found' } } },
    { name: 'a cluster of the same name made differently', reply: { status: 200, body: { ...created, version: 'v15' } } },
  ])('$name leaves the original error', async ({ reply }) => {
    answer('POST', clusters, { status: 200, body: created, drop: true });
    answer('GET', `${clusters}/demopg`, reply);
    await expect(client.postgres.clusters.create(ask)).rejects.toBeInstanceOf(NetworkError);
    expect(received.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('a database that was created is the answer', async () => {
    const path = `${clusters}/demopg/databases`;
    answer('POST', path, { status: 200, body: {}, drop: true });
    answer('GET', `${path}/myapp`, { status: 200, body: { databaseName: 'myapp', extensions: ['vector'] } });
    await expect(client.postgres.databases('demopg').create({ databaseName: 'myapp', extensions: ['vector'] })).resolves.toMatchObject({
      databaseName: 'myapp',
    });
    expect(received.map((request) => request.method)).toEqual(['POST', 'GET']);
  });
});

describe('error answers become typed errors', () => {
  it.each<{
    name: string;
    method: string;
    path: string;
    reply: Answer;
    call: (c: PublicClient) => Promise<unknown>;
    want: { class: typeof PublicApiError; code: string; apiCode?: number; requestId?: string; message: RegExp };
  }>([
    {
      name: '401 with code 10001',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 401, body: { requestId: 'r-401', code: 10001, message: 'authentication required', details: [] } },
      want: {
        class: PublicUnauthorizedError,
        code: 'HIKUBE_API_UNAUTHORIZED',
        apiCode: 10001,
        requestId: 'r-401',
        message: /HTTP 401, code 10001: authentication required.*X-Hikube-Api-Key/,
      },
    },
    {
      name: "403 in the published examples' spelling (request_id, no code)",
      method: 'POST',
      path: clusters,
      call: (c) => c.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10 }),
      reply: { status: 403, body: { request_id: 'r-403', message: 'insufficient permissions', details: [] } },
      want: {
        class: PublicForbiddenError,
        code: 'HIKUBE_API_FORBIDDEN',
        requestId: 'r-403',
        message: new RegExp(`sk_hk_${keyId}_\\*\\*\\*.*project id ${projectId}.*needs admin`),
      },
    },
    {
      name: '404',
      method: 'GET',
      path: `${clusters}/nope`,
      call: (c) => c.postgres.clusters.get('nope'),
      reply: { status: 404, body: { requestId: 'r-404', message: 'resource not found' } },
      want: { class: PublicNotFoundError, code: 'HIKUBE_API_NOT_FOUND', requestId: 'r-404', message: /cluster "nope" failed \(HTTP 404: resource not found\)/ },
    },
    {
      name: '409 with code 80002 on a create',
      method: 'POST',
      path: clusters,
      call: (c) => c.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10 }),
      reply: { status: 409, body: { requestId: 'r-409', code: 80002, message: 'postgres cluster already exists' } },
      want: { class: PublicAlreadyExistsError, code: 'HIKUBE_API_ALREADY_EXISTS', apiCode: 80002, message: /name is taken/ },
    },
    {
      name: 'a generic 409 on a delete',
      method: 'DELETE',
      path: `${clusters}/demopg/databases/myapp`,
      call: (c) => c.postgres.databases('demopg').delete('myapp'),
      reply: { status: 409, body: { requestId: 'r-409b', message: 'resource in use' } },
      want: { class: PublicConflictError, code: 'HIKUBE_API_CONFLICT', message: /read it again/ },
    },
    {
      name: '400 with code 80201 (mode switch)',
      method: 'POST',
      path: clusters,
      call: (c) => c.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10 }),
      reply: { status: 400, body: { requestId: 'r-400', code: 80201, message: 'cannot switch replication mode' } },
      want: { class: PublicBadRequestError, code: 'HIKUBE_API_MODE_SWITCH_REFUSED', apiCode: 80201, message: /1 replica \(standalone\) and 2-8/ },
    },
    {
      name: '400 naming a field',
      method: 'POST',
      path: clusters,
      call: (c) => c.postgres.clusters.create({ name: 'demopg', version: 'v18', size: 10 }),
      reply: { status: 400, body: { requestId: 'r-400b', code: 80101, message: 'invalid name' } },
      want: { class: PublicBadRequestError, code: 'HIKUBE_API_BAD_REQUEST', apiCode: 80101, message: /code 80101: invalid name/ },
    },
    {
      name: '500',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 500, body: { requestId: 'r-500', message: 'internal server error' } },
      want: {
        class: PublicServerError,
        code: 'HIKUBE_API_SERVER_ERROR',
        requestId: 'r-500',
        message: /give the request id to Hikube support \(request id r-500\)/,
      },
    },
    {
      name: '503 with code 10004',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 503, body: { requestId: 'r-503', code: 10004, message: 'service unavailable' } },
      want: { class: PublicUnavailableError, code: 'HIKUBE_API_UNAVAILABLE', apiCode: 10004, message: /retry with growing delays/ },
    },
    {
      name: 'a 502 page from a proxy',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 502, contentType: 'text/html', body: '<html>\n<body>Bad gateway</body></html>' },
      want: { class: PublicServerError, code: 'HIKUBE_API_SERVER_ERROR', message: /not the documented JSON: <html> <body>Bad gateway/ },
    },
    {
      name: 'a 200 page that is not JSON',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 200, contentType: 'text/html', body: '<html>login</html>' },
      want: { class: PublicBadResponseError, code: 'HIKUBE_API_BAD_RESPONSE', message: /a body that is not JSON/ },
    },
    {
      name: 'a 200 answer of the wrong shape',
      method: 'GET',
      path: clusters,
      call: (c) => c.postgres.clusters.list(),
      reply: { status: 200, body: { clusters: [{ replicas: 'three' }] } },
      want: { class: PublicBadResponseError, code: 'HIKUBE_API_BAD_RESPONSE', message: /not the documented ClusterList \(at clusters\.0\.replicas\)/ },
    },
  ])('$name', async ({ method, path, reply, call, want }) => {
    answer(method, path, reply);
    const error = await call(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(want.class);
    expect(error).toBeInstanceOf(HikubeError);
    const typed = error as PublicApiError;
    const { class: _class, message: _message, ...fields } = want;
    expect(typed).toMatchObject(fields);
    expect(typed.message).toMatch(want.message);
    expect(typed.message).not.toContain(secret);
  });

  it('a server that cannot be reached is a NetworkError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createPublicClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey, projectId, env: {} });
    const error = await unreachable.postgres.clusters.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).not.toContain(secret);
    await unreachable.close();
  });

  it('an aborted call is an AbortError', async () => {
    answer('GET', clusters, { status: 200, body: { clusters: [] }, delayMs: 5_000 });
    const controller = new AbortController();
    const pending = client.postgres.clusters.list({ signal: controller.signal }).catch((caught: unknown) => caught);
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type HikubeClient } from './client.js';
import { AbortError, AlreadyExistsError, NetworkError, ServerError, TimeoutError } from './errors.js';
import { createIdAnnotation } from './resources/create-once.js';
import { cozystackFixtures } from './testing/cozystack-fixtures.js';
import { startTestApiServer, type TestApiServer } from './testing/test-api-server.js';
import type { LogEvent } from './transport/log-event.js';

const token = 'sekret-bearer-0123456789';
let server: TestApiServer;
let client: HikubeClient;
const events: LogEvent[] = [];
const postgresPath = /\/postgreses/;

beforeAll(async () => {
  server = await startTestApiServer({ tokens: [token] });
  client = createClient({
    server: server.url,
    token,
    namespace: 'tenant-a',
    kubeconfig: false,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    logger: (event) => events.push(event),
  });
});
afterAll(async () => {
  await client.close();
  await server.stop();
});
afterEach(() => {
  server.clearFaults();
  server.requests.length = 0;
});

/**
 * What the platform publishes once it released a cluster (the test server is a store and acts on
 * nothing): Ready as Cozystack reports it, the credentials TenantSecret and the rw Service.
 */
function platformReleased(name: string, passwords: Record<string, string>): void {
  const released = cozystackFixtures('tenant-a')[0]!.object['status'] as Record<string, unknown>;
  server.put('postgreses', { ...server.read('postgreses', 'tenant-a', name)!, status: released });
  const data = Object.fromEntries(Object.entries(passwords).map(([user, password]) => [user, Buffer.from(password).toString('base64')]));
  server.put('tenantsecrets', {
    apiVersion: 'core.cozystack.io/v1alpha1',
    kind: 'TenantSecret',
    metadata: { name: `postgres-${name}-credentials`, namespace: 'tenant-a' },
    type: 'Opaque',
    data,
  });
  server.put('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `postgres-${name}-rw`, namespace: 'tenant-a' },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }] },
  });
}

const attempts = () => server.requests.filter((request) => postgresPath.test(request.path)).length;

describe('retries', () => {
  it.each([
    { name: '503 twice', fault: { status: 503, reason: 'ServiceUnavailable', times: 2 }, want: 3 },
    { name: '500 once', fault: { status: 500, reason: 'InternalError', times: 1 }, want: 2 },
    { name: '429 with Retry-After 0', fault: { status: 429, reason: 'TooManyRequests', retryAfterSeconds: 0, times: 2 }, want: 3 },
    { name: 'connection reset', fault: { reset: true as const, times: 2 }, want: 3 },
  ])('GET recovers from $name', async ({ fault, want }) => {
    await client.postgres.create({ metadata: { name: 'retry-me' }, spec: { replicas: 1 } }).catch(() => undefined);
    server.requests.length = 0;
    server.inject({ match: { method: 'GET', path: postgresPath }, ...fault });
    await expect(client.postgres.get('retry-me')).resolves.toMatchObject({ metadata: { name: 'retry-me' } });
    expect(attempts()).toBe(want);
  });

  it('honours Retry-After', async () => {
    events.length = 0;
    server.inject({ match: { method: 'GET', path: postgresPath }, status: 429, reason: 'TooManyRequests', retryAfterSeconds: 1 });
    await client.postgres.get('retry-me');
    expect(events.filter((event) => event.type === 'retry').map((event) => (event.type === 'retry' ? event.delayMs : 0))).toEqual([1000]);
  });

  it('gives up after the attempts and throws the last error', async () => {
    server.inject({ match: { method: 'GET', path: postgresPath }, status: 503, reason: 'ServiceUnavailable', times: 10 });
    const error = await client.postgres.get('retry-me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(attempts()).toBe(4);
  });

  it('does not retry an update after a connection reset (the write may have happened)', async () => {
    const current = await client.postgres.get('retry-me');
    server.requests.length = 0;
    server.inject({ match: { method: 'PUT', path: postgresPath }, reset: true });
    await expect(client.postgres.update({ ...current, spec: { replicas: 2 } })).rejects.toBeInstanceOf(NetworkError);
    expect(attempts()).toBe(1);
  });

  it('retries an update on 503 (not applied)', async () => {
    const current = await client.postgres.get('retry-me');
    server.inject({ match: { method: 'PUT', path: postgresPath }, status: 503, reason: 'ServiceUnavailable' });
    await expect(client.postgres.update({ ...current, spec: { replicas: 2 } })).resolves.toMatchObject({ spec: { replicas: 2 } });
  });

  it('resolves a create whose response was lost to the object it created', async () => {
    server.inject({ match: { method: 'POST', path: postgresPath }, dropResponse: true });
    const made = await client.postgres.create({ metadata: { name: 'lost-response' }, spec: { replicas: 1 } });
    expect(made.metadata.name).toBe('lost-response');
    expect(made.metadata.annotations?.[createIdAnnotation]).toBeTruthy();
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('still reports AlreadyExists for an object someone else created', async () => {
    server.put('postgreses', {
      apiVersion: 'apps.cozystack.io/v1alpha1',
      kind: 'Postgres',
      metadata: { name: 'theirs', namespace: 'tenant-a', annotations: { [createIdAnnotation]: 'someone-else' } },
      spec: {},
    });
    server.inject({ match: { method: 'POST', path: postgresPath }, status: 503, reason: 'ServiceUnavailable' });
    await expect(client.postgres.create({ metadata: { name: 'theirs' }, spec: {} })).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it('treats a retried delete that meets NotFound as done', async () => {
    await client.postgres.create({ metadata: { name: 'lost-delete' }, spec: {} });
    server.inject({ match: { method: 'DELETE', path: postgresPath }, dropResponse: true });
    await expect(client.postgres.delete('lost-delete')).resolves.toBe(true);
  });

  it('reports an unreachable server as NetworkError after retrying', async () => {
    const closed = await startTestApiServer();
    const url = closed.url;
    await closed.stop();
    const offline = createClient({ server: url, namespace: 'tenant-a', kubeconfig: false, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await offline.postgres.get('x').catch((caught: unknown) => caught);
    await offline.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'HIKUBE_NETWORK' });
    expect((error as Error).message).toContain('check the server address');
  });
});

describe('timeout and abort', () => {
  it('times out a slow response', async () => {
    server.inject({ match: { method: 'GET', path: postgresPath }, delayMs: 2_000 });
    const error = await client.postgres.get('retry-me', { timeout: 150 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'HIKUBE_TIMEOUT' });
  });

  it('keeps each call to its own deadline when calls with different timeouts overlap', async () => {
    server.inject({ match: { method: 'GET', path: postgresPath }, delayMs: 1_000, times: 3 });
    const patient = client.postgres.get('retry-me', { timeout: 10_000 }).catch((caught: unknown) => caught);
    // Shorter than the deadline already armed, then again after that one expired.
    const hasty = await client.postgres.get('retry-me', { timeout: 100 }).catch((caught: unknown) => caught);
    const again = await client.postgres.get('retry-me', { timeout: 100 }).catch((caught: unknown) => caught);
    expect(hasty).toBeInstanceOf(TimeoutError);
    expect(again).toBeInstanceOf(TimeoutError);
    expect(await patient).toMatchObject({ metadata: { name: 'retry-me' } });
  });

  it('times out while waiting for a free connection, and never sends the request', async () => {
    const oneConnection = createClient({ server: server.url, token, namespace: 'tenant-a', kubeconfig: false, connections: 1 });
    server.inject({ match: { method: 'GET', path: postgresPath }, delayMs: 800 });
    const slow = oneConnection.postgres.get('retry-me');
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
    const error = await oneConnection.postgres.get('retry-me', { timeout: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    await slow;
    await oneConnection.close();
    expect(attempts()).toBe(1);
  });

  it('stops retrying at the call deadline', async () => {
    const slowRetries = createClient({
      server: server.url,
      token,
      namespace: 'tenant-a',
      kubeconfig: false,
      retry: { attempts: 50, baseDelayMs: 100, maxDelayMs: 100 },
    });
    server.inject({ match: { method: 'GET', path: postgresPath }, status: 503, reason: 'ServiceUnavailable', times: 100 });
    const error = await slowRetries.postgres.get('retry-me', { timeout: 300 }).catch((caught: unknown) => caught);
    await slowRetries.close();
    // Either the last answer (no retry fits before the deadline) or the deadline itself (mid-attempt).
    expect(error instanceof ServerError || error instanceof TimeoutError).toBe(true);
    expect(attempts()).toBeLessThan(50);
  });

  it('aborts when the signal fires', async () => {
    server.inject({ match: { method: 'GET', path: postgresPath }, delayMs: 2_000 });
    const controller = new AbortController();
    const pending = client.postgres.get('retry-me', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'HIKUBE_ABORTED' });
  });

  it('rejects at once when the signal already fired', async () => {
    const before = server.requests.length;
    await expect(client.postgres.get('retry-me', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.requests.length).toBe(before);
  });
});

describe('logging hook', () => {
  it('scrubs secrets the server echoes back', async () => {
    events.length = 0;
    server.inject({
      match: { method: 'POST', path: postgresPath },
      status: 422,
      reason: 'Invalid',
      message: `spec.users.app.password: Invalid value: "echoed-pa55word", token ${token}`,
    });
    const error = await client.postgres
      .create({ metadata: { name: 'echo' }, spec: { users: { app: { password: 'echoed-pa55word' } } } })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('Invalid value: "[REDACTED]", token [REDACTED]');
    expect(JSON.stringify([(error as Error).message, (error as { status?: unknown }).status, events])).not.toMatch(/echoed-pa55word|sekret-bearer/);
  });

  it('never carries the token or a password', async () => {
    events.length = 0;
    await client.postgres.create({ metadata: { name: 'logged' }, spec: { replicas: 1, users: { app: { password: 'pa55word-never-logged' } } } });
    platformReleased('logged', { app: 'pa55word-never-logged' });
    await client.postgres.waitForReady('logged', { level: 'released', timeout: 10_000 });
    const credentials = await client.postgres.credentials('logged');
    expect(credentials['app']).toBe('pa55word-never-logged');
    await client.postgres.connectionString('logged', { user: 'app' });
    server.inject({ match: { method: 'GET' }, status: 503, reason: 'ServiceUnavailable' });
    await client.postgres.get('logged');
    const text = JSON.stringify(events);
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['request', 'response', 'retry', 'error']));
    expect(text).not.toContain(token);
    expect(text).not.toContain('pa55word-never-logged');
    expect(text).not.toContain(Buffer.from('pa55word-never-logged').toString('base64'));
    expect(events.find((event) => event.type === 'request')).toMatchObject({ headers: { authorization: 'Bearer [REDACTED]' } });
  });
});

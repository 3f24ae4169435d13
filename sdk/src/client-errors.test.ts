import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type HikubeClient } from './client.js';
import {
  AlreadyExistsError,
  ApiError,
  BadResponseError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  NotFoundError,
  ServerError,
  TooManyRequestsError,
  UnauthorizedError,
} from './errors.js';
import { startTestApiServer, type TestApiServer } from './testing/test-api-server.js';

let server: TestApiServer;
let client: HikubeClient;

beforeAll(async () => {
  server = await startTestApiServer({ tokens: ['t0ken-errors'], namespaces: ['tenant-a'] });
  client = createClient({ server: server.url, token: 't0ken-errors', namespace: 'tenant-a', kubeconfig: false, retry: false });
});
afterAll(async () => {
  await client.close();
  await server.stop();
});
afterEach(() => {
  server.clearFaults();
  server.requests.length = 0;
});

describe('answers that are not what a get reads', () => {
  it.each([
    { name: 'an HTML page', body: '<html>login</html>' },
    { name: 'another object', body: JSON.stringify({ kind: 'Postgres', metadata: { name: 'other' } }) },
    { name: 'an empty object', body: '{}' },
    { name: 'an empty body', body: '' },
  ])('$name -> BadResponseError', async ({ body }) => {
    server.inject({ match: { method: 'GET' }, body });
    const error = await client.postgres.get('orders').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadResponseError);
    expect(error).toMatchObject({ code: 'HIKUBE_API_BAD_RESPONSE', statusCode: 200 });
    expect((error as Error).message).toContain('Postgres "orders"');
    expect((error as Error).message).not.toContain('login');
  });
});

describe('error family', () => {
  it.each([
    { status: 400, reason: 'BadRequest', want: ApiError, code: 'HIKUBE_API_ERROR' },
    { status: 401, reason: 'Unauthorized', want: UnauthorizedError, code: 'HIKUBE_API_UNAUTHORIZED' },
    { status: 403, reason: 'Forbidden', want: ForbiddenError, code: 'HIKUBE_API_FORBIDDEN' },
    { status: 404, reason: 'NotFound', want: NotFoundError, code: 'HIKUBE_API_NOT_FOUND' },
    { status: 409, reason: 'AlreadyExists', want: AlreadyExistsError, code: 'HIKUBE_API_ALREADY_EXISTS' },
    { status: 409, reason: 'Conflict', want: ConflictError, code: 'HIKUBE_API_CONFLICT' },
    { status: 410, reason: 'Expired', want: GoneError, code: 'HIKUBE_API_GONE' },
    { status: 422, reason: 'Invalid', want: InvalidError, code: 'HIKUBE_API_INVALID' },
    { status: 429, reason: 'TooManyRequests', want: TooManyRequestsError, code: 'HIKUBE_API_TOO_MANY_REQUESTS' },
    { status: 500, reason: 'InternalError', want: ServerError, code: 'HIKUBE_API_SERVER_ERROR' },
    { status: 503, reason: 'ServiceUnavailable', want: ServerError, code: 'HIKUBE_API_SERVER_ERROR' },
  ])('$status $reason -> $want.name', async ({ status, reason, want, code }) => {
    server.inject({ match: { method: 'GET' }, status, reason });
    const error = await client.postgres.get('orders').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(want);
    expect(error).toMatchObject({ code, statusCode: status, reason });
    // Messages say which resource, what happened and what to do.
    expect((error as Error).message).toMatch(/^Postgres "orders" in namespace "tenant-a" .+; .+/);
  });

  it('keeps the per-field causes of Invalid', async () => {
    await client.postgres.create({ metadata: { name: 'immutable' }, spec: { storageClass: 'local' } });
    const current = await client.postgres.get('immutable');
    const error = await client.postgres.update({ ...current, spec: { storageClass: 'replicated' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).causes).toEqual([{ reason: 'FieldValueInvalid', field: 'spec.storageClass', message: 'storageClass is immutable' }]);
    expect((error as Error).message).toContain('spec.storageClass: storageClass is immutable');
  });

  it('maps a refused token to UnauthorizedError without echoing the token', async () => {
    const stranger = createClient({ server: server.url, token: 'wrong-secret-token', namespace: 'tenant-a', kubeconfig: false, retry: false });
    const error = await stranger.postgres.get('orders').catch((caught: unknown) => caught);
    await stranger.close();
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toContain('wrong-secret-token');
  });

  it('maps a namespace the tenant may not use to ForbiddenError', async () => {
    const other = createClient({ server: server.url, token: 't0ken-errors', namespace: 'tenant-b', kubeconfig: false, retry: false });
    await expect(other.postgres.listAll()).rejects.toBeInstanceOf(ForbiddenError);
    await other.close();
  });
});

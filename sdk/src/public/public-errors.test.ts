// Error answers of the public API become typed errors (status, code, request id; never the key),
// as do an unreachable server and an aborted call.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AbortError, HikubeError, NetworkError } from '../errors.js';
import { type Answer, apiKey, clusters, keyId, projectId, secret, startScriptedServer } from './fixtures/scripted-public-server.js';
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

const { answer, client, received } = await startScriptedServer();

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

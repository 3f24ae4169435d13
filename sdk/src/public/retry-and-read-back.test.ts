// What is sent again: 503 and code 10004 are retried (nothing else, never past the deadline), and a
// create whose answer is lost is read back rather than sent again.

import { describe, expect, it } from 'vitest';
import { NetworkError, TimeoutError } from '../errors.js';
import { type Answer, apiKey, clusters, projectId, startScriptedServer } from './fixtures/scripted-public-server.js';
import { createPublicClient } from './public-client.js';
import { PublicForbiddenError, PublicServerError, PublicUnavailableError } from './public-errors.js';

const { answer, baseUrl, client, received } = await startScriptedServer();

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

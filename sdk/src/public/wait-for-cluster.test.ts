// Waits poll the cluster on a real server: until ready, until deleted, stopping at an error, a
// refusal, the deadline or an AbortSignal.

import { describe, expect, it } from 'vitest';
import { AbortError } from '../errors.js';
import { WaitFailedError, WaitTimeoutError } from '../waiters/poll-until.js';
import { type Answer, clusters, startScriptedServer } from './fixtures/scripted-public-server.js';
import { PublicForbiddenError } from './public-errors.js';

const { answer, client, received } = await startScriptedServer();

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

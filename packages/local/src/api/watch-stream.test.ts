// Watches over a real loopback server: replay after a resourceVersion, selection changes as
// DELETED/ADDED, ADDED on resourceVersion 0, and 410 Expired as an ERROR event.

import { beforeAll, describe, expect, it } from 'vitest';
import { P, pg, startServer, TENANT, useApiServer } from '../testing/api-server-harness.js';

const { base, call } = useApiServer();

describe('watch', () => {
  // An object that exists before the resourceVersion 0 watch starts.
  beforeAll(async () => {
    expect((await call({ method: 'POST', path: P, body: pg('gen') })).status).toBe(201);
  });

  async function readEvents(path: string, count: number): Promise<{ type: string; object: Record<string, unknown> }[]> {
    const res = await fetch(base() + path, { headers: { authorization: `Bearer ${TENANT}` } });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buf = '';
    const events: { type: string; object: Record<string, unknown> }[] = [];
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) events.push(JSON.parse(line) as { type: string; object: Record<string, unknown> });
      }
    }
    await reader.cancel();
    return events;
  }

  it('replays changes after a resourceVersion', async () => {
    const created = await call({ method: 'POST', path: P, body: pg('watched') });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    await call({ method: 'PATCH', path: `${P}/watched`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } } });
    await call({ method: 'DELETE', path: `${P}/watched` });
    const events = await readEvents(`${P}?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Dwatched`, 2);
    expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED']);
  });

  it('turns a label change that leaves or enters the selection into DELETED or ADDED', async () => {
    const created = await call({ method: 'POST', path: P, body: { ...pg('moving'), metadata: { name: 'moving', labels: { tier: 'a' } } } });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    const relabel = (tier: string) =>
      call({ method: 'PATCH', path: `${P}/moving`, contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier } } } });
    await relabel('b');
    await relabel('a');
    const events = await readEvents(`${P}?watch=true&resourceVersion=${rv}&labelSelector=tier%3Da`, 2);
    expect(events.map((e) => e.type)).toEqual(['DELETED', 'ADDED']);
  });

  it('sends ADDED for existing objects when resourceVersion is 0', async () => {
    const events = await readEvents(`${P}?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Dgen`, 1);
    expect(events[0]?.type).toBe('ADDED');
  });

  it('answers 410 Expired as an ERROR event for a too old resourceVersion', async () => {
    const small = await startServer({ historySize: 2 });
    try {
      for (let i = 0; i < 10; i++) await call({ method: 'POST', path: P, body: pg(`h${i}`) }, small.base);
      const res = await fetch(`${small.base}${P}?watch=true&resourceVersion=1`, { headers: { authorization: `Bearer ${TENANT}` } });
      const line = JSON.parse((await res.text()).trim()) as { type: string; object: { code: number; reason: string } };
      expect(line).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
    } finally {
      await small.server.close();
    }
  });
});

// Object semantics over a real loopback server: system metadata and defaults, generation, kept
// finalizers, dry-run DELETE, paging and selectors, Table output.

import { describe, expect, it } from 'vitest';
import { P, pg, useApiServer } from '../testing/api-server-harness.js';

const { call } = useApiServer();

describe('object semantics', () => {
  it('fills system metadata and defaults, bumps generation only on spec changes', async () => {
    const created = (await call({ method: 'POST', path: P, body: pg('gen') })).json as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    expect(created.metadata).toMatchObject({ generation: 1, namespace: 'team-a', finalizers: ['local.hikube.io/cleanup'] });
    expect(created.spec['replicas']).toBe(2);
    const labelled = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { metadata: { labels: { a: 'b' } } } });
    expect((labelled.json['metadata'] as { generation: number }).generation).toBe(1);
    const scaled = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect((scaled.json['metadata'] as { generation: number }).generation).toBe(2);
    const same = await call({ method: 'PATCH', path: `${P}/gen`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect((same.json['metadata'] as { resourceVersion: string }).resourceVersion).toBe(
      (scaled.json['metadata'] as { resourceVersion: string }).resourceVersion,
    );
  });

  it('keeps the cleanup finalizer of a live object when a replace omits it', async () => {
    const created = await call({ method: 'POST', path: P, body: pg('keep') });
    const rv = (created.json['metadata'] as { resourceVersion: string }).resourceVersion;
    const replaced = await call({
      method: 'PUT',
      path: `${P}/keep`,
      body: { ...pg('keep', { replicas: 1 }), metadata: { name: 'keep', resourceVersion: rv } },
    });
    expect(replaced.status).toBe(200);
    expect((replaced.json['metadata'] as { finalizers: string[] }).finalizers).toEqual(['local.hikube.io/cleanup']);
  });

  it('honours dryRun in the DELETE body and waits for finalizers', async () => {
    await call({ method: 'POST', path: P, body: pg('fin') });
    expect((await call({ method: 'DELETE', path: `${P}/fin`, body: { dryRun: ['All'] } })).status).toBe(200);
    expect((await call({ path: `${P}/fin` })).status).toBe(200);
    const pending = await call({ method: 'DELETE', path: `${P}/fin`, body: { propagationPolicy: 'Background' } });
    expect(pending.status).toBe(202);
    expect((pending.json['metadata'] as { deletionTimestamp?: string }).deletionTimestamp).toBeDefined();
    const released = await call({ method: 'PATCH', path: `${P}/fin`, contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    expect(released.status).toBe(200);
    expect((await call({ path: `${P}/fin` })).status).toBe(404);
  });

  it('pages lists with limit/continue and filters by selectors', async () => {
    for (let i = 0; i < 5; i++)
      await call({ method: 'POST', path: P, body: { ...pg(`page-${i}`), metadata: { name: `page-${i}`, labels: { group: 'paging' } } } });
    const names: string[] = [];
    let cont = '';
    do {
      const r = await call({ path: `${P}?labelSelector=group%3Dpaging&limit=2${cont ? `&continue=${cont}` : ''}` });
      names.push(...(r.json['items'] as { metadata: { name: string } }[]).map((i) => i.metadata.name));
      cont = (r.json['metadata'] as { continue?: string }).continue ?? '';
    } while (cont);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const one = await call({ path: `${P}?fieldSelector=metadata.name%3Dpage-3` });
    expect((one.json['items'] as unknown[]).length).toBe(1);
  });

  it('returns a Table when asked', async () => {
    const r = await call({ path: `${P}/gen`, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(r.json['kind']).toBe('Table');
    expect((r.json['columnDefinitions'] as { name: string }[]).map((c) => c.name)).toEqual(['Name', 'Ready', 'Age', 'Version']);
  });
});

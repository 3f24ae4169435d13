import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, GoneError } from './errors.js';
import type { KubeObject } from './kube-object.js';
import { ObjectStore, type StoreEvent } from './object-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hikube-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const pg = (name: string, namespace = 'ns', replicas = 1): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Thing',
  metadata: { name, namespace },
  spec: { replicas },
});

describe('ObjectStore', () => {
  it('survives a restart with every acknowledged write and keeps resourceVersion increasing', async () => {
    const dir = tempDir();
    const a = await ObjectStore.open({ dir });
    await a.create('things', pg('one'));
    const two = await a.create('things', pg('two'));
    await a.update('things', { ...two, spec: { replicas: 3 } }, two.metadata.resourceVersion);
    await a.delete('things', 'ns', 'one');
    const rvBefore = a.resourceVersion;
    await a.close();

    const b = await ObjectStore.open({ dir });
    expect(b.list('things').items.map((o) => [o.metadata.name, o['spec']])).toEqual([['two', { replicas: 3 }]]);
    const three = await b.create('things', pg('three'));
    expect(Number(three.metadata.resourceVersion)).toBeGreaterThan(rvBefore);
    await b.close();
  });

  it('cuts a torn last record (a write never acknowledged) and keeps the rest', async () => {
    const dir = tempDir();
    const a = await ObjectStore.open({ dir: join(dir, 's') });
    await a.create('things', pg('kept'));
    await a.close();
    appendFileSync(join(dir, 's', 'store.log'), '{"rv":99,"op":"put","key":"things|ns/torn","obj":{"api');
    const b = await ObjectStore.open({ dir: join(dir, 's') });
    expect(b.list('things').items.map((o) => o.metadata.name)).toEqual(['kept']);
    await b.create('things', pg('after'));
    await b.close();
    const c = await ObjectStore.open({ dir: join(dir, 's') });
    expect(c.list('things').items.map((o) => o.metadata.name)).toEqual(['after', 'kept']);
    await c.close();
  });

  it('compacts into a snapshot and reloads from it; the snapshot and log are owner-only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.snap.tmp'), '', { mode: 0o644 }); // left by a crash of an older version
    const a = await ObjectStore.open({ dir });
    const big = 'x'.repeat(20_000);
    for (let i = 0; i < 300; i++) await a.create('things', { ...pg(`o${String(i).padStart(3, '0')}`), data: big });
    for (let i = 0; i < 100; i++) await a.delete('things', 'ns', `o${String(i).padStart(3, '0')}`);
    await a.close();
    expect(statSync(join(dir, 'store.snap')).size).toBeGreaterThan(0);
    expect(statSync(join(dir, 'store.log')).size).toBeLessThan(4 * 1024 * 1024);
    const modes = Object.fromEntries(['.', 'store.snap', 'store.log'].map((f) => [f, (statSync(join(dir, f)).mode & 0o777).toString(8)]));
    expect(modes).toEqual({ '.': '700', 'store.snap': '600', 'store.log': '600' });
    const b = await ObjectStore.open({ dir });
    const items = b.list('things').items;
    expect(items).toHaveLength(200);
    expect(items[0]?.metadata.name).toBe('o100');
    await b.close();
  });

  it('ignores log records already folded into the snapshot (crash during compaction)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'store.snap'),
      JSON.stringify({ rv: 5, objects: { 'things|ns/a': { ...pg('a'), metadata: { name: 'a', namespace: 'ns', resourceVersion: '5' } } } }),
    );
    writeFileSync(
      join(dir, 'store.log'),
      [
        { rv: 4, op: 'del', key: 'things|ns/a' },
        { rv: 6, op: 'put', key: 'things|ns/b', obj: { ...pg('b'), metadata: { name: 'b', namespace: 'ns', resourceVersion: '6' } } },
      ]
        .map((r) => JSON.stringify(r) + '\n')
        .join(''),
    );
    const s = await ObjectStore.open({ dir });
    expect(s.list('things').items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(s.resourceVersion).toBe(6);
    await s.close();
    expect(readFileSync(join(dir, 'store.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('refuses a stale resourceVersion with a Conflict', async () => {
    const s = await ObjectStore.open();
    const o = await s.create('things', pg('a'));
    await s.update('things', o, o.metadata.resourceVersion);
    await expect(s.update('things', o, o.metadata.resourceVersion)).rejects.toBeInstanceOf(ConflictError);
  });

  it('pages a namespace in key order with continue tokens', async () => {
    const s = await ObjectStore.open();
    for (const ns of ['a', 'b', 'c']) for (let i = 0; i < 5; i++) await s.create('things', pg(`n${i}`, ns));
    const seen: string[] = [];
    let cont: string | undefined;
    do {
      const page = s.list('things', { namespace: 'b', limit: 2, ...(cont ? { continueAfter: cont } : {}) });
      seen.push(...page.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
      cont = page.continueAfter;
    } while (cont);
    expect(seen).toEqual(['b/n0', 'b/n1', 'b/n2', 'b/n3', 'b/n4']);
  });

  it('replays events after a resourceVersion and answers Gone for one older than the history', async () => {
    const s = await ObjectStore.open({ historySize: 3 });
    const first = await s.create('things', pg('a'));
    for (let i = 0; i < 8; i++) await s.create('things', pg(`b${i}`));
    const got: StoreEvent[] = [];
    const stop = s.watch(s.resourceVersion - 2, (e) => got.push(e));
    expect(got.map((e) => e.object.metadata.name)).toEqual(['b6', 'b7']);
    await s.delete('things', 'ns', 'a');
    expect(got.at(-1)?.type).toBe('DELETED');
    stop();
    expect(() => s.watch(Number(first.metadata.resourceVersion), () => undefined)).toThrow(GoneError);
  });
});

// Our SDK against Hikube Local, through the kubeconfig it writes: the calls a user of
// @hikube/sdk makes, end to end. Invalid input is refused by the SDK before any request (the
// server's request counter proves it); what passes the SDK also passes the server, since both
// validate with the same rules.

import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

let dir: string;
let local: HikubeLocal;
let client: HikubeClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-local-sdk-'));
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
  client = createClient({ kubeconfig: local.kubeconfigPath });
});
afterAll(async () => {
  await client?.close();
  await local?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('@hikube/sdk against Hikube Local', () => {
  it('creates a cluster and waits until every instance is ready', async () => {
    expect(client.namespace).toBe('tenant-demo');
    await client.postgres.create({
      metadata: { name: 'orders' },
      spec: {
        replicas: 3,
        external: true,
        users: { app: { password: 'app-secret' }, ro: {} },
        databases: { shop: { roles: { admin: ['app'], readonly: ['ro'] } } },
      },
    });
    const ready = await client.postgres.waitForReady('orders', { timeout: 20_000 });
    expect(ready.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('reads credentials, endpoints, instances and events', async () => {
    const credentials = await client.postgres.credentials('orders');
    expect(credentials['app']).toBe('app-secret');
    expect(credentials['ro']).toMatch(/^[A-Za-z0-9]{16}$/);
    const endpoints = await client.postgres.endpoints('orders');
    expect(endpoints).toEqual({
      rw: { host: '127.0.0.1', port: 5432 },
      ro: { host: '127.0.0.1', port: 5432 },
      r: { host: '127.0.0.1', port: 5432 },
      external: { host: '127.0.0.1', port: 5432 },
    });
    expect(await client.postgres.connectionString('orders', { user: 'app', database: 'shop' })).toBe('postgresql://app:app-secret@127.0.0.1:5432/shop');
    const instances = await client.postgres.instances('orders');
    expect(instances.map((i) => [i.pod, i.zone, i.role, i.ready])).toEqual([
      ['postgres-orders-1', 'gland', 'primary', true],
      ['postgres-orders-2', 'lucerne', 'replica', true],
      ['postgres-orders-3', 'geneva', 'replica', true],
    ]);
    expect((await client.postgres.events('orders')).map((e) => e.reason)).toContain('Created');
  });

  it('patches, lists in pages and watches', async () => {
    const events: string[] = [];
    const abort = new AbortController();
    let listed: () => void = () => undefined;
    const initialListSeen = new Promise<void>((resolve) => {
      listed = resolve;
    });
    const watching = (async () => {
      for await (const event of client.postgres.watch({ name: 'orders', signal: abort.signal })) {
        events.push(event.type);
        listed();
        if (event.type === 'MODIFIED' && event.object.spec?.replicas === 2) abort.abort();
      }
    })().catch((err: unknown) => {
      if (!abort.signal.aborted) throw err;
    });
    // the watch lists first: patch only once that list is seen, so the change arrives as MODIFIED
    await initialListSeen;
    const patched = await client.postgres.patch('orders', { spec: { replicas: 2 } });
    expect(patched.metadata.generation).toBe(2);
    await watching;
    expect(events).toContain('MODIFIED');
    for (let i = 0; i < 3; i++) await client.postgres.create({ metadata: { name: `extra-${i}` }, spec: { replicas: 1 } });
    const all = await client.postgres.listAll({ limit: 2 });
    expect(all.map((p) => p.metadata.name)).toEqual(['extra-0', 'extra-1', 'extra-2', 'orders']);
  });

  it('refuses invalid input before any request reaches the server', async () => {
    const before = local.requestCount();
    await expect(client.postgres.create({ metadata: { name: 'bad' }, spec: { replicas: 2, users: { postgres: {} } } })).rejects.toThrow(/spec\.users/);
    expect(local.requestCount()).toBe(before);
  });

  it('deletes and waits until the object and what it owns are gone', async () => {
    expect(await client.postgres.delete('orders', { wait: true, waitTimeout: 20_000 })).toBe(true);
    await expect(client.postgres.get('orders')).rejects.toThrow(/not found/);
    // Background deletion collects dependents after the owner is gone, as on Kubernetes.
    let left = true;
    for (let i = 0; i < 100 && left; i++) {
      left = await client.postgres.credentials('orders').then(
        () => true,
        () => false,
      );
      if (left) await new Promise((r) => setTimeout(r, 20));
    }
    expect(left).toBe(false);
  });
});

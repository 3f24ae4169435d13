// The loop's owned-object writes against the in-process store: a reconcile that writes after its
// Postgres was deleted must not leave an orphan behind the collection that ran at the deletion.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObjectService } from '../store/object-service.js';
import { ObjectStore } from '../store/object-store.js';
import { POSTGRES, SERVICE } from '../store/resource-types.js';
import { ControllerLoop } from './controller-loop.js';
import { endpointService } from './published-objects.js';
import type { ReconcileContext, Reconciler } from './reconciler.js';

/** Keeps the context of its last reconcile, to write through it later. */
class RememberingReconciler implements Reconciler {
  readonly name = 'remembering';
  last: ReconcileContext | undefined;
  async start(): Promise<void> {}
  async reconcile(_object: unknown, ctx: ReconcileContext): Promise<{ requeueAfterMs?: number }> {
    this.last = ctx;
    await ctx.applyOwned(endpointService('postgres-shop', 'rw', 5432));
    return {};
  }
  async finalize(): Promise<{ done: boolean }> {
    return { done: true };
  }
  async podDeleted(): Promise<void> {}
  async siteOperation(): Promise<void> {}
  async stop(): Promise<void> {}
}

let service: ObjectService;
let loop: ControllerLoop;
let reconciler: RememberingReconciler;

beforeEach(async () => {
  service = new ObjectService(await ObjectStore.open());
  reconciler = new RememberingReconciler();
  loop = new ControllerLoop(service, reconciler, { dataDir: '/nonexistent' });
  await loop.start();
});
afterEach(async () => {
  await loop.stop();
});

const services = (): string[] => service.list(SERVICE, { namespace: 'ns' }).items.map((s) => s.metadata.name);

describe('owned objects', () => {
  it('are collected with their Postgres, and one written after it is gone is removed at once', async () => {
    await service.create(POSTGRES, { apiVersion: 'apps.cozystack.io/v1alpha1', kind: 'Postgres', metadata: { name: 'shop', namespace: 'ns' }, spec: {} });
    await loop.idle();
    expect(services()).toEqual(['postgres-shop-rw']);
    const late = reconciler.last;
    await service.delete(POSTGRES, 'ns', 'shop');
    await loop.idle();
    expect(services()).toEqual([]);
    // A reconcile still running as the Postgres went away writes once more.
    await late?.applyOwned(endpointService('postgres-shop', 'ro', 5432));
    expect(services()).toEqual([]);
  });
});

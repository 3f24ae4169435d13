// The controller loop: watches the store, queues Postgres objects (one reconcile per object at a
// time, coalesced, with delayed requeues and error backoff), runs finalizers, tells the reconciler
// about deleted Pods and site operations, and shuts down cleanly. It decides when to call the
// reconciler; the reconciler decides what to do.

import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../store/errors.js';
import { POSTGRES_FINALIZER } from '../store/finalizers.js';
import { cloneJson, type KubeObject, type OwnerReference } from '../store/kube-object.js';
import { nowTimestamp, type ObjectService } from '../store/object-service.js';
import type { StoreEvent } from '../store/object-store.js';
import type { KeyPairPem } from '../tls/certificates.js';
import { EVENT, NAMESPACE, POD, POSTGRES, SCHEDULING_CLASS, apiVersionOf, findByKind, storageKey, type ResourceType } from '../store/resource-types.js';
import { chosenClassName, resolvePlacement } from './placement.js';
import type { OwnedKind, OwnedObject, PostgresStatus, ReconcileContext, Reconciler, ReconcilerHost, Site } from './reconciler.js';

const MAX_EVENTS_PER_OBJECT = 50;

export interface ControllerLoopOptions {
  dataDir: string;
  /** Passed on to the reconciler (ReconcilerHost.ca). */
  ca?: KeyPairPem;
  log?: (message: string) => void;
  /** Longest error backoff. */
  maxBackoffMs?: number;
}

interface QueueEntry {
  timer?: NodeJS.Timeout;
  dueAt?: number;
}

export class ControllerLoop {
  private readonly abort = new AbortController();
  private readonly queue = new Map<string, QueueEntry>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly lastTrigger = new Map<string, string>();
  private readonly ownDeletes = new Set<string>();
  /** podDeleted calls in flight (idle() and stop() wait for them). */
  private readonly notifications = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly service: ObjectService,
    private readonly reconciler: Reconciler,
    private readonly options: ControllerLoopOptions,
  ) {}

  get reconcilerName(): string {
    return this.reconciler.name;
  }

  async start(): Promise<void> {
    const host: ReconcilerHost = {
      dataDir: this.options.dataDir,
      signal: this.abort.signal,
      ca: this.options.ca,
      enqueue: (ns, name, afterMs) => this.enqueue(ns, name, afterMs),
      listPostgres: () => this.service.list(POSTGRES).items,
      log: (m) => this.log(m),
    };
    await this.reconciler.start(host);
    this.unsubscribe = this.service.store.watch(undefined, (ev) => this.onEvent(ev));
    for (const pg of this.service.list(POSTGRES).items) this.enqueue(pg.metadata.namespace ?? '', pg.metadata.name);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.abort.abort();
    for (const e of this.queue.values()) if (e.timer) clearTimeout(e.timer);
    this.queue.clear();
    await Promise.allSettled([...this.running.values(), ...this.notifications]);
    await this.reconciler.stop();
  }

  /** `hikube-local site down|up <site>`. */
  async siteOperation(operation: 'down' | 'up', site: Site): Promise<void> {
    await this.reconciler.siteOperation(operation, site);
    for (const pg of this.service.list(POSTGRES).items) this.enqueue(pg.metadata.namespace ?? '', pg.metadata.name);
  }

  /** Resolves once no reconcile is queued or running (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.notifications.size > 0 || [...this.queue.values()].some((e) => e.dueAt !== undefined && e.dueAt <= Date.now() + 5)) {
      await Promise.allSettled([...this.running.values(), ...this.notifications]);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  enqueue(namespace: string, name: string, afterMs = 0): void {
    if (this.stopped) return;
    const key = `${namespace}/${name}`;
    if (this.running.has(key) && afterMs === 0) {
      this.dirty.add(key);
      return;
    }
    const due = Date.now() + afterMs;
    const existing = this.queue.get(key);
    if (existing?.dueAt !== undefined && existing.dueAt <= due) return;
    if (existing?.timer) clearTimeout(existing.timer);
    const entry: QueueEntry = { dueAt: due };
    entry.timer = setTimeout(() => {
      this.queue.delete(key);
      this.run(key, namespace, name);
    }, afterMs);
    this.queue.set(key, entry);
  }

  private log(message: string): void {
    this.options.log?.(`[controller ${this.reconciler.name}] ${message}`);
  }

  private onEvent(ev: StoreEvent): void {
    const obj = ev.object;
    if (ev.resource === storageKey(POSTGRES)) {
      const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
      if (ev.type === 'DELETED') {
        this.lastTrigger.delete(key);
        return;
      }
      // Status-only writes (ours) do not retrigger; spec, deletion and finalizer changes do.
      const trigger = JSON.stringify([
        obj.metadata.generation,
        obj.metadata.deletionTimestamp,
        obj.metadata.finalizers,
        obj.metadata.labels,
        obj.metadata.annotations,
      ]);
      if (this.lastTrigger.get(key) === trigger) return;
      this.lastTrigger.set(key, trigger);
      this.enqueue(obj.metadata.namespace ?? '', obj.metadata.name);
      return;
    }
    if (ev.resource === storageKey(POD) && ev.type === 'DELETED') {
      const podKey = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
      if (this.ownDeletes.delete(podKey)) return;
      const ref = obj.metadata.ownerReferences?.find((r) => r.kind === 'Postgres');
      if (!ref) return;
      const owner = this.service.find(POSTGRES, obj.metadata.namespace ?? '', ref.name);
      if (!owner || owner.metadata.uid !== ref.uid || owner.metadata.deletionTimestamp) return;
      const work = this.reconciler
        .podDeleted(owner, obj, this.context(owner))
        .catch((err: unknown) => this.log(`podDeleted ${podKey}: ${(err as Error).message}`))
        .then(() => this.enqueue(obj.metadata.namespace ?? '', ref.name))
        .finally(() => this.notifications.delete(work));
      this.notifications.add(work);
    }
  }

  private run(key: string, namespace: string, name: string): void {
    const work = this.reconcileOnce(namespace, name)
      .then((requeue) => {
        this.failures.delete(key);
        if (requeue !== undefined) this.enqueue(namespace, name, requeue);
      })
      .catch((err: unknown) => {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        const delay = Math.min(this.options.maxBackoffMs ?? 30_000, 100 * 2 ** n);
        this.log(`reconcile ${key} failed (attempt ${n}, retry in ${delay} ms): ${(err as Error).message}`);
        this.enqueue(namespace, name, delay);
      })
      .finally(() => {
        this.running.delete(key);
        if (this.dirty.delete(key)) this.enqueue(namespace, name);
      });
    this.running.set(key, work);
  }

  private async reconcileOnce(namespace: string, name: string): Promise<number | undefined> {
    if (this.stopped) return undefined;
    const obj = this.service.find(POSTGRES, namespace, name);
    if (!obj) return undefined;
    const ctx = this.context(obj);
    if (obj.metadata.deletionTimestamp) {
      if (!obj.metadata.finalizers?.includes(POSTGRES_FINALIZER)) return undefined;
      const result = await this.reconciler.finalize(obj, ctx);
      if (!result.done) return result.requeueAfterMs ?? 1000;
      const fresh = this.service.find(POSTGRES, namespace, name);
      if (!fresh) return undefined;
      fresh.metadata.finalizers = (fresh.metadata.finalizers ?? []).filter((f) => f !== POSTGRES_FINALIZER);
      await this.service.update(POSTGRES, fresh, { expectedRv: fresh.metadata.resourceVersion as string });
      return undefined;
    }
    const result = await this.reconciler.reconcile(obj, ctx);
    return result.requeueAfterMs;
  }

  private context(owner: KubeObject): ReconcileContext {
    const namespace = owner.metadata.namespace ?? '';
    const name = owner.metadata.name;
    const ownerReference: OwnerReference = {
      apiVersion: owner.apiVersion,
      kind: owner.kind,
      name,
      uid: owner.metadata.uid as string,
      controller: true,
      blockOwnerDeletion: true,
    };
    const service = this.service;
    const typeOf = (kind: OwnedKind) => {
      const t = findByKind(kind);
      if (!t) throw new Error(`unknown owned kind ${kind}`);
      return t;
    };
    const isOwned = (o: KubeObject): boolean => o.metadata.ownerReferences?.some((r) => r.uid === ownerReference.uid) ?? false;
    const ownerExists = (): boolean => service.find(POSTGRES, namespace, name)?.metadata.uid === ownerReference.uid;
    const applyOwnedObject = async (type: ResourceType, object: OwnedObject): Promise<KubeObject> => {
      const desired = cloneJson(object) as unknown as KubeObject;
      desired.apiVersion = apiVersionOf(type);
      desired.metadata = {
        ...desired.metadata,
        namespace,
        labels: { ...(object.metadata.labels ?? {}), 'app.kubernetes.io/instance': `postgres-${name}`, 'app.kubernetes.io/managed-by': 'hikube-local' },
        ownerReferences: [ownerReference],
      };
      const existing = service.find(type, namespace, object.metadata.name);
      if (!existing) return service.create(type, desired);
      const next: KubeObject = { ...desired, metadata: { ...existing.metadata, labels: desired.metadata.labels ?? {}, ownerReferences: [ownerReference] } };
      if (object.metadata.annotations) next.metadata.annotations = { ...(existing.metadata.annotations ?? {}), ...object.metadata.annotations };
      const written = await service.update(type, next, {});
      if (type.hasStatus && desired['status'] !== undefined) {
        const withStatus = { ...written.object, status: desired['status'] };
        return (await service.update(type, withStatus, { subresource: 'status' })).object;
      }
      return written.object;
    };
    return {
      signal: this.abort.signal,
      ownerReference,
      placement: () => {
        const current = service.find(POSTGRES, namespace, name) ?? owner;
        const spec = (current['spec'] ?? {}) as { schedulingClass?: string; replicas?: number };
        const chosen = chosenClassName(spec.schedulingClass, service.find(NAMESPACE, '', namespace)?.metadata.labels);
        const found = chosen.name === undefined ? undefined : service.find(SCHEDULING_CLASS, '', chosen.name);
        if (found === undefined && chosen.explicit) return undefined;
        return resolvePlacement(found === undefined ? undefined : chosen.name, found, name, spec.replicas ?? 2);
      },
      get: () => service.find(POSTGRES, namespace, name),
      writeStatus: async (status: PostgresStatus) => {
        const current = service.find(POSTGRES, namespace, name);
        if (!current || current.metadata.uid !== ownerReference.uid) return;
        current['status'] = cloneJson(status);
        await service.update(POSTGRES, current, { subresource: 'status' }).catch(ignoreNotFound);
      },
      applyOwned: async (object: OwnedObject) => {
        const type = typeOf(object.kind);
        const written = await applyOwnedObject(type, object);
        // The owner went away while this was written (a reconcile that ran on as the Postgres was
        // deleted): Kubernetes's garbage collector removes a dependent whose owner is gone, and so
        // does this, or it would outlive the collection that ran at the owner's removal.
        if (!ownerExists()) await service.delete(type, namespace, object.metadata.name).catch(ignoreNotFound);
        return written;
      },
      deleteOwned: async (kind: OwnedKind, objName: string) => {
        const type = typeOf(kind);
        const existing = service.find(type, namespace, objName);
        if (!existing || !isOwned(existing)) return;
        if (kind === 'Pod') this.ownDeletes.add(`${namespace}/${objName}`);
        await service.delete(type, namespace, objName).catch(ignoreNotFound);
      },
      listOwned: (kind: OwnedKind) => service.list(typeOf(kind), { namespace, filter: isOwned }).items,
      event: async (type, reason, message) => {
        const now = nowTimestamp();
        // Like Kubernetes' event correlator: a repeat bumps count and lastTimestamp, and only the
        // newest MAX_EVENTS_PER_OBJECT are kept, so a long-lived server does not grow without bound.
        const mine = service.list(EVENT, { namespace, filter: isOwned }).items;
        const same = mine.find((e) => e['type'] === type && e['reason'] === reason && e['message'] === message);
        if (same) {
          same['count'] = Number(same['count'] ?? 1) + 1;
          same['lastTimestamp'] = now;
          await service.update(EVENT, same).catch(ignoreNotFound);
          return;
        }
        const byAge = mine.sort((a, b) => String(a['lastTimestamp']).localeCompare(String(b['lastTimestamp'])));
        for (const old of byAge.slice(0, Math.max(0, byAge.length - MAX_EVENTS_PER_OBJECT + 1))) {
          await service.delete(EVENT, namespace, old.metadata.name).catch(ignoreNotFound);
        }
        await service.create(EVENT, {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: `${name}.${randomBytes(8).toString('hex')}`, namespace, ownerReferences: [ownerReference] },
          involvedObject: { apiVersion: owner.apiVersion, kind: owner.kind, name, namespace, uid: ownerReference.uid },
          type,
          reason,
          message,
          count: 1,
          firstTimestamp: now,
          lastTimestamp: now,
          source: { component: 'hikube-local' },
          reportingComponent: 'hikube-local',
        });
      },
    };
  }
}

function ignoreNotFound(err: unknown): void {
  if (!(err instanceof NotFoundError)) throw err;
}

// Versioned objects: one global resourceVersion counter (persisted, so it keeps increasing across
// restarts), optimistic concurrency, ordered per-resource indexes for paged lists that cost
// O(log n + page) whatever the total, a bounded event history for watch resume, and fan-out.

import { DurableLog, type LoadedState } from './durable-log.js';
import { AlreadyExistsError, ConflictError, GoneError, NotFoundError } from './errors.js';
import { cloneJson, type KubeObject } from './kube-object.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: string;
  rv: number;
  object: KubeObject;
  /** For MODIFIED: the state before, so filtered watchers can turn it into ADDED or DELETED. */
  previous?: KubeObject;
}

export interface ListOptions {
  /** Only this namespace ('' for cluster-scoped objects); undefined = all. */
  namespace?: string;
  limit?: number;
  /** Opaque token from a previous page. */
  continueAfter?: string;
  filter?: (obj: KubeObject) => boolean;
  /**
   * Return the stored objects themselves instead of copies: for callers that only serialize them
   * (API responses) and must never mutate them.
   */
  shared?: boolean;
}

export interface ListResult {
  items: KubeObject[];
  rv: number;
  /** Set when more items follow: the index key of the last item returned. */
  continueAfter?: string;
}

export interface StoreOptions {
  /** Directory for the durable log; undefined keeps everything in memory. */
  dir?: string;
  /** Number of events kept for watch resume. */
  historySize?: number;
}

type Listener = (event: StoreEvent) => void;

export class ObjectStore {
  private rv = 0;
  private readonly objects = new Map<string, KubeObject>();
  private readonly index = new Map<string, string[]>();
  /** owner uid -> keys of objects naming it in ownerReferences (garbage collection without a scan). */
  private readonly owners = new Map<string, Set<string>>();
  private history: StoreEvent[] = [];
  private historyStart = 0;
  private readonly historySize: number;
  private readonly listeners = new Set<Listener>();
  private log: DurableLog | undefined;

  private constructor(historySize: number) {
    this.historySize = historySize;
  }

  static async open(options: StoreOptions = {}): Promise<ObjectStore> {
    const store = new ObjectStore(options.historySize ?? 10_000);
    if (options.dir !== undefined) {
      const { log, state } = await DurableLog.open(options.dir, () => store.snapshot());
      store.log = log;
      store.rv = state.rv;
      for (const [key, obj] of state.objects) {
        store.objects.set(key, obj);
        store.indexOwners(key, undefined, obj);
        const [resource, indexKey] = splitKey(key);
        let keys = store.index.get(resource);
        if (!keys) store.index.set(resource, (keys = []));
        keys.push(indexKey);
      }
      for (const keys of store.index.values()) keys.sort();
    }
    store.historyStart = store.rv;
    return store;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    const obj = this.objects.get(objectKey(resource, namespace, name));
    return obj && cloneJson(obj);
  }

  list(resource: string, options: ListOptions = {}): ListResult {
    const keys = this.index.get(resource) ?? [];
    const prefix = options.namespace === undefined ? '' : options.namespace + '/';
    let i = prefix ? lowerBound(keys, prefix) : 0;
    if (options.continueAfter !== undefined) i = Math.max(i, upperBound(keys, options.continueAfter));
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: KubeObject[] = [];
    let last: string | undefined;
    for (; i < keys.length; i++) {
      const k = keys[i] as string;
      if (prefix && !k.startsWith(prefix)) break;
      const obj = this.objects.get(resource + '|' + k) as KubeObject;
      if (options.filter && !options.filter(obj)) continue;
      if (items.length >= limit) {
        return { items, rv: this.rv, continueAfter: last as string };
      }
      items.push(options.shared ? obj : cloneJson(obj));
      last = k;
    }
    return { items, rv: this.rv };
  }

  /** Stores a new object; the caller has filled metadata except resourceVersion. */
  async create(resource: string, obj: KubeObject): Promise<KubeObject> {
    const ns = obj.metadata.namespace ?? '';
    const key = objectKey(resource, ns, obj.metadata.name);
    if (this.objects.has(key)) throw new AlreadyExistsError(`${resource} "${obj.metadata.name}" already exists`);
    return this.write('ADDED', resource, key, obj);
  }

  /** Replaces an object; `expectedRv` (when given) must equal the stored resourceVersion. */
  async update(resource: string, obj: KubeObject, expectedRv?: string): Promise<KubeObject> {
    const ns = obj.metadata.namespace ?? '';
    const key = objectKey(resource, ns, obj.metadata.name);
    const current = this.objects.get(key);
    if (!current) throw new NotFoundError(`${resource} "${obj.metadata.name}" not found`);
    if (expectedRv !== undefined && expectedRv !== current.metadata.resourceVersion) throw conflict(resource, obj.metadata.name);
    return this.write('MODIFIED', resource, key, obj);
  }

  async delete(resource: string, namespace: string, name: string, expectedRv?: string): Promise<KubeObject> {
    const key = objectKey(resource, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw new NotFoundError(`${resource} "${name}" not found`);
    if (expectedRv !== undefined && expectedRv !== current.metadata.resourceVersion) throw conflict(resource, name);
    return this.write('DELETED', resource, key, current);
  }

  /**
   * Subscribes to changes. With `fromRv`, first replays kept events newer than it; throws GoneError
   * when that history is no longer kept.
   */
  watch(fromRv: number | undefined, listener: Listener): () => void {
    if (fromRv !== undefined && fromRv < this.historyStart) {
      throw new GoneError(`too old resource version: ${fromRv} (${this.historyStart})`);
    }
    if (fromRv !== undefined) {
      for (const ev of this.history) if (ev.rv > fromRv) listener(ev);
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every stored object of a resource (for controllers); copies. */
  all(resource: string): KubeObject[] {
    return this.list(resource).items;
  }

  /** Objects of any resource whose ownerReferences name `uid`. */
  ownedBy(uid: string): { resource: string; object: KubeObject }[] {
    const out: { resource: string; object: KubeObject }[] = [];
    for (const key of this.owners.get(uid) ?? []) {
      const obj = this.objects.get(key);
      if (obj) out.push({ resource: splitKey(key)[0], object: cloneJson(obj) });
    }
    return out;
  }

  private indexOwners(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    for (const r of before?.metadata.ownerReferences ?? []) {
      const set = this.owners.get(r.uid);
      set?.delete(key);
      if (set?.size === 0) this.owners.delete(r.uid);
    }
    for (const r of after?.metadata.ownerReferences ?? []) {
      let set = this.owners.get(r.uid);
      if (!set) this.owners.set(r.uid, (set = new Set()));
      set.add(key);
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.log?.close();
    this.log = undefined;
  }

  private async write(type: WatchEventType, resource: string, key: string, obj: KubeObject): Promise<KubeObject> {
    const rv = ++this.rv;
    const stored = cloneJson(obj);
    stored.metadata.resourceVersion = String(rv);
    const indexKey = splitKey(key)[1];
    const before = this.objects.get(key);
    const previous = type === 'MODIFIED' ? before : undefined;
    this.indexOwners(key, before, type === 'DELETED' ? undefined : stored);
    let keys = this.index.get(resource);
    if (!keys) this.index.set(resource, (keys = []));
    if (type === 'DELETED') {
      this.objects.delete(key);
      const at = lowerBound(keys, indexKey);
      if (keys[at] === indexKey) keys.splice(at, 1);
    } else {
      if (type === 'ADDED') keys.splice(lowerBound(keys, indexKey), 0, indexKey);
      this.objects.set(key, stored);
    }
    const event: StoreEvent = { type, resource, rv, object: stored, ...(previous ? { previous } : {}) };
    this.history.push(event);
    if (this.history.length > this.historySize * 2) {
      const dropped = this.history.length - this.historySize;
      this.historyStart = (this.history[dropped - 1] as StoreEvent).rv;
      this.history = this.history.slice(dropped);
    }
    for (const l of this.listeners) {
      // One broken watcher must never fail a write that is already applied.
      try {
        l(event);
      } catch {
        this.listeners.delete(l);
      }
    }
    if (this.log) {
      await this.log.append(type === 'DELETED' ? { rv, op: 'del', key } : { rv, op: 'put', key, obj: stored });
    }
    return cloneJson(stored);
  }

  private snapshot(): LoadedState {
    return { rv: this.rv, objects: this.objects };
  }
}

function conflict(resource: string, name: string): ConflictError {
  return new ConflictError(
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

function objectKey(resource: string, namespace: string, name: string): string {
  return `${resource}|${namespace}/${name}`;
}

function splitKey(key: string): [string, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}

function lowerBound(keys: string[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(keys: string[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

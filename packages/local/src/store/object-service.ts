// Kubernetes object semantics on top of the versioned store: system metadata (uid, timestamps,
// generation), status subresource rules, no-op writes that keep the resourceVersion, deletion with
// finalizers and propagation policies, and garbage collection of owned objects. Both the HTTP API
// and the controllers write through here, so the rules hold whoever writes.

import { randomUUID } from 'node:crypto';
import { NotFoundError } from './errors.js';
import { jsonEqual } from './json-equal.js';
import { cloneJson, type KubeObject } from './kube-object.js';
import type { ListOptions, ListResult, ObjectStore } from './object-store.js';
import { findByKind, storageKey, type ResourceType } from './resource-types.js';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface WriteOptions {
  dryRun?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  /** The resourceVersion the caller read; a different stored one is a 409 Conflict. */
  expectedRv?: string;
  /** 'status': only status (and managedFields) change; otherwise a stored status is kept. */
  subresource?: 'status';
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy;
  expectedRv?: string;
}

export interface UpdateResult {
  object: KubeObject;
  changed: boolean;
}

export function nowTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class ObjectService {
  constructor(
    readonly store: ObjectStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get(type: ResourceType, namespace: string, name: string): KubeObject {
    const obj = this.store.get(storageKey(type), type.namespaced ? namespace : '', name);
    if (!obj) throw notFound(type, name);
    return obj;
  }

  find(type: ResourceType, namespace: string, name: string): KubeObject | undefined {
    return this.store.get(storageKey(type), type.namespaced ? namespace : '', name);
  }

  list(type: ResourceType, options: ListOptions = {}): ListResult {
    return this.store.list(storageKey(type), options);
  }

  async create(type: ResourceType, input: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const obj = cloneJson(input);
    const meta = obj.metadata;
    if (!type.namespaced) delete meta.namespace;
    meta.uid = randomUUID();
    meta.creationTimestamp = nowTimestamp(this.clock());
    meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (options.dryRun) {
      if (this.find(type, meta.namespace ?? '', meta.name)) await this.store.create(storageKey(type), obj); // raises AlreadyExists
      return { ...obj, metadata: { ...meta, resourceVersion: String(this.store.resourceVersion) } };
    }
    return this.store.create(storageKey(type), obj);
  }

  async update(type: ResourceType, input: KubeObject, options: UpdateOptions = {}): Promise<UpdateResult> {
    const namespace = type.namespaced ? (input.metadata.namespace ?? '') : '';
    const current = this.get(type, namespace, input.metadata.name);
    if (options.expectedRv !== undefined && options.expectedRv !== current.metadata.resourceVersion) {
      // Let the store word the conflict the Kubernetes way.
      await this.store.update(storageKey(type), current, options.expectedRv);
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = cloneJson(current);
      if (input['status'] === undefined) delete next['status'];
      else next['status'] = cloneJson(input['status']);
      if (input.metadata.managedFields) next.metadata.managedFields = cloneJson(input.metadata.managedFields);
    } else {
      next = cloneJson(input);
      if (type.hasStatus) {
        if (current['status'] === undefined) delete next['status'];
        else next['status'] = cloneJson(current['status']);
      }
      const m = next.metadata;
      const c = current.metadata;
      for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'namespace'] as const) {
        if (c[k] === undefined) delete m[k];
        else (m as Record<string, unknown>)[k] = c[k];
      }
      m.generation = c.generation ?? 1;
      if (!jsonEqual(specOf(next), specOf(current))) m.generation += 1;
      if (m.finalizers?.length === 0) delete m.finalizers;
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion as string;
    if (jsonEqual(withoutTimes(next), withoutTimes(current))) return { object: current, changed: false };
    if (options.dryRun) return { object: next, changed: true };
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) {
      return { object: await this.remove(type, next, 'Background'), changed: true };
    }
    return { object: await this.store.update(storageKey(type), next, current.metadata.resourceVersion), changed: true };
  }

  /** Deletes, or marks for deletion while finalizers remain. Returns the last state. */
  async delete(type: ResourceType, namespace: string, name: string, options: DeleteOptions = {}): Promise<KubeObject> {
    const current = this.get(type, namespace, name);
    if (options.expectedRv !== undefined && options.expectedRv !== current.metadata.resourceVersion) {
      await this.store.update(storageKey(type), current, options.expectedRv);
    }
    if (options.dryRun) return current;
    if (current.metadata.finalizers?.length) {
      if (current.metadata.deletionTimestamp) return current;
      const marked = cloneJson(current);
      marked.metadata.deletionTimestamp = nowTimestamp(this.clock());
      marked.metadata.deletionGracePeriodSeconds = 0;
      return this.store.update(storageKey(type), marked, current.metadata.resourceVersion);
    }
    return this.remove(type, current, options.propagationPolicy ?? 'Background');
  }

  private async remove(type: ResourceType, obj: KubeObject, policy: PropagationPolicy): Promise<KubeObject> {
    const uid = obj.metadata.uid as string;
    const dependents = this.store.ownedBy(uid);
    if (policy === 'Foreground') await this.collect(dependents);
    const gone = await this.store.delete(storageKey(type), obj.metadata.namespace ?? '', obj.metadata.name);
    if (policy === 'Orphan') {
      for (const { resource, object } of dependents) {
        object.metadata.ownerReferences = object.metadata.ownerReferences?.filter((r) => r.uid !== uid) ?? [];
        if (object.metadata.ownerReferences.length === 0) delete object.metadata.ownerReferences;
        await this.store.update(resource, object).catch(ignoreNotFound);
      }
    } else if (policy === 'Background') {
      await this.collect(dependents);
    }
    return gone;
  }

  private async collect(dependents: { resource: string; object: KubeObject }[]): Promise<void> {
    for (const { object } of dependents) {
      const type = findByKind(object.kind);
      if (!type) continue;
      await this.delete(type, object.metadata.namespace ?? '', object.metadata.name).catch(ignoreNotFound);
    }
  }
}

function ignoreNotFound(err: unknown): void {
  if (!(err instanceof NotFoundError)) throw err;
}

function notFound(type: ResourceType, name: string): NotFoundError {
  return new NotFoundError(`${storageKey(type)} "${name}" not found`);
}

/** Everything but metadata and status: what bumps `generation` when it changes. */
function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

function withoutTimes(obj: KubeObject): unknown {
  const copy = cloneJson(obj);
  for (const e of copy.metadata.managedFields ?? []) delete e.time;
  return copy;
}

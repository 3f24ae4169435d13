// Field ownership for server-side apply, kept in `metadata.managedFields` (FieldsV1). Simplified
// against the real apiserver in documented ways: lists are atomic (owned as a whole), and only
// labels, annotations and everything outside metadata/status are tracked.

import { cloneJson, type KubeObject, type ManagedFieldsEntry } from '../store/kube-object.js';
import { jsonEqual } from '../store/json-equal.js';

type Path = string[];

const key = (p: Path): string => JSON.stringify(p);
const unkey = (k: string): Path => JSON.parse(k) as Path;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaf paths of the fields we track. Empty maps count as leaves so `{}` values are owned. */
export function trackedPaths(obj: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, p: Path): void => {
    if (isMap(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) walk(child, [...p, k]);
    } else {
      out.add(key(p));
    }
  };
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
    if (k === 'metadata') {
      if (!isMap(v)) continue;
      for (const mk of ['labels', 'annotations']) {
        const m = v[mk];
        if (isMap(m)) for (const [lk, lv] of Object.entries(m)) walk(lv, ['metadata', mk, lk]);
      }
      continue;
    }
    walk(v, [k]);
  }
  return out;
}

function valueAt(obj: unknown, p: Path): unknown {
  let node = obj;
  for (const s of p) {
    if (!isMap(node)) return undefined;
    node = node[s];
  }
  return node;
}

function deleteAt(obj: Record<string, unknown>, p: Path): void {
  const parents: Record<string, unknown>[] = [];
  let node: unknown = obj;
  for (const s of p.slice(0, -1)) {
    if (!isMap(node)) return;
    parents.push(node);
    node = node[s];
  }
  if (!isMap(node)) return;
  delete node[p[p.length - 1] as string];
  // Drop maps the removal left empty (but never metadata itself).
  for (let i = p.length - 2; i >= 1; i--) {
    const parent = parents[i] as Record<string, unknown>;
    const child = parent[p[i] as string];
    if (isMap(child) && Object.keys(child).length === 0) delete parent[p[i] as string];
    else break;
  }
}

export function encodeFields(paths: Set<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const k of [...paths].sort()) {
    let node = root;
    for (const s of unkey(k)) {
      const f = 'f:' + s;
      node[f] ??= {};
      node = node[f] as Record<string, unknown>;
    }
  }
  return root;
}

export function decodeFields(fields: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, p: Path): void => {
    const entries = isMap(node) ? Object.entries(node).filter(([k]) => k.startsWith('f:')) : [];
    if (entries.length === 0) {
      if (p.length > 0) out.add(key(p));
      return;
    }
    for (const [k, child] of entries) walk(child, [...p, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

function entryPaths(e: ManagedFieldsEntry): Set<string> {
  return decodeFields(e.fieldsV1 ?? {});
}

function setEntry(
  entries: ManagedFieldsEntry[],
  manager: string,
  operation: 'Apply' | 'Update',
  apiVersion: string,
  paths: Set<string>,
  time: string,
): ManagedFieldsEntry[] {
  const rest = entries.filter((e) => !(e.manager === manager && e.operation === operation && e.subresource === undefined));
  if (paths.size === 0) return rest;
  return [...rest, { manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: encodeFields(paths) }];
}

function withoutPaths(entries: ManagedFieldsEntry[], paths: Set<string>, except?: ManagedFieldsEntry): ManagedFieldsEntry[] {
  const out: ManagedFieldsEntry[] = [];
  for (const e of entries) {
    if (e === except || e.subresource !== undefined) {
      out.push(e);
      continue;
    }
    const own = entryPaths(e);
    let changed = false;
    for (const p of paths) if (own.delete(p)) changed = true;
    if (!changed) out.push(e);
    else if (own.size > 0) out.push({ ...e, fieldsV1: encodeFields(own) });
  }
  return out;
}

/** Records an Update by `manager` that turned `before` (undefined on create) into `after`. */
export function recordUpdate(before: KubeObject | undefined, after: KubeObject, manager: string, time: string): void {
  const entries = cloneJson(before?.metadata.managedFields ?? after.metadata.managedFields ?? []);
  const afterPaths = trackedPaths(after);
  const changed = new Set<string>();
  if (before) {
    const beforePaths = trackedPaths(before);
    for (const p of new Set([...afterPaths, ...beforePaths])) {
      if (!jsonEqual(valueAt(before, unkey(p)), valueAt(after, unkey(p)))) changed.add(p);
    }
  } else {
    for (const p of afterPaths) changed.add(p);
  }
  if (changed.size === 0) {
    if (entries.length) after.metadata.managedFields = entries;
    return;
  }
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Update' && e.subresource === undefined);
  const owned = mine ? entryPaths(mine) : new Set<string>();
  for (const p of changed) {
    if (afterPaths.has(p)) owned.add(p);
    else owned.delete(p);
  }
  let next = withoutPaths(entries, changed, mine);
  next = setEntry(next, manager, 'Update', after.apiVersion, owned, time);
  if (next.length) after.metadata.managedFields = next;
  else delete after.metadata.managedFields;
}

const CLIENT_SIDE_APPLY = 'kubectl-client-side-apply';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function lastAppliedPaths(live: KubeObject): Set<string> {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return new Set();
  try {
    const parsed = JSON.parse(text) as unknown;
    return isMap(parsed) ? trackedPaths(parsed) : new Set();
  } catch {
    return new Set();
  }
}

export interface ApplyConflict {
  manager: string;
  field: string;
}

export interface ApplyOutcome {
  object: KubeObject;
  conflicts: ApplyConflict[];
}

/** Server-side apply of `config` by `manager` onto `live` (undefined = create). */
export function applyConfig(live: KubeObject | undefined, config: KubeObject, manager: string, force: boolean, time: string): ApplyOutcome {
  const base: KubeObject = live ? cloneJson(live) : { apiVersion: config.apiVersion, kind: config.kind, metadata: { name: config.metadata.name } };
  if (!live && config.metadata.namespace !== undefined) base.metadata.namespace = config.metadata.namespace;
  let entries = cloneJson(base.metadata.managedFields ?? []);
  const cfgPaths = trackedPaths(config);
  const conflicts: ApplyConflict[] = [];
  const takeOver = new Set<string>();
  const lastApplied = lastAppliedPaths(base);
  for (const e of entries) {
    if (e.manager === manager || e.subresource !== undefined) continue;
    // The documented client-side -> server-side apply upgrade: fields kubectl applied client-side
    // (they are in the last-applied annotation) pass to the server-side applier without conflict.
    const upgrade = e.manager === CLIENT_SIDE_APPLY && e.operation === 'Update';
    for (const p of entryPaths(e)) {
      if (!cfgPaths.has(p)) continue;
      const path = unkey(p);
      if (jsonEqual(valueAt(base, path), valueAt(config, path))) continue; // shared ownership
      if (force || (upgrade && lastApplied.has(p))) takeOver.add(p);
      else conflicts.push({ manager: e.manager, field: '.' + path.join('.') });
    }
  }
  if (conflicts.length) return { object: base, conflicts };
  entries = withoutPaths(entries, takeOver);
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Apply');
  const previously = mine ? entryPaths(mine) : new Set<string>();
  const ownedByOthers = new Set<string>();
  for (const e of entries) if (e !== mine) for (const p of entryPaths(e)) ownedByOthers.add(p);
  for (const p of previously) {
    if (!cfgPaths.has(p) && !ownedByOthers.has(p)) deleteAt(base, unkey(p));
  }
  mergeInto(base, config);
  base.metadata.managedFields = setEntry(entries, manager, 'Apply', config.apiVersion, cfgPaths, time);
  if (base.metadata.managedFields.length === 0) delete base.metadata.managedFields;
  return { object: base, conflicts };
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    if (k === 'status') continue;
    if (k === 'metadata' && isMap(v)) {
      const meta = target['metadata'] as Record<string, unknown>;
      for (const mk of ['labels', 'annotations']) {
        if (isMap(v[mk])) meta[mk] = { ...(isMap(meta[mk]) ? meta[mk] : {}), ...cloneJson(v[mk]) };
      }
      for (const mk of ['finalizers', 'ownerReferences']) if (v[mk] !== undefined) meta[mk] = cloneJson(v[mk]);
      continue;
    }
    const cur = target[k];
    if (isMap(v) && isMap(cur)) mergeInto(cur, v);
    else target[k] = cloneJson(v);
  }
}

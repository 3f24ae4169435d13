import { Dynamic, ExactNumber, Unknown, type CtyValue } from '../protocol/cty-value.js';
import type { AttributePath } from './diagnostics.js';
import type { AttributeDef, SchemaBody } from './schema.js';

export type Obj = Record<string, CtyValue>;

export function isObj(v: CtyValue | undefined): v is Obj {
  return (
    v !== null &&
    v !== undefined &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !(v instanceof Unknown) &&
    !(v instanceof ExactNumber) &&
    !(v instanceof Dynamic)
  );
}

export function clone<T extends CtyValue>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}

/** An object of the body's implied type with nothing set: null attributes, empty block collections. */
export function emptyObject(body: SchemaBody): Obj {
  const out: Obj = {};
  for (const name of Object.keys(body.attributes)) out[name] = null;
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    out[name] = b.nesting === 'single' ? null : b.nesting === 'group' ? emptyObject(b.body) : b.nesting === 'map' ? {} : [];
  }
  return out;
}

/** Calls fn for each element of a nested attribute or block value with its path step. */
export function forEachElement(nesting: string, value: CtyValue, fn: (element: CtyValue, step: string | number | { key: string } | undefined) => void): void {
  if (value === null || value instanceof Unknown) return;
  if (nesting === 'single' || nesting === 'group') fn(value, undefined);
  else if (nesting === 'map' && isObj(value)) for (const [k, v] of Object.entries(value)) fn(v, { key: k });
  else if (Array.isArray(value)) value.forEach((v, i) => fn(v, nesting === 'set' ? undefined : i));
}

function nestedBody(a: AttributeDef): SchemaBody | undefined {
  return a.nested ? { attributes: a.nested.attributes } : undefined;
}

/** Whether any attribute of the body, at any depth (nested attributes, blocks), passes the test. */
export function someAttribute(body: SchemaBody, test: (a: AttributeDef) => boolean): boolean {
  return (
    Object.values(body.attributes).some((a) => test(a) || (a.nested !== undefined && someAttribute({ attributes: a.nested.attributes }, test))) ||
    Object.values(body.blocks ?? {}).some((b) => someAttribute(b.body, test))
  );
}

/** Sets write-only attributes to null everywhere (plans and states must never hold them). */
export function nullWriteOnly(body: SchemaBody, value: CtyValue): void {
  if (!isObj(value)) return;
  for (const [name, a] of Object.entries(body.attributes)) {
    if (a.writeOnly) value[name] = null;
    const inner = nestedBody(a);
    if (inner && a.nested) forEachElement(a.nested.nesting, value[name] ?? null, (el) => nullWriteOnly(inner, el));
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) forEachElement(b.nesting, value[name] ?? null, (el) => nullWriteOnly(b.body, el));
}

/** Path of the first unknown value, or undefined when wholly known. */
export function firstUnknown(value: CtyValue, path: AttributePath = []): AttributePath | undefined {
  if (value instanceof Unknown) return path;
  if (value instanceof Dynamic) return firstUnknown(value.value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = firstUnknown(value[i] as CtyValue, [...path, i]);
      if (p) return p;
    }
  } else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = firstUnknown(v, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

/** Null block collections become empty ones (Terraform never accepts null for list/set/map/group blocks). */
export function fillBlocks(body: SchemaBody, value: CtyValue): void {
  if (!isObj(value)) return;
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    if (value[name] === null || value[name] === undefined) {
      if (b.nesting === 'group') value[name] = emptyObject(b.body);
      else if (b.nesting === 'list' || b.nesting === 'set') value[name] = [];
      else if (b.nesting === 'map') value[name] = {};
      else value[name] = null;
    }
    forEachElement(b.nesting, value[name] ?? null, (el) => fillBlocks(b.body, el));
  }
}

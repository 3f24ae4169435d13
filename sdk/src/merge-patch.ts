// RFC 7386 JSON merge patch, the one implementation every package applies (the SDK's test server,
// Hikube Local's API, the provider's in-memory cluster API). Patches come from tenants, so:
// - a key `__proto__` (JSON.parse makes it an own key) stays an own key, never a prototype change;
// - neither input is changed, and the result shares no object with them;
// - no recursion: an explicit work list, so nesting depth cannot overflow the stack.

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `record`: never an inherited one (`__proto__`, `constructor`). */
function ownValue(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `key` as an own data property: plain assignment of `__proto__` would set the prototype. */
function setOwn(record: JsonRecord, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One object of the result still to fill: from `target`'s members, then `patch`'s (`patch` absent: a plain copy). */
interface Pending {
  into: JsonRecord | unknown[];
  target: unknown;
  patch: JsonRecord | undefined;
}

/**
 * The result's value for `value` (with `patch` merged in, when given): an empty object or array,
 * queued in `work` to be filled, or `value` itself when it is a scalar.
 */
function resultFor(value: unknown, patch: JsonRecord | undefined, work: Pending[]): unknown {
  if (patch !== undefined) {
    const into: JsonRecord = {};
    work.push({ into, target: value, patch });
    return into;
  }
  if (typeof value !== 'object' || value === null) return value;
  const into: JsonRecord | unknown[] = Array.isArray(value) ? [] : {};
  work.push({ into, target: value, patch: undefined });
  return into;
}

/** `change` applied to `value`: merged into it when `change` is an object, else `change` replaces it. */
function applied(value: unknown, change: unknown, work: Pending[]): unknown {
  return isRecord(change) ? resultFor(value, change, work) : resultFor(change, undefined, work);
}

function fill({ into, target, patch }: Pending, work: Pending[]): void {
  if (Array.isArray(into)) {
    for (const item of target as unknown[]) into.push(resultFor(item, undefined, work));
    return;
  }
  const base = isRecord(target) ? target : {};
  // Members of the target first, in their order: patched, removed (null) or copied.
  for (const key of Object.keys(base)) {
    const change = patch === undefined ? undefined : ownValue(patch, key);
    if (change === undefined) setOwn(into, key, resultFor(base[key], undefined, work));
    else if (change !== null) setOwn(into, key, applied(base[key], change, work));
  }
  // Then the members only the patch has (a nested patch applies to an empty object, dropping its nulls).
  for (const [key, change] of Object.entries(patch ?? {})) {
    // `undefined` is no JSON value: absent, as in the loop above.
    if (Object.hasOwn(base, key) || change === null || change === undefined) continue;
    setOwn(into, key, applied(undefined, change, work));
  }
}

/**
 * Applies an RFC 7386 merge patch: an object patch merges member by member (`null` removes a
 * member), anything else replaces the target whole. Returns a new value; the inputs are untouched.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  const work: Pending[] = [];
  const result = applied(target, patch, work);
  for (let next = work.pop(); next !== undefined; next = work.pop()) fill(next, work);
  return result;
}

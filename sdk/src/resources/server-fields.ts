// Fields a platform returns that this SDK's document does not know (a newer Cozystack adds spec
// fields, or fills defaults we do not model). Reads accept them; an update built from a read object
// sends them back unchanged even when the caller rebuilt the object without them, and validation
// stays strict for every other field. Objects are remembered by name and resourceVersion, so an
// update whose resourceVersion came from a read finds the fields of that read.
import { postgresSchema } from '../generated/zod.js';
import { formatPath } from '../validation/validation-issue.js';

type Segment = string | number;

const knownTopLevel = new Set(Object.keys(postgresSchema.shape));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths (segments) of the fields of `object` the Postgres schema does not declare. */
export function unknownFieldPaths(object: unknown): Segment[][] {
  if (!isRecord(object)) return [];
  const paths: Segment[][] = Object.keys(object)
    .filter((key) => !knownTopLevel.has(key))
    .map((key) => [key]);
  const parsed = postgresSchema.safeParse(object);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const base = issue.path.filter((segment): segment is Segment => typeof segment !== 'symbol');
      for (const key of issue.keys) paths.push([...base, key]);
    }
  }
  return paths;
}

function valueAt(object: unknown, path: readonly Segment[]): unknown {
  let current: unknown = object;
  for (const segment of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

// Sets `value` at `path`, copying each object on the way so the caller's object is not changed.
function withValueAt(object: Record<string, unknown>, path: readonly Segment[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return object;
  const out = { ...object };
  if (rest.length === 0) out[head] = value;
  else {
    const child = out[head];
    // The parent is gone (the caller removed a whole known object): the unknown field goes with it.
    if (!isRecord(child)) return object;
    out[head] = withValueAt(child, rest, value);
  }
  return out;
}

export interface RestoredFields<T> {
  /** The object to send: the caller's, plus the unknown fields of the read it came from. */
  object: T;
  /** Dotted paths of those fields, exempt from the unknown-field check. */
  allowed: ReadonlySet<string>;
}

/** Objects read from the server, by `name@resourceVersion`; the oldest are forgotten first. */
export class ServerFieldMemory {
  readonly #objects = new Map<string, unknown>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  #key(object: unknown): string | undefined {
    const metadata = isRecord(object) && isRecord(object['metadata']) ? object['metadata'] : undefined;
    const name = metadata?.['name'];
    const version = metadata?.['resourceVersion'];
    return typeof name === 'string' && typeof version === 'string' && version !== '' ? `${name}@${version}` : undefined;
  }

  /** Keeps a reference only (no copy, no validation): reads stay as fast as before. */
  remember<T>(object: T): T {
    const key = this.#key(object);
    if (key === undefined) return object;
    this.#objects.delete(key);
    this.#objects.set(key, object);
    if (this.#objects.size > this.#limit) {
      const oldest = this.#objects.keys().next().value;
      if (oldest !== undefined) this.#objects.delete(oldest);
    }
    return object;
  }

  /** `object` with the unknown fields of the read of the same name and resourceVersion put back where absent. */
  restore<T>(object: T): RestoredFields<T> {
    const key = this.#key(object);
    const read = key === undefined ? undefined : this.#objects.get(key);
    if (read === undefined || !isRecord(object)) return { object, allowed: new Set() };
    let out: Record<string, unknown> = object;
    const allowed = new Set<string>();
    for (const path of unknownFieldPaths(read)) {
      allowed.add(formatPath(path));
      if (valueAt(out, path) === undefined) out = withValueAt(out, path, valueAt(read, path));
    }
    return { object: out as T, allowed };
  }
}

import { defaultsTrees } from '../generated/rules.js';
import type { PostgresSpec, SchedulingClassSpec } from '../generated/types.js';

/** A node of a generated defaults tree: the `default` of a schema and of its properties. */
export interface DefaultsNode {
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, DefaultsNode>>;
  readonly additionalProperties?: DefaultsNode;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Kubernetes structural defaulting: a default is filled where the parent object exists, and an
// object default ({}) makes the parent exist so its own children's defaults apply too.
function fill(node: DefaultsNode, value: Record<string, unknown>): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (value[key] === undefined && child.default !== undefined) value[key] = structuredClone(child.default);
    const nested = value[key];
    if (isPlainObject(nested)) fill(child, nested);
  }
  if (node.additionalProperties) {
    for (const nested of Object.values(value)) if (isPlainObject(nested)) fill(node.additionalProperties, nested);
  }
}

/** Returns a deep copy of `value` with every default of `tree` filled in; the input is not changed. */
function applyDefaults<T extends object>(tree: DefaultsNode, value: T): T {
  const copy = structuredClone(value) as T & Record<string, unknown>;
  fill(tree, copy);
  return copy;
}

type Defaulted<T, Tree> = Tree extends { readonly properties: infer P }
  ? T & { [K in keyof P & keyof T as P[K] extends { readonly default: unknown } ? K : never]-?: Exclude<T[K], undefined> }
  : T;

/** A PostgresSpec whose defaulted top-level fields are known to be present. */
export type PostgresSpecWithDefaults = Defaulted<PostgresSpec, (typeof defaultsTrees)['PostgresSpec']>;

/** The SchedulingClass CRD declares no defaults: a spec is stored as written. */
export type SchedulingClassSpecWithDefaults = SchedulingClassSpec;

/** The spec with the platform's defaults (the document's `default` values) filled in. */
export function applyPostgresDefaults(spec: PostgresSpec = {}): PostgresSpecWithDefaults {
  return applyDefaults(defaultsTrees.PostgresSpec, spec) as PostgresSpecWithDefaults;
}

/** A copy of the spec: the SchedulingClass CRD declares no defaults, so the platform adds nothing. */
export function applySchedulingClassDefaults(spec: SchedulingClassSpec = {}): SchedulingClassSpecWithDefaults {
  return structuredClone(spec);
}

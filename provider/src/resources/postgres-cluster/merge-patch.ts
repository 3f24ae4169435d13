// The update sent to the API: a JSON merge patch (RFC 7396) of only the fields Terraform manages,
// computed from the prior state and the plan, so settings made elsewhere survive an apply.
import { schedulesEqual } from '../../normalize/cron-schedule.js';
import { presetsEqual } from '../../normalize/preset-names.js';
import { quantitiesEqual } from '../../normalize/quantity.js';
import type { PostgresClusterArgs } from './model.js';
import type { PostgresSpec } from './postgres-spec.js';
import { toSpec, type ToSpecOptions } from './to-spec.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type MergePatch = { [key: string]: JsonValue };

/** Leaves that are equal by meaning although spelled differently. */
export function specValuesEquivalent(path: readonly string[], before: unknown, after: unknown): boolean {
  if (before === after) return true;
  const [head, second, third] = path;
  const isQuantityPath = head === 'size' || (head === 'resources' && (second === 'cpu' || second === 'memory'));
  if (isQuantityPath && (typeof before === 'string' || typeof before === 'number') && (typeof after === 'string' || typeof after === 'number')) {
    return quantitiesEqual(before, after);
  }
  if (head === 'resourcesPreset' && typeof before === 'string' && typeof after === 'string') return presetsEqual(before, after);
  if (head === 'backup' && second === 'schedule' && typeof before === 'string' && typeof after === 'string') return schedulesEqual(before, after);
  if (head === 'postgresql' && second === 'parameters' && third !== undefined) return String(before) === String(after);
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The merge patch that turns `before` into `after`, or undefined when nothing changes. Keys missing
 * from `after` become null (removed); arrays are replaced whole, as merge patches do.
 */
export function mergePatchBetween(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  equivalent: (path: readonly string[], before: unknown, after: unknown) => boolean = () => false,
  path: readonly string[] = [],
): MergePatch | undefined {
  const patch: MergePatch = {};
  for (const key of Object.keys(before)) {
    if (!(key in after)) patch[key] = null;
  }
  for (const [key, next] of Object.entries(after)) {
    const previous = before[key];
    const here = [...path, key];
    if (isObject(previous) && isObject(next)) {
      const nested = mergePatchBetween(previous, next, equivalent, here);
      if (nested !== undefined) patch[key] = nested;
    } else if (!deepEqual(previous, next) && !equivalent(here, previous, next)) {
      patch[key] = next as JsonValue;
    }
  }
  return Object.keys(patch).length === 0 ? undefined : patch;
}

export interface UpdatePatchInput {
  prior: PostgresClusterArgs;
  planned: PostgresClusterArgs;
  /** Write-only passwords from the configuration, by user. */
  writeOnlyPasswords: Record<string, string>;
  resolvedSchedulingClass?: string | null;
}

/** Users whose write-only password must be sent: new users, or a changed `password_wo_version`. */
export function usersToRotate(prior: PostgresClusterArgs, planned: PostgresClusterArgs): string[] {
  return Object.entries(planned.users ?? {})
    .filter(([name, user]) => {
      if (user.passwordWoVersion === null) return false;
      const before = prior.users?.[name];
      return before === undefined || before.passwordWoVersion !== user.passwordWoVersion;
    })
    .map(([name]) => name);
}

/** `{ spec: ... }` merge patch for an update, or undefined when the object needs no change. */
export function buildUpdatePatch(input: UpdatePatchInput): MergePatch | undefined {
  const options: ToSpecOptions = { resolvedSchedulingClass: input.resolvedSchedulingClass ?? null };
  const before = toSpec(input.prior, { resolvedSchedulingClass: null }) as Record<string, unknown>;
  const after: PostgresSpec = toSpec(input.planned, options);
  const specPatch = mergePatchBetween(before, after as Record<string, unknown>, specValuesEquivalent) ?? {};
  for (const name of usersToRotate(input.prior, input.planned)) {
    const password = input.writeOnlyPasswords[name];
    if (password === undefined) continue;
    const users = isObject(specPatch['users']) ? (specPatch['users'] as MergePatch) : {};
    const user = isObject(users[name]) ? (users[name] as MergePatch) : {};
    user['password'] = password;
    users[name] = user;
    specPatch['users'] = users;
  }
  return Object.keys(specPatch).length === 0 ? undefined : { spec: specPatch };
}

import type { Cluster, PostgresConfigInput, QuorumConfigInput, User, UserDatabaseRoleInput, UserPrivilegesInput } from '../generated/public/zod.js';
import type { ValidationIssue } from '../validation/validation-issue.js';

// The API's PATCH replaces the whole configuration: an omitted field is reset, not kept. These
// functions build the complete body from what the API reported and what the caller changes, so a
// field the caller did not mention keeps its current value.

/** What a caller may change on a cluster; everything left out keeps its current value. */
export interface ClusterChange {
  version?: 'v15' | 'v16' | 'v17' | 'v18';
  replicas?: number;
  external?: boolean;
  size?: number;
  preset?: string;
  /** Merged into the current settings. */
  config?: PostgresConfigInput;
  /** Merged into the current quorum. */
  quorum?: QuorumConfigInput;
}

// Fields the API reports but does not take back: identity, timestamps, observed state.
const clusterReadOnly = new Set(['id', 'projectId', 'name', 'createdAt', 'updatedAt', 'host', 'status']);
const clusterKnown = new Set(['version', 'replicas', 'external', 'size', 'preset', 'config', 'quorum']);

function unknownFields(value: Record<string, unknown>, known: Set<string>, readOnly: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.has(key) && !readOnly.has(key)));
}

/** Only fields with a value the API would take: a zero read back means "not set". */
function settled<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== '' && field !== 0)) as Partial<T>;
}

/** The complete update body for `current` with `change` applied; fields unknown to the SDK are sent back unchanged. */
export function clusterUpdateBody(current: Cluster, change: ClusterChange): Record<string, unknown> {
  const config = { ...settled(current.config), ...change.config };
  const quorum = { ...current.quorum, ...change.quorum };
  const body: Record<string, unknown> = {
    ...unknownFields(current, clusterKnown, clusterReadOnly),
    version: change.version ?? current.version,
    replicas: change.replicas ?? current.replicas,
    external: change.external ?? current.external,
    size: change.size ?? current.size,
    quorum,
  };
  const preset = change.preset ?? current.preset;
  if (preset !== '') body['preset'] = preset;
  if (Object.keys(config).length > 0) body['config'] = config;
  return body;
}

const versionNumber = (version: string) => Number(/^v(\d+)$/.exec(version)?.[1] ?? Number.NaN);

/**
 * The rules an update breaks against the cluster's current state, checked before the call:
 * the replica mode (1, or 2-8) is fixed at creation (the API answers 80201), and a version only
 * moves forward.
 */
export function clusterUpdateIssues(current: Cluster, body: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const replicas = body['replicas'];
  if (typeof replicas === 'number' && current.replicas > 0 && (replicas === 1) !== (current.replicas === 1)) {
    issues.push({
      path: 'replicas',
      rule: 'x-hikube-mode-fixed',
      message:
        `replicas cannot go from ${current.replicas} to ${replicas}: a cluster created ` +
        `${current.replicas === 1 ? 'standalone (1 replica)' : 'with 2-8 replicas'} keeps that mode ` +
        `(the API refuses it with code 80201); create a new cluster instead`,
    });
  }
  const version = body['version'];
  if (typeof version === 'string' && versionNumber(version) < versionNumber(current.version)) {
    issues.push({
      path: 'version',
      rule: 'x-hikube-upgrade-only',
      message: `version cannot go from ${current.version} down to ${version}: PostgreSQL is only upgraded`,
    });
  }
  return issues;
}

/** What a caller may change on a user; everything left out keeps its current value. */
export interface UserChange {
  /** Merged into the current privileges. */
  privileges?: UserPrivilegesInput;
  /** Merged per database into the current roles; a role of `''` removes the user's role there. */
  databases?: Record<string, UserDatabaseRoleInput>;
}

/** The complete user update body (`config`) for `current` with `change` applied. */
export function userUpdateBody(current: User, change: UserChange): Record<string, unknown> {
  const databases: Record<string, unknown> = { ...current.config.databases, ...change.databases };
  for (const [name, role] of Object.entries(databases)) {
    // A database the user no longer has a role on is left out: the API drops it from the map.
    if ((role as { role?: unknown }).role === '') delete databases[name];
  }
  return {
    config: {
      ...current.config,
      privileges: { ...current.config.privileges, ...change.privileges },
      databases,
    },
  };
}

/** `current` plus `add` minus `remove`, in a stable order and without duplicates. */
export function extensionsAfter(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove);
  return [...new Set([...current, ...add])].filter((name) => !removed.has(name));
}

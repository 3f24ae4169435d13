// hikube_postgres_user and hikube_postgres_database on the Cozystack Kubernetes API: each one is an
// entry of the Postgres object's spec, read and written as a JSON merge patch (RFC 7386) that
// touches only what that resource owns, so resources sharing a cluster never overwrite each other.
//
// Who owns what (the chart keeps a user's grants under the database, not under the user):
// - a database owns `spec.databases.<db>.extensions`, and removes `spec.databases.<db>` when deleted;
// - a user owns `spec.users.<user>` and its own name inside every `spec.databases.<db>.roles.admin`
//   and `.roles.readonly` list; the other names in those lists are left as they are.
// Lists are replaced whole by a merge patch, so a user's patch carries the lists it changes as read
// just before (see kubernetes-child-operations for the optimistic concurrency around it).
import type { JsonValue, MergePatch } from '../postgres-cluster/merge-patch.js';
import type { PostgresSpec } from '../postgres-cluster/postgres-spec.js';

export type DatabaseRole = 'admin' | 'readonly';

export interface UserEntry {
  replication: boolean;
  /** Database -> the role this user holds there. */
  databases: Record<string, DatabaseRole>;
}

export interface DatabaseEntry {
  extensions: string[];
}

const roles: readonly DatabaseRole[] = ['admin', 'readonly'];

/** The user as the spec has it; null when `spec.users` has no such key. A user in both lists of a database is its admin. */
export function userEntryOf(spec: PostgresSpec, name: string): UserEntry | null {
  const user = spec.users?.[name];
  if (user === undefined || user === null) return null;
  const databases: Record<string, DatabaseRole> = {};
  for (const [database, entry] of Object.entries(spec.databases ?? {})) {
    const role = roles.find((candidate) => entry?.roles?.[candidate]?.includes(name) ?? false);
    if (role !== undefined) databases[database] = role;
  }
  return { replication: user.replication === true, databases };
}

export function databaseEntryOf(spec: PostgresSpec, name: string): DatabaseEntry | null {
  const database = spec.databases?.[name];
  if (database === undefined || database === null) return null;
  return { extensions: [...new Set(database.extensions ?? [])].sort() };
}

export interface UserPatchInput {
  /** The spec as read just before the patch. */
  spec: PostgresSpec;
  name: string;
  /** Null removes the user and its grants. */
  desired: UserEntry | null;
  /** A new password to set (a rotation); never read back from the spec. */
  password?: string;
}

/** The spec part of the merge patch that makes `spec` hold `desired` for this user; undefined when nothing changes. */
export function userSpecPatch(input: UserPatchInput): MergePatch | undefined {
  const { spec, name, desired } = input;
  const patch: MergePatch = {};
  const current = userEntryOf(spec, name);
  if (desired === null) {
    if (current !== null) patch['users'] = { [name]: null };
  } else {
    const user: MergePatch = {};
    if (current === null || current.replication !== desired.replication) user['replication'] = desired.replication;
    if (input.password !== undefined) user['password'] = input.password;
    // An empty object still creates the key (RFC 7386), which is what a new user needs.
    if (current === null || Object.keys(user).length > 0) patch['users'] = { [name]: user };
  }
  const databases: MergePatch = {};
  const names = new Set([...Object.keys(spec.databases ?? {}), ...Object.keys(desired?.databases ?? {})]);
  for (const database of [...names].sort()) {
    const entry = spec.databases?.[database];
    const changed: MergePatch = {};
    for (const role of roles) {
      const holders = entry?.roles?.[role] ?? [];
      const wanted = desired?.databases[database] === role;
      const others = holders.filter((holder) => holder !== name);
      const next = wanted ? [...others, name] : others;
      if (next.length !== holders.length || (wanted && !holders.includes(name))) changed[role] = next as JsonValue;
    }
    if (Object.keys(changed).length > 0) databases[database] = { roles: changed };
  }
  if (Object.keys(databases).length > 0) patch['databases'] = databases;
  return Object.keys(patch).length === 0 ? undefined : patch;
}

/** The spec part of the merge patch for a database: its extensions (sorted, whole), or null to remove it. */
export function databaseSpecPatch(name: string, desired: DatabaseEntry | null): MergePatch {
  return { databases: { [name]: desired === null ? null : { extensions: [...new Set(desired.extensions)].sort() } } };
}

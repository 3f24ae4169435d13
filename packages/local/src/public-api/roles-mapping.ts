// Users and databases of the public API are the `spec.users` and `spec.databases` maps of the same
// Postgres object: a user's role map is read from, and written to, each database's role lists.
import type { PostgresSpec } from '@hikube/sdk/kubernetes';

export type DatabaseRole = 'admin' | 'readonly' | '';

/** A user's configuration as the public API sends and receives it. */
export interface UserConfigView {
  privileges: { replication: boolean };
  databases: Record<string, { role: DatabaseRole }>;
}

export interface UserView {
  username: string;
  config: UserConfigView;
}

export interface DatabaseView {
  databaseName: string;
  roles: { admin: string[]; readonly: string[] };
  extensions: string[];
}

/** A user's configuration as a request states it; absent parts are reset, as the API's PATCH does. */
export interface UserConfigInput {
  privileges?: { replication?: boolean };
  databases?: Record<string, { role?: DatabaseRole }>;
}

type Databases = NonNullable<PostgresSpec['databases']>;
type Users = NonNullable<PostgresSpec['users']>;

/** An entry of a name map, own properties only: a name such as `toString` or `constructor` is not there. */
function own<T>(map: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, name) ? map[name] : undefined;
}

/** The user of the spec named `username`, if it declares one. */
export function userOf(spec: PostgresSpec, username: string): Users[string] | undefined {
  return own(spec.users, username);
}

/** The database of the spec named `databaseName`, if it declares one. */
export function databaseOf(spec: PostgresSpec, databaseName: string): Databases[string] | undefined {
  return own(spec.databases, databaseName);
}

function roleOf(spec: PostgresSpec, database: string, username: string): DatabaseRole {
  const roles = databaseOf(spec, database)?.roles;
  if (roles?.admin?.includes(username)) return 'admin';
  if (roles?.readonly?.includes(username)) return 'readonly';
  return '';
}

/** Every user of the spec with the databases it holds a role on (never with its password). */
export function usersFromSpec(spec: PostgresSpec): UserView[] {
  return Object.keys(spec.users ?? {})
    .sort()
    .map((username) => userFromSpec(spec, username))
    .filter((user): user is UserView => user !== undefined);
}

/** One user of the spec, or undefined when there is none by that name. */
export function userFromSpec(spec: PostgresSpec, username: string): UserView | undefined {
  const user = userOf(spec, username);
  if (!user) return undefined;
  const databases: Record<string, { role: DatabaseRole }> = {};
  for (const database of Object.keys(spec.databases ?? {}).sort()) {
    const role = roleOf(spec, database, username);
    if (role !== '') databases[database] = { role };
  }
  return { username, config: { privileges: { replication: user.replication ?? false }, databases } };
}

/** Every database of the spec with its role lists and extensions. */
export function databasesFromSpec(spec: PostgresSpec): DatabaseView[] {
  return Object.keys(spec.databases ?? {})
    .sort()
    .map((name) => databaseFromSpec(spec, name))
    .filter((db): db is DatabaseView => db !== undefined);
}

export function databaseFromSpec(spec: PostgresSpec, databaseName: string): DatabaseView | undefined {
  const database = databaseOf(spec, databaseName);
  if (!database) return undefined;
  return {
    databaseName,
    roles: { admin: [...(database.roles?.admin ?? [])], readonly: [...(database.roles?.readonly ?? [])] },
    extensions: [...(database.extensions ?? [])],
  };
}

/** The databases with `username` taken out of every role list. */
function withoutRoles(databases: Databases, username: string): Databases {
  const out: Databases = {};
  for (const [name, database] of Object.entries(databases)) {
    const roles = database.roles ?? {};
    const kept = { ...roles, admin: (roles.admin ?? []).filter((u) => u !== username), readonly: (roles.readonly ?? []).filter((u) => u !== username) };
    out[name] = { ...database, roles: kept };
  }
  return out;
}

/**
 * The spec with `username` set to `config`: the role map replaces the user's previous one, an
 * omitted replication privilege becomes false, and a database the map names that does not exist
 * is created. `password` is kept from the stored user unless a new one is given.
 */
export function specWithUser(spec: PostgresSpec, username: string, config: UserConfigInput, password?: string): PostgresSpec {
  const previous = userOf(spec, username) ?? {};
  const kept = password ?? previous.password;
  const user = { ...previous, replication: config.privileges?.replication ?? false, ...(kept !== undefined ? { password: kept } : {}) };
  const databases = withoutRoles(spec.databases ?? {}, username);
  for (const [name, { role }] of Object.entries(config.databases ?? {})) {
    const database = own(databases, name) ?? { roles: { admin: [], readonly: [] }, extensions: [] };
    const roles = { admin: [...(database.roles?.admin ?? [])], readonly: [...(database.roles?.readonly ?? [])] };
    if (role === 'admin' || role === 'readonly') roles[role].push(username);
    databases[name] = { ...database, roles };
  }
  return { ...spec, users: { ...spec.users, [username]: user }, databases };
}

/** The spec without `username`, in the user map or in any database's roles. */
export function specWithoutUser(spec: PostgresSpec, username: string): PostgresSpec {
  const { [username]: _removed, ...users } = spec.users ?? {};
  return { ...spec, users, databases: withoutRoles(spec.databases ?? {}, username) };
}

/** The spec with `databaseName`'s extension list replaced (the database is created when missing). */
export function specWithDatabase(spec: PostgresSpec, databaseName: string, extensions: readonly string[]): PostgresSpec {
  const database = databaseOf(spec, databaseName) ?? { roles: { admin: [], readonly: [] } };
  return { ...spec, databases: { ...spec.databases, [databaseName]: { ...database, extensions: [...extensions] } } };
}

/** The spec without `databaseName`. */
export function specWithoutDatabase(spec: PostgresSpec, databaseName: string): PostgresSpec {
  const { [databaseName]: _removed, ...databases } = spec.databases ?? {};
  return { ...spec, databases };
}

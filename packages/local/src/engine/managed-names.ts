// Which roles and databases the engine may act on. It only touches what it created itself (marked
// with a comment) and names PostgreSQL keeps whole; everything else (the superuser, the
// replication role, templates, the maintenance database, roles made by hand) is refused before
// any change, so a bad name can neither be half-applied nor take over a platform object.

/** Comments that mark what we manage. */
export const USER_MARK = 'hikube-local:user';
export const GROUP_MARK = 'hikube-local:database-role';
export const DB_MARK = 'hikube-local:database';

/** PostgreSQL keeps NAMEDATALEN - 1 bytes of a name and silently cuts the rest. */
const MAX_NAME_BYTES = 63;
/** PostgreSQL refuses to create roles with this prefix (its predefined roles use it). */
const RESERVED_ROLE_PREFIX = 'pg_';

export function databaseRoleNames(db: string): { admin: string; readonly: string } {
  return { admin: `${db}_admin`, readonly: `${db}_readonly` };
}

export interface CatalogRole {
  readonly mark: string | null;
}

export interface CatalogDatabase {
  readonly mark: string | null;
  readonly owner: string;
}

/** What exists on the primary, read before any change. */
export interface Catalog {
  readonly roles: ReadonlyMap<string, CatalogRole>;
  readonly databases: ReadonlyMap<string, CatalogDatabase>;
}

export interface WantedNames {
  readonly users: readonly string[];
  readonly databases: readonly { readonly name: string; readonly members: readonly string[] }[];
}

export interface NameRefusal {
  readonly name: string;
  readonly reason: string;
}

function roleNameRefusal(name: string): string | undefined {
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `longer than ${MAX_NAME_BYTES} bytes: PostgreSQL would cut it`;
  if (name.startsWith(RESERVED_ROLE_PREFIX)) return `PostgreSQL reserves role names starting with "${RESERVED_ROLE_PREFIX}"`;
  return undefined;
}

/** Every reason not to apply `want` on a primary holding `catalog`; empty when it is safe. */
export function nameRefusals(want: WantedNames, catalog: Catalog): NameRefusal[] {
  const out: NameRefusal[] = [];
  const users = new Set(want.users);
  for (const user of want.users) {
    const bad = roleNameRefusal(user);
    const existing = catalog.roles.get(user);
    if (bad) out.push({ name: user, reason: bad });
    else if (existing && existing.mark !== USER_MARK)
      out.push({ name: user, reason: 'an existing role Hikube Local did not create as a user (the platform owns it or it was made by hand)' });
  }
  for (const { name: db, members } of want.databases) {
    const roles = databaseRoleNames(db);
    if (Buffer.byteLength(db, 'utf8') > MAX_NAME_BYTES) out.push({ name: db, reason: `longer than ${MAX_NAME_BYTES} bytes: PostgreSQL would cut it` });
    for (const role of [roles.admin, roles.readonly]) {
      const bad = roleNameRefusal(role);
      const existing = catalog.roles.get(role);
      if (bad) out.push({ name: role, reason: `role of database ${db}: ${bad}` });
      else if (users.has(role)) out.push({ name: role, reason: `role of database ${db}, also declared as a user` });
      else if (existing && existing.mark !== GROUP_MARK)
        out.push({ name: role, reason: `role of database ${db}, but an existing role Hikube Local did not create for it` });
    }
    const existing = catalog.databases.get(db);
    // CREATE DATABASE cannot share a transaction with its COMMENT: owned by its admin role also means ours.
    if (existing && existing.mark !== DB_MARK && existing.owner !== roles.admin) {
      out.push({ name: db, reason: "an existing database Hikube Local did not create (PostgreSQL's own, or made by hand)" });
    }
    for (const member of members) {
      if (!users.has(member)) out.push({ name: member, reason: `granted a role of database ${db} but not a declared user` });
    }
  }
  return out;
}

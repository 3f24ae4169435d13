import pg from 'pg';
import { PgNameRefusedError, PgSqlError } from './errors.js';
import { databaseRoleNames, DB_MARK, GROUP_MARK, nameRefusals, USER_MARK, type Catalog } from './managed-names.js';
import type { PgInstance } from './pg-instance.js';
import { REPLICATION_USER } from './pg-replication.js';
import { scramVerifier, verifierMatches } from './scram-verifier.js';

export interface LoginRoleSpec {
  readonly password: string;
  readonly replication?: boolean | undefined;
}

export interface DatabaseGrantSpec {
  /** Login roles granted `<db>_admin`. */
  readonly admins: readonly string[];
  /** Login roles granted `<db>_readonly`. */
  readonly readonly: readonly string[];
  readonly extensions: readonly string[];
}

export interface RolesAndDatabases {
  readonly users: Readonly<Record<string, LoginRoleSpec>>;
  readonly databases: Readonly<Record<string, DatabaseGrantSpec>>;
}

export interface ApplyReport {
  readonly createdUsers: string[];
  readonly droppedUsers: string[];
  readonly createdDatabases: string[];
  readonly droppedDatabases: string[];
}

// Quoting through pg's own escaping: one implementation of SQL quoting, the driver's.
const { escapeIdentifier: quoteIdent, escapeLiteral: quoteLiteral } = pg;

// The platform's chart writes the name unquoted into its setup script, so PostgreSQL folds it to
// lowercase and refuses `uuid-ossp` as a syntax error; Hikube Local does the same. Names are limited
// to the API's extension characters first, so nothing else can reach the statement.
const extensionNameCharacters = /^[A-Za-z0-9._-]+$/;

/** `CREATE EXTENSION` for `name` written as the platform writes it: unquoted. */
export function createExtensionStatement(name: string): string {
  if (!extensionNameCharacters.test(name)) throw new Error(`extension name ${JSON.stringify(name)} has characters outside letters, digits and -._`);
  return `CREATE EXTENSION IF NOT EXISTS ${name}`;
}

async function run(client: pg.Client, action: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  try {
    return (await client.query(text, params)).rows as Record<string, unknown>[];
  } catch (err) {
    throw new PgSqlError(action, err);
  }
}

async function withDb<T>(primary: PgInstance, db: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = await primary.connect(db);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database the engine connects to for cluster-wide statements; never a tenant's. */
const MAINTENANCE_DB = 'postgres';

async function ensureGroupRole(c: pg.Client, role: string): Promise<void> {
  const rows = await run(c, `checking role ${role}`, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  // one simple query, one transaction: a role is never left behind without its mark
  if (rows.length === 0)
    await run(
      c,
      `creating role ${role}`,
      `CREATE ROLE ${quoteIdent(role)} NOLOGIN NOINHERIT; COMMENT ON ROLE ${quoteIdent(role)} IS ${quoteLiteral(GROUP_MARK)}`,
    );
}

async function readCatalog(c: pg.Client): Promise<{ catalog: Catalog; roles: Record<string, unknown>[]; databases: Record<string, unknown>[] }> {
  const roles = await run(
    c,
    'reading roles',
    `SELECT a.rolname, a.rolpassword, a.rolreplication, a.rolsuper, shobj_description(a.oid, 'pg_authid') AS mark FROM pg_authid a`,
  );
  const databases = await run(
    c,
    'reading databases',
    `SELECT d.datname, d.datistemplate, pg_get_userbyid(d.datdba) AS owner, shobj_description(d.oid, 'pg_database') AS mark FROM pg_database d`,
  );
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    catalog: {
      roles: new Map(roles.map((r) => [String(r['rolname']), { mark: text(r['mark']) }])),
      databases: new Map(databases.map((r) => [String(r['datname']), { mark: text(r['mark']), owner: String(r['owner']) }])),
    },
    roles,
    databases,
  };
}

async function syncMembers(c: pg.Client, group: string, want: readonly string[], managedUsers: ReadonlySet<string>): Promise<void> {
  const rows = await run(
    c,
    `reading members of ${group}`,
    `SELECT m.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member WHERE g.rolname = $1`,
    [group],
  );
  const have = new Set(rows.map((r) => String(r['rolname'])));
  for (const u of want) if (!have.has(u)) await run(c, `granting ${group} to ${u}`, `GRANT ${quoteIdent(group)} TO ${quoteIdent(u)}`);
  for (const u of have)
    if (!want.includes(u) && managedUsers.has(u)) await run(c, `revoking ${group} from ${u}`, `REVOKE ${quoteIdent(group)} FROM ${quoteIdent(u)}`);
}

/**
 * Apply users, databases, their `<db>_admin`/`<db>_readonly` roles, grants and extensions on a
 * primary, idempotently; managed users and databases no longer wanted are dropped (objects a
 * dropped user owned are reassigned to postgres first). Passwords go over as SCRAM verifiers.
 */
export async function applyRolesAndDatabases(primary: PgInstance, want: RolesAndDatabases): Promise<ApplyReport> {
  const report: ApplyReport = { createdUsers: [], droppedUsers: [], createdDatabases: [], droppedDatabases: [] };
  const wantedUsers = new Set(Object.keys(want.users));
  await withDb(primary, MAINTENANCE_DB, async (c) => {
    const { catalog, roles: existing, databases: dbRows } = await readCatalog(c);
    const refusals = nameRefusals(
      { users: [...wantedUsers], databases: Object.entries(want.databases).map(([name, spec]) => ({ name, members: [...spec.admins, ...spec.readonly] })) },
      catalog,
    );
    if (refusals.length > 0) throw new PgNameRefusedError(refusals);

    // users (an existing one is ours: the refusals above hold every other role back)
    const byName = new Map(existing.map((r) => [String(r['rolname']), r]));
    for (const [name, spec] of Object.entries(want.users)) {
      const row = byName.get(name);
      if (!row) {
        await run(
          c,
          `creating user ${name}`,
          `CREATE ROLE ${quoteIdent(name)} LOGIN PASSWORD ` +
            `${quoteLiteral(scramVerifier(spec.password))}; COMMENT ON ROLE ${quoteIdent(name)} IS ` +
            `${quoteLiteral(USER_MARK)}`,
        );
        report.createdUsers.push(name);
      } else if (!verifierMatches(row['rolpassword'] as string | null, spec.password)) {
        await run(c, `setting the password of ${name}`, `ALTER ROLE ${quoteIdent(name)} LOGIN PASSWORD ${quoteLiteral(scramVerifier(spec.password))}`);
      }
      if (!row || row['rolreplication'] !== (spec.replication === true))
        await run(c, `setting replication of ${name}`, `ALTER ROLE ${quoteIdent(name)} ${spec.replication ? 'REPLICATION' : 'NOREPLICATION'}`);
    }
    const managedUsers = new Set(existing.filter((r) => r['mark'] === USER_MARK).map((r) => String(r['rolname'])));
    for (const u of wantedUsers) managedUsers.add(u);

    // databases: roles, ownership, connect rights, memberships
    const dbs = new Map(dbRows.map((r) => [String(r['datname']), r]));
    for (const [db, spec] of Object.entries(want.databases)) {
      const roles = databaseRoleNames(db);
      await ensureGroupRole(c, roles.admin);
      await ensureGroupRole(c, roles.readonly);
      if (!dbs.has(db)) {
        await run(c, `creating database ${db}`, `CREATE DATABASE ${quoteIdent(db)} OWNER ${quoteIdent(roles.admin)}`);
        report.createdDatabases.push(db);
      } else await run(c, `setting the owner of ${db}`, `ALTER DATABASE ${quoteIdent(db)} OWNER TO ${quoteIdent(roles.admin)}`);
      await run(c, `marking database ${db}`, `COMMENT ON DATABASE ${quoteIdent(db)} IS ${quoteLiteral(DB_MARK)}`);
      await run(c, `restricting ${db}`, `REVOKE ALL ON DATABASE ${quoteIdent(db)} FROM PUBLIC`);
      await run(c, `granting connect on ${db}`, `GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${quoteIdent(roles.readonly)}`);
      await run(c, `granting ${db} to its admin role`, `GRANT ALL ON DATABASE ${quoteIdent(db)} TO ${quoteIdent(roles.admin)}`);
      await syncMembers(c, roles.admin, spec.admins, managedUsers);
      await syncMembers(c, roles.readonly, spec.readonly, managedUsers);
    }

    // databases no longer wanted
    for (const [db, row] of dbs) {
      // a template or the maintenance database marked by an older engine is never dropped
      // own entries only: a database named valueOf or constructor is not wanted by every map
      if (row['mark'] !== DB_MARK || Object.hasOwn(want.databases, db) || row['datistemplate'] === true || db === MAINTENANCE_DB) continue;
      const roles = databaseRoleNames(db);
      await run(c, `dropping database ${db}`, `DROP DATABASE IF EXISTS ${quoteIdent(db)} WITH (FORCE)`);
      for (const r of [roles.admin, roles.readonly]) await run(c, `dropping role ${r}`, `DROP ROLE IF EXISTS ${quoteIdent(r)}`);
      report.droppedDatabases.push(db);
    }
  });

  // schema rights and extensions, inside each database
  for (const [db, spec] of Object.entries(want.databases)) {
    const roles = databaseRoleNames(db);
    await withDb(primary, db, async (c) => {
      const a = quoteIdent(roles.admin);
      const ro = quoteIdent(roles.readonly);
      await run(c, `schema rights in ${db}`, `ALTER SCHEMA public OWNER TO ${a}`);
      await run(c, `schema rights in ${db}`, `GRANT USAGE ON SCHEMA public TO ${ro}`);
      await run(c, `read rights in ${db}`, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${ro}`);
      await run(c, `read rights in ${db}`, `GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ro}`);
      // objects created later by the admin role or by any admin user stay readable
      for (const owner of [roles.admin, ...spec.admins]) {
        await run(c, `default privileges in ${db}`, `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)} IN SCHEMA public GRANT SELECT ON TABLES TO ${ro}`);
        await run(
          c,
          `default privileges in ${db}`,
          `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(owner)} IN SCHEMA public GRANT SELECT ON SEQUENCES TO ${ro}`,
        );
      }
      for (const ext of spec.extensions) await run(c, `creating extension ${ext} in ${db}`, createExtensionStatement(ext));
    });
  }

  // users no longer wanted: reassign what they own in every database, then drop
  // the superuser and the replication role are never dropped, even when an older engine marked them
  const stale = await withDb(primary, MAINTENANCE_DB, (c) =>
    run(c, 'reading managed users', `SELECT rolname FROM pg_authid a WHERE shobj_description(a.oid, 'pg_authid') = $1 AND NOT a.rolsuper AND a.rolname <> $2`, [
      USER_MARK,
      REPLICATION_USER,
    ]),
  );
  const toDrop = stale.map((r) => String(r['rolname'])).filter((u) => !wantedUsers.has(u));
  if (toDrop.length > 0) {
    const dbNames = await withDb(primary, MAINTENANCE_DB, (c) => run(c, 'listing databases', 'SELECT datname FROM pg_database WHERE datallowconn'));
    for (const { datname } of dbNames) {
      await withDb(primary, String(datname), async (c) => {
        for (const u of toDrop) {
          await run(c, `reassigning objects of ${u}`, `REASSIGN OWNED BY ${quoteIdent(u)} TO postgres`);
          await run(c, `dropping privileges of ${u}`, `DROP OWNED BY ${quoteIdent(u)}`);
        }
      });
    }
    await withDb(primary, MAINTENANCE_DB, async (c) => {
      for (const u of toDrop) await run(c, `dropping user ${u}`, `DROP ROLE IF EXISTS ${quoteIdent(u)}`);
    });
    report.droppedUsers.push(...toDrop);
  }
  return report;
}

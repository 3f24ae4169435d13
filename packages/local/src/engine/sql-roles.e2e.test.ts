// Issue 18 rows 3, 5 and 6 against a real primary: names the engine must never act on are
// refused before any change, and what an older engine damaged is not made worse.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@hikube/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableExtensions } from './available-extensions.js';
import { PgNameRefusedError } from './errors.js';
import { DB_MARK, USER_MARK } from './managed-names.js';
import { locatePg } from './pg-binaries.js';
import { writeInstanceConf, writeParamsConf } from './pg-conf.js';
import { PgInstance } from './pg-instance.js';
import { ensureReplicationRole, REPLICATION_USER } from './pg-replication.js';
import { cloneTemplate, ensureTemplate } from './pg-template.js';
import { resolveRunAs } from './run-as.js';
import { applyRolesAndDatabases, type RolesAndDatabases } from './sql-roles.js';

let root: string;
let primary: PgInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hikube-sql-roles-'));
  await chmod(root, 0o755); // the postgres user must be able to reach its directories
  const bins = await locatePg(15);
  const runAs = await resolveRunAs();
  const template = await ensureTemplate(bins, join(root, 'templates'), runAs);
  primary = new PgInstance({ name: 'pg-1', binaries: bins, dir: join(root, 'pg-1'), port: await freePort(), runAs });
  await primary.prepareDirs();
  await cloneTemplate(template, primary.dataDir);
  await writeParamsConf(primary.dataDir, {}, runAs);
  await writeInstanceConf(primary.dataDir, {}, runAs);
  await primary.start();
  await ensureReplicationRole(primary);
});

afterAll(async () => {
  await primary.stop('immediate').catch(() => undefined);
  if (!process.env['KEEP']) await rm(root, { recursive: true, force: true });
});

async function roleNames(): Promise<string[]> {
  return (await primary.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1")).map((r) => r.rolname);
}

async function refused(want: RolesAndDatabases): Promise<PgNameRefusedError> {
  const error = await applyRolesAndDatabases(primary, want).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PgNameRefusedError);
  return error as PgNameRefusedError;
}

describe('applyRolesAndDatabases refuses names it must not act on, before any change', () => {
  it('row 3: streaming_replica keeps its REPLICATION right', async () => {
    const error = await refused({ users: { app: { password: 'app-1' }, [REPLICATION_USER]: { password: 'stolen' } }, databases: {} });
    expect(error.names).toEqual([REPLICATION_USER]);
    expect(error.message).not.toContain('stolen');
    const [row] = await primary.query<{ rolreplication: boolean; rolcanlogin: boolean }>(
      'SELECT rolreplication, rolcanlogin FROM pg_roles WHERE rolname = $1',
      [REPLICATION_USER],
    );
    expect(row).toEqual({ rolreplication: true, rolcanlogin: true });
    // nothing else of that spec was applied either
    expect(await roleNames()).toEqual(['postgres', REPLICATION_USER]);
  });

  it("row 3: an older engine's damage is repaired when the replication role is ensured", async () => {
    await primary.query(`ALTER ROLE ${REPLICATION_USER} NOREPLICATION`);
    await ensureReplicationRole(primary);
    const [row] = await primary.query<{ rolreplication: boolean }>('SELECT rolreplication FROM pg_roles WHERE rolname = $1', [REPLICATION_USER]);
    expect(row?.rolreplication).toBe(true);
  });

  it('row 6: a user name PostgreSQL would cut creates nothing', async () => {
    const long = 'u'.repeat(64);
    const error = await refused({
      users: { app: { password: 'app-1' }, [long]: { password: 'p' } },
      databases: { shop: { admins: ['app'], readonly: [], extensions: [] } },
    });
    expect(error.names).toEqual([long]);
    expect(await roleNames()).toEqual(['postgres', REPLICATION_USER]);
  });

  it('row 5: the maintenance database and the templates are not handed to a tenant role', async () => {
    const error = await refused({
      users: { app: { password: 'app-1' } },
      databases: { postgres: { admins: ['app'], readonly: [], extensions: [] }, template0: { admins: [], readonly: [], extensions: [] } },
    });
    expect(error.names).toEqual(['postgres', 'template0']);
    const owners = await primary.query<{ datname: string; owner: string }>(
      "SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname IN ('postgres', 'template0') ORDER BY 1",
    );
    expect(owners).toEqual([
      { datname: 'postgres', owner: 'postgres' },
      { datname: 'template0', owner: 'postgres' },
    ]);
  });

  it('row 5: a template an older engine marked as its own is left alone when the spec drops it', async () => {
    await primary.query(`COMMENT ON DATABASE template0 IS '${DB_MARK}'`);
    await primary.query(`COMMENT ON ROLE ${REPLICATION_USER} IS '${USER_MARK}'`);
    try {
      const report = await applyRolesAndDatabases(primary, { users: { app: { password: 'app-1' } }, databases: {} });
      expect(report).toEqual({ createdUsers: ['app'], droppedUsers: [], createdDatabases: [], droppedDatabases: [] });
      expect(await roleNames()).toEqual(['app', 'postgres', REPLICATION_USER]);
      expect(await primary.query("SELECT 1 FROM pg_database WHERE datname = 'template0'")).toHaveLength(1);
    } finally {
      await primary.query('COMMENT ON DATABASE template0 IS NULL');
      await primary.query(`COMMENT ON ROLE ${REPLICATION_USER} IS NULL`);
    }
  });

  it('still applies and drops its own users and databases', async () => {
    const first = await applyRolesAndDatabases(primary, {
      users: { app: { password: 'app-1' }, viewer: { password: 'v-1' } },
      databases: { shop: { admins: ['app'], readonly: ['viewer'], extensions: [] } },
    });
    expect(first).toEqual({ createdUsers: ['viewer'], droppedUsers: [], createdDatabases: ['shop'], droppedDatabases: [] });
    const second = await applyRolesAndDatabases(primary, { users: {}, databases: {} });
    expect(second).toEqual({ createdUsers: [], droppedUsers: ['app', 'viewer'], createdDatabases: [], droppedDatabases: ['shop'] });
    expect(await roleNames()).toEqual(['postgres', REPLICATION_USER]);
  });

  it('drops a database named like a property of every object (valueOf) once the spec no longer has it (found by the property suite)', async () => {
    const databases = { valueOf: { admins: ['app'], readonly: [], extensions: [] }, constructor: { admins: [], readonly: ['app'], extensions: [] } };
    const first = await applyRolesAndDatabases(primary, { users: { app: { password: 'app-1' } }, databases });
    expect(first.createdDatabases.sort()).toEqual(['constructor', 'valueOf']);
    const second = await applyRolesAndDatabases(primary, { users: {}, databases: {} });
    expect(second).toEqual({
      createdUsers: [],
      droppedUsers: ['app'],
      createdDatabases: [],
      droppedDatabases: expect.arrayContaining(['constructor', 'valueOf']) as string[],
    });
    expect(await roleNames()).toEqual(['postgres', REPLICATION_USER]);
  });
});

// The platform's chart creates extensions unquoted (packages/apps/postgres/templates/init-script.yaml).
describe('extensions, created as the platform creates them', () => {
  afterAll(async () => {
    await applyRolesAndDatabases(primary, { users: {}, databases: {} });
  });

  it('a name in another case is folded to lowercase: HStore creates hstore', async () => {
    await applyRolesAndDatabases(primary, { users: {}, databases: { ext: { admins: [], readonly: [], extensions: ['HStore'] } } });
    const client = await primary.connect('ext');
    try {
      expect((await client.query<{ extname: string }>("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'")).rows).toEqual([{ extname: 'hstore' }]);
    } finally {
      await client.end();
    }
  });

  it('uuid-ossp fails as a syntax error, as it does on the platform', async () => {
    const error = await applyRolesAndDatabases(primary, { users: {}, databases: { ext: { admins: [], readonly: [], extensions: ['uuid-ossp'] } } }).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/creating extension uuid-ossp in ext.*syntax error/s);
  });
});

describe('availableExtensions (the public API catalog in engine mode)', () => {
  it('is what the running server lists in pg_available_extensions', async () => {
    const rows = await primary.query<{ name: string }>('SELECT name FROM pg_available_extensions');
    const listed = await availableExtensions(await locatePg(15));
    expect(listed).toEqual(rows.map((r) => r.name).sort());
    expect(listed).toContain('pgcrypto');
  });
});

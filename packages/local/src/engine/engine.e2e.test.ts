import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '@hikube/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgMajorMissingError, PgStartFailedError } from './errors.js';
import { locatePg, type PgBinaries } from './pg-binaries.js';
import { writeInstanceConf, writeParamsConf } from './pg-conf.js';
import { PgInstance } from './pg-instance.js';
import { InstanceProbe } from './pg-probe.js';
import { cloneStandby, promote, replicationRows, repointStandby, rewind, setSynchronousStandbyNames, slotNameFor } from './pg-replication.js';
import { cloneTemplate, ensureTemplate } from './pg-template.js';
import { resolveRunAs, type RunAs } from './run-as.js';
import { applyRolesAndDatabases } from './sql-roles.js';
import { TcpProxy } from './tcp-proxy.js';
import { parseLsn } from './lsn.js';

// One shared three-instance rig walks the whole engine lifecycle in order, like a cluster would.
// It runs under a user's libpq settings meant for other servers (none reachable), which the engine
// must ignore: its tools and connections are configured explicitly.
const hostileLibpqEnv: Record<string, string> = {
  PGSSLMODE: 'require',
  PGHOST: '/nonexistent',
  PGPORT: '1',
  PGUSER: 'nobody',
  PGDATABASE: 'nowhere',
  PGPASSWORD: 'not-ours',
};
const savedEnv: Record<string, string | undefined> = {};
let root: string;
let bins: PgBinaries;
let runAs: RunAs | undefined;
let template: string;
const instances: PgInstance[] = [];
const proxies: TcpProxy[] = [];

async function newInstance(name: string): Promise<PgInstance> {
  const inst = new PgInstance({ name, binaries: bins, dir: join(root, name), port: await freePort(), runAs });
  await inst.prepareDirs();
  instances.push(inst);
  return inst;
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function streaming(inst: PgInstance): Promise<void> {
  const probe = new InstanceProbe(inst);
  try {
    await waitFor(`${inst.name} streaming`, async () => {
      const h = await probe.probe(1000);
      return h.reachable && h.inRecovery && h.streaming ? true : undefined;
    });
  } finally {
    probe.close();
  }
}

async function asUser<T>(port: number, user: string, password: string, db: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ host: '127.0.0.1', port, user, password, database: db, ssl: false });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  for (const [key, value] of Object.entries(hostileLibpqEnv)) {
    savedEnv[key] = process.env[key];
    process.env[key] = value;
  }
  root = await mkdtemp(join(tmpdir(), 'hikube-engine-'));
  await chmod(root, 0o755); // the postgres user must be able to reach its directories
  bins = await locatePg(15);
  runAs = await resolveRunAs();
  template = await ensureTemplate(bins, join(root, 'templates'), runAs);
});

afterAll(async () => {
  for (const p of proxies) await p.close();
  for (const i of instances) await i.stop('immediate').catch(() => undefined);
  if (!process.env['KEEP']) await rm(root, { recursive: true, force: true });
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('engine against real PostgreSQL', () => {
  let primary: PgInstance;
  let s1: PgInstance;
  let s2: PgInstance;
  let rw: TcpProxy;
  let ro: TcpProxy;

  it('names a missing major plainly', async () => {
    const err = await locatePg(99).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PgMajorMissingError);
    expect((err as PgMajorMissingError).code).toBe('HIKUBE_PG_MAJOR_MISSING');
    expect((err as Error).message).toMatch(/PostgreSQL 99 is not installed.*installed: .*15/);
  });

  it('starts a primary cloned from the template', async () => {
    primary = await newInstance('pg-1');
    await cloneTemplate(template, primary.dataDir);
    await writeParamsConf(primary.dataDir, { max_connections: 50 }, runAs);
    await writeInstanceConf(primary.dataDir, {}, runAs);
    await primary.start();
    const rows = await primary.query<{ in_recovery: boolean; mc: string }>(
      "SELECT pg_is_in_recovery() AS in_recovery, current_setting('max_connections') AS mc",
    );
    expect(rows[0]).toEqual({ in_recovery: false, mc: '50' });
  });

  it('clones two standbys that stream through slots, one quorum-synchronous', async () => {
    s1 = await newInstance('pg-2');
    s2 = await newInstance('pg-3');
    await cloneStandby(primary, s1, slotNameFor(s1.name));
    await cloneStandby(primary, s2, slotNameFor(s2.name));
    await Promise.all([s1.start(), s2.start()]);
    await Promise.all([streaming(s1), streaming(s2)]);
    await setSynchronousStandbyNames(primary, 'ANY 1 ("pg-2", "pg-3")');
    const rows = await waitFor('quorum sync state', async () => {
      const r = await replicationRows(primary);
      return r.length === 2 && r.every((x) => x.syncState === 'quorum') ? r : undefined;
    });
    expect(rows.map((r) => [r.applicationName, r.state, r.syncState])).toEqual([
      ['pg-2', 'streaming', 'quorum'],
      ['pg-3', 'streaming', 'quorum'],
    ]);
  });

  it('applies users, databases and grants idempotently; readonly cannot write', async () => {
    const want = {
      users: { app: { password: 'app-secret-1' }, viewer: { password: 'viewer-secret-1' } },
      databases: { shop: { admins: ['app'], readonly: ['viewer'], extensions: ['pg_trgm'] } },
    };
    const first = await applyRolesAndDatabases(primary, want);
    expect(first).toMatchObject({ createdUsers: ['app', 'viewer'], createdDatabases: ['shop'] });
    const again = await applyRolesAndDatabases(primary, want);
    expect(again).toEqual({ createdUsers: [], droppedUsers: [], createdDatabases: [], droppedDatabases: [] });

    rw = await TcpProxy.listen();
    ro = await TcpProxy.listen();
    proxies.push(rw, ro);
    rw.setTargets([primary.port]);
    ro.setTargets([s1.port, s2.port]);
    await asUser(rw.port, 'app', 'app-secret-1', 'shop', async (c) => {
      await c.query('CREATE TABLE items (id int primary key, name text)');
      await c.query("INSERT INTO items VALUES (1, 'one')");
    });
    const seen = await waitFor('row on a standby', () =>
      asUser(ro.port, 'viewer', 'viewer-secret-1', 'shop', async (c) => {
        const r = await c.query('SELECT name FROM items');
        return r.rows.length === 1 ? r.rows[0] : undefined;
      }),
    );
    expect(seen).toEqual({ name: 'one' });
    const denied = await asUser(rw.port, 'viewer', 'viewer-secret-1', 'shop', (c) => c.query("INSERT INTO items VALUES (2, 'two')")).catch((e: unknown) => e);
    expect((denied as { code?: string }).code).toBe('42501');
    const exts = await primary.query("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'", [], 'shop');
    expect(exts).toHaveLength(1);
    const badPassword = await asUser(rw.port, 'app', 'wrong', 'shop', () => Promise.resolve()).catch((e: unknown) => e);
    expect((badPassword as { code?: string }).code).toBe('28P01');
  });

  it('fails over: kill -9, promote the most advanced standby, repoint the other, rw follows', async () => {
    await asUser(rw.port, 'app', 'app-secret-1', 'shop', (c) => c.query("INSERT INTO items VALUES (3, 'before kill')"));
    await primary.stop('kill');
    // Under ANY 1 only one standby may hold the last commit: promote the one that received most.
    const lsns = await Promise.all(
      [s1, s2].map(async (s) => {
        const p = new InstanceProbe(s);
        const h = await p.probe(1000);
        p.close();
        return h.reachable ? (parseLsn(h.receiveLsn) ?? 0n) : -1n;
      }),
    );
    if ((lsns[1] ?? 0n) > (lsns[0] ?? 0n)) [s1, s2] = [s2, s1];
    await promote(s1, `ANY 1 ("${s2.name}")`);
    rw.setTargets([s1.port]);
    ro.setTargets([s2.port]);
    await repointStandby(s2, s1, slotNameFor(s2.name));
    const ok = await asUser(rw.port, 'app', 'app-secret-1', 'shop', async (c) => {
      await c.query("INSERT INTO items VALUES (4, 'after failover')");
      return (await c.query('SELECT count(*)::int AS n FROM items')).rows[0] as { n: number };
    });
    expect(ok.n).toBe(3);
    await streaming(s2);
    const rows = await replicationRows(s1);
    expect(rows.map((r) => [r.applicationName, r.syncState])).toEqual([[s2.name, 'quorum']]);
  }, 30_000);

  it('rewinds the old primary and brings it back as a standby', async () => {
    await rewind(primary, s1, slotNameFor(primary.name));
    await primary.start();
    await streaming(primary);
    const rows = await waitFor('rows on the rewound instance', async () => {
      const r = await primary.query<{ id: number }>('SELECT id FROM items ORDER BY id', [], 'shop');
      return r.length === 3 ? r : undefined;
    });
    expect(rows.map((r) => r.id)).toEqual([1, 3, 4]);
  });

  it('drops removed users and databases', { timeout: 30_000 }, async () => {
    const report = await applyRolesAndDatabases(s1, { users: { app: { password: 'app-secret-2' } }, databases: {} });
    expect(report).toMatchObject({ droppedUsers: ['viewer'], droppedDatabases: ['shop'] });
    const roles = await s1.query("SELECT rolname FROM pg_roles WHERE rolname IN ('app','viewer','shop_admin','shop_readonly')");
    expect(roles.map((r) => r['rolname'])).toEqual(['app']);
  });

  it('reports a failed start with exit code and the log tail', async () => {
    const bad = await newInstance('pg-bad');
    await cloneTemplate(template, bad.dataDir);
    await writeFile(join(bad.dataDir, 'hikube-params.conf'), "shared_buffers = 'lots'\n");
    const err = await bad.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PgStartFailedError);
    expect(err).toMatchObject({ code: 'HIKUBE_PG_START_FAILED', exitCode: 1 });
    expect((err as PgStartFailedError).logTail).toMatch(/shared_buffers/);
  });
});

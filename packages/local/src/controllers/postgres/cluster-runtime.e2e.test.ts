import { access, chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunAs, type RunAs } from '../../engine/run-as.js';
import { PgClusterRuntime, type ClusterDesired, type InstanceSnapshot } from './cluster-runtime.js';

// One shared cluster walks the life of a Postgres: create, fail over, lose a site, scale, change
// parameters, manage users, survive a restart of the runtime, and be deleted.
let root: string;
let runAs: RunAs | undefined;
let runtime: PgClusterRuntime;

const SITES = ['gland', 'lucerne', 'geneva'];
const base = (over: Partial<ClusterDesired> = {}): ClusterDesired => ({
  major: 15,
  replicas: 3,
  quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
  parameters: { max_connections: '60' },
  siteOf: (n) => SITES[(n - 1) % SITES.length] as string,
  roles: {
    users: { app: { password: 'app-pass-1' }, reader: { password: 'reader-pass-1' } },
    databases: { shop: { admins: ['app'], readonly: ['reader'], extensions: [] } },
  },
  external: false,
  ...over,
});

function client(port: number, user = 'app', password = 'app-pass-1', database = 'shop'): pg.Client {
  const c = new pg.Client({ host: '127.0.0.1', port, user, password, database, connectionTimeoutMillis: 5_000 });
  c.on('error', () => undefined);
  return c;
}

async function sql<T extends pg.QueryResultRow>(port: number, text: string, params: unknown[] = [], user?: string, password?: string): Promise<T[]> {
  const c = client(port, user, password);
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve()
      .then(fn)
      .catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(runtime.snapshot())}`);
    await sleep(25);
  }
}

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${label}: ${err instanceof Error ? err.message : String(err)} (cluster: ${JSON.stringify(runtime.snapshot())})`, { cause: err });
  }
}

const healthy = (): true | undefined => {
  const s = runtime.snapshot();
  return s.phase === 'Healthy' && s.instances.every((i) => i.ready) ? true : undefined;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hikube-cluster-'));
  await chmod(root, 0o755);
  runAs = await resolveRunAs();
  runtime = new PgClusterRuntime({
    root: join(root, 'demo'),
    baseName: 'postgres-demo',
    templateRoot: join(root, 'templates'),
    runAs,
    ...(process.env['HIKUBE_DEBUG'] ? { log: (m: string) => console.log(m) } : {}),
  });
});

afterAll(async () => {
  await runtime.destroy().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

describe('a replicated cluster on real PostgreSQL', () => {
  it('creates 3 instances over three sites with one synchronous standby', async () => {
    await runtime.ensure(base());
    const s = runtime.snapshot();
    expect(s.instances.map((i) => [i.name, i.site, i.role, i.ready])).toEqual([
      ['postgres-demo-1', 'gland', 'primary', true],
      ['postgres-demo-2', 'lucerne', 'standby', true],
      ['postgres-demo-3', 'geneva', 'standby', true],
    ]);
    expect(s.synchronous).toEqual({ number: 1, names: ['postgres-demo-2', 'postgres-demo-3'], value: 'ANY 1 ("postgres-demo-2", "postgres-demo-3")' });
    const rep = await until('both standbys in the quorum', async () => {
      const r = await runtime.replication();
      return r.length === 2 && r.every((x) => x.state === 'streaming') ? r : undefined;
    });
    expect(rep.map((r) => [r.applicationName, r.syncState])).toEqual([
      ['postgres-demo-2', 'quorum'],
      ['postgres-demo-3', 'quorum'],
    ]);
  });

  it('writes through rw and reads through ro; readonly cannot write', async () => {
    const { rw, ro } = runtime.snapshot().proxies;
    await step('create and fill a table through rw', async () => {
      await sql(rw, 'CREATE TABLE ledger (id int primary key)');
      await sql(rw, 'INSERT INTO ledger SELECT generate_series(1, 10)');
    });
    const rows = await until('rows on a standby', async () => {
      const r = await sql<{ n: number }>(ro, 'SELECT count(*)::int AS n FROM ledger', [], 'reader', 'reader-pass-1');
      return r[0]?.n === 10 ? r : undefined;
    });
    expect(rows).toEqual([{ n: 10 }]);
    // ro spreads over both standbys; the one outside the commit quorum may still be replaying
    const inRecovery = await until('ro answers from a standby', () =>
      sql<{ r: boolean }>(ro, 'SELECT pg_is_in_recovery() AS r', [], 'reader', 'reader-pass-1'),
    );
    expect(inRecovery).toEqual([{ r: true }]);
    const denied = await sql(rw, 'INSERT INTO ledger VALUES (1000)', [], 'reader', 'reader-pass-1').catch((e: unknown) => e);
    expect((denied as { code?: string }).code).toBe('42501');
  });

  it('kill -9 of the primary: a new primary takes writes on the same rw port, no acknowledged commit lost', async () => {
    const before = runtime.snapshot();
    const oldPrimary = before.instances.find((i) => i.role === 'primary');
    if (!oldPrimary?.pid) throw new Error('no primary pid');
    const acked: number[] = [];
    let stop = false;
    const writer = (async () => {
      let id = 100;
      const c = client(before.proxies.rw);
      let connected = false;
      while (!stop) {
        try {
          if (!connected) {
            await c.connect().catch(() => undefined);
            connected = true;
          }
          await c.query('INSERT INTO ledger VALUES ($1)', [id]);
          acked.push(id);
          id++;
        } catch {
          return;
        }
      }
      await c.end().catch(() => undefined);
    })();
    await until('some acknowledged writes', () => (acked.length >= 20 ? true : undefined));
    process.kill(oldPrimary.pid, 'SIGKILL');
    await writer.catch(() => undefined);
    stop = true;
    await sql(before.proxies.rw, 'INSERT INTO ledger VALUES (99999)');
    const after = runtime.snapshot();
    expect(after.primary).not.toBe(oldPrimary.name);
    expect(after.proxies.rw).toBe(before.proxies.rw);
    const ids = new Set((await sql<{ id: number }>(before.proxies.rw, 'SELECT id FROM ledger')).map((r) => r.id));
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has(99999)).toBe(true);
    await until('old primary back as a streaming standby', healthy);
    const rejoined = runtime.snapshot().instances.find((i) => i.name === oldPrimary.name);
    expect(rejoined).toMatchObject({ role: 'standby', ready: true });
  });

  it('takes a site down and back up', async () => {
    const primarySite = runtime.snapshot().instances.find((i) => i.role === 'primary')?.site ?? 'gland';
    await runtime.site('down', primarySite);
    const down = await until('failover away from the lost site', () => {
      const s = runtime.snapshot();
      const p = s.instances.find((i) => i.role === 'primary');
      return p && p.site !== primarySite && p.ready ? s : undefined;
    });
    expect(down.instances.filter((i) => i.site === primarySite).map((i) => i.reason)).toEqual(['SiteDown']);
    await sql(down.proxies.rw, 'INSERT INTO ledger VALUES (100000)');
    await runtime.site('up', primarySite);
    await until('the site rejoins', healthy);
  });

  it('fences and replaces a primary that is alive but silent (SIGSTOP)', async () => {
    const before = runtime.snapshot();
    const frozen = before.instances.find((i) => i.role === 'primary');
    if (!frozen?.pid) throw new Error('no primary');
    process.kill(frozen.pid, 'SIGSTOP');
    try {
      await until('a new primary', () => {
        const s = runtime.snapshot();
        return s.primary !== frozen.name && s.primaryReady ? true : undefined;
      });
    } finally {
      try {
        process.kill(frozen.pid, 'SIGCONT');
      } catch {
        // fenced: already killed
      }
    }
    await sql(before.proxies.rw, 'INSERT INTO ledger VALUES (100001)');
    await until('healthy again', healthy);
  });

  it('scales 3 -> 5 -> 2, never removing the primary', async () => {
    await runtime.ensure(base({ replicas: 5 }));
    let s = runtime.snapshot();
    expect(s.instances.map((i) => i.site)).toEqual(['gland', 'lucerne', 'geneva', 'gland', 'lucerne']);
    expect(s.instances.every((i) => i.ready)).toBe(true);
    const primary = s.primary;
    await runtime.ensure(base({ replicas: 2 }));
    s = runtime.snapshot();
    expect(s.instances).toHaveLength(2);
    expect(s.primary).toBe(primary);
    expect(s.synchronous.number).toBe(1);
    await until('healthy at 2', healthy);
  });

  it('applies a reloadable parameter and a restart parameter (rolling, with a switchover)', async () => {
    const { rw } = runtime.snapshot().proxies;
    await runtime.ensure(base({ replicas: 2, parameters: { max_connections: '60', work_mem: '7MB' } }));
    expect(await sql(rw, "SELECT current_setting('work_mem') AS v")).toEqual([{ v: '7MB' }]);
    const primaryBefore = runtime.snapshot().primary;
    await runtime.ensure(base({ replicas: 2, parameters: { max_connections: '70', work_mem: '7MB' } }));
    expect(await sql(rw, "SELECT current_setting('max_connections') AS v")).toEqual([{ v: '70' }]);
    expect(runtime.snapshot().primary).not.toBe(primaryBefore);
    await until('healthy after the rolling restart', healthy);
    // lowering a hot-standby minimum restarts the primary first, in place
    const primaryNow = runtime.snapshot().primary;
    await runtime.ensure(base({ replicas: 2, parameters: { max_connections: '65', work_mem: '7MB' } }));
    expect(await sql(rw, "SELECT current_setting('max_connections') AS v")).toEqual([{ v: '65' }]);
    expect(runtime.snapshot().primary).toBe(primaryNow);
    await until('healthy after lowering', healthy);
  });

  it('refuses a parameter value PostgreSQL would not start with, before any instance reads it (issue 18, found by the property suite)', async () => {
    const { rw } = runtime.snapshot().proxies;
    await expect(runtime.ensure(base({ replicas: 2, parameters: { max_connections: '65', work_mem: '7MB', statement_timeout: '3MB' } }))).rejects.toThrow(
      /PostgreSQL refuses the value of statement_timeout = "3MB" \(.+\); fix spec\.postgresql\.parameters/,
    );
    expect(await sql(rw, "SELECT current_setting('statement_timeout') AS v")).toEqual([{ v: '0' }]);
    // the previous file is back: a later change goes through
    await runtime.ensure(base({ replicas: 2, parameters: { max_connections: '65', work_mem: '7MB', statement_timeout: '7s' } }));
    expect(await sql(rw, "SELECT current_setting('statement_timeout') AS v")).toEqual([{ v: '7s' }]);
  });

  it('drops a removed user and database; a new user can log in', async () => {
    const { rw } = runtime.snapshot().proxies;
    await runtime.ensure(
      base({
        replicas: 2,
        parameters: { max_connections: '65', work_mem: '7MB' },
        roles: {
          users: { app: { password: 'app-pass-1' }, other: { password: 'other-pass' } },
          databases: { shop: { admins: ['app', 'other'], readonly: [], extensions: [] } },
        },
      }),
    );
    expect(await sql(rw, 'SELECT current_user AS u', [], 'other', 'other-pass')).toEqual([{ u: 'other' }]);
    const gone = await sql(rw, 'SELECT 1', [], 'reader', 'reader-pass-1').catch((e: unknown) => e);
    expect((gone as { code?: string }).code).toBe('28P01');
  });

  const incarnations = (): string[] => runtime.snapshot().instances.map((i) => i.incarnation);
  const member = (name: string): InstanceSnapshot | undefined => runtime.snapshot().instances.find((i) => i.name === name);
  const someStandby = (): InstanceSnapshot => {
    const standby = runtime.snapshot().instances.find((i) => i.role === 'standby');
    if (!standby?.pid) throw new Error('no running standby');
    return standby;
  };
  /** Wait until `name` is a ready standby on a new data directory (a new pod), and the cluster healthy. */
  const recloned = async (name: string, before: readonly string[]): Promise<void> => {
    const at = runtime.snapshot().instances.findIndex((i) => i.name === name);
    await until(`${name} re-cloned`, () => {
      const i = member(name);
      return i?.ready && i.incarnation !== before[at] ? true : undefined;
    });
    await until('healthy after re-clone', healthy);
    // only the damaged instance became a new pod
    expect(incarnations().filter((_, n) => n !== at)).toEqual(before.filter((_, n) => n !== at));
  };

  it('restarts a killed standby in place: same data directory, same pod', async () => {
    const before = incarnations();
    const standby = someStandby();
    process.kill(standby.pid ?? 0, 'SIGKILL');
    await until('the standby restarted', () => {
      const i = member(standby.name);
      return i?.ready && i.pid !== standby.pid ? true : undefined;
    });
    expect(incarnations()).toEqual(before);
  });

  it('re-clones a running standby whose data directory loses files, instead of reporting it healthy', async () => {
    const before = incarnations();
    const standby = someStandby();
    // PostgreSQL keeps running without global/ until it next needs pg_control: the runtime must look
    await rm(join(root, 'demo', standby.name, 'data', 'global'), { recursive: true, force: true });
    await recloned(standby.name, before);
  });

  it('re-clones a standby damaged while it was stopped, instead of restarting it on the broken directory', async () => {
    const before = incarnations();
    const standby = someStandby();
    // The site going down stops the standby and keeps it stopped: the damage lands while it is down,
    // with no race against the runtime's restart.
    await runtime.site('down', standby.site);
    await until('the standby stopped', () => (member(standby.name)?.pid === undefined ? true : undefined));
    await rm(join(root, 'demo', standby.name, 'data', 'global'), { recursive: true, force: true });
    await runtime.site('up', standby.site);
    await recloned(standby.name, before);
  });

  it('fails over from a primary whose data directory loses files, then re-clones it as a standby', async () => {
    const before = incarnations();
    const damaged = runtime.snapshot().instances.find((i) => i.role === 'primary');
    if (!damaged) throw new Error('no primary');
    await rm(join(root, 'demo', damaged.name, 'data', 'global'), { recursive: true, force: true });
    await until('a new primary', () => {
      const s = runtime.snapshot();
      return s.primary !== damaged.name && s.primaryReady ? true : undefined;
    });
    await recloned(damaged.name, before);
    expect(member(damaged.name)?.role).toBe('standby');
    await sql(runtime.snapshot().proxies.rw, 'INSERT INTO ledger VALUES (100002)');
  });

  it('adopts running postmasters after a crash of the runtime', async () => {
    const before = runtime.snapshot();
    await runtime.detach();
    runtime = new PgClusterRuntime({ root: join(root, 'demo'), baseName: 'postgres-demo', templateRoot: join(root, 'templates'), runAs });
    expect(await runtime.open()).toBe(true);
    await until('healthy after adoption', healthy);
    const after = runtime.snapshot();
    expect(after.instances.map((i) => i.pid)).toEqual(before.instances.map((i) => i.pid));
    expect(after.instances.map((i) => i.incarnation)).toEqual(before.instances.map((i) => i.incarnation));
    expect(after.primary).toBe(before.primary);
  });

  it('survives a restart of the runtime without losing data', async () => {
    const before = runtime.snapshot();
    await runtime.close();
    runtime = new PgClusterRuntime({
      root: join(root, 'demo'),
      baseName: 'postgres-demo',
      templateRoot: join(root, 'templates'),
      runAs,
      ...(process.env['HIKUBE_DEBUG'] ? { log: (m: string) => console.log(m) } : {}),
    });
    expect(await runtime.open()).toBe(true);
    await until('healthy after reopening', healthy);
    const after = runtime.snapshot();
    expect(after.primary).toBe(before.primary);
    expect(after.instances.map((i) => i.incarnation)).toEqual(before.instances.map((i) => i.incarnation));
    expect(after.proxies.rw).toBe(before.proxies.rw);
    const rows = await sql<{ n: number }>(after.proxies.rw, 'SELECT count(*)::int AS n FROM ledger WHERE id IN (99999, 100000, 100001)');
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('destroy stops every process and removes the data', async () => {
    const pids = runtime
      .snapshot()
      .instances.map((i) => i.pid)
      .filter((p): p is number => p !== undefined);
    await runtime.destroy();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(access(join(root, 'demo'))).rejects.toThrow();
  });
});

// Issue 18, "keep probing", with real PostgreSQL (engine driver): a small property over one
// standalone cluster. Each run gives the cluster generated users, databases and parameters at the
// edge of the rules (63-character names, dots, hyphens, upper case) and then reads PostgreSQL
// itself: the roles are exactly the platform's, the declared users and each database's two roles;
// the settings taken from the configuration file are the platform's and the declared ones, no more.
// A few runs only (each waits for a reconcile); HIKUBE_PROPERTY_SEED / HIKUBE_PROPERTY_RUNS as in
// hostile-input.e2e.test.ts.

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PARAMS_CONF } from '../engine/pg-conf.js';
import { propertyRuns } from '../testing/property-runs.js';
import { startHikubeLocal, type HikubeLocal } from './start-hikube-local.js';

const NAME = 'roles';
const PROBE = { user: 'probe', password: 'probe-secret-7c1e' };

let parent: string;
let local: HikubeLocal;
let client: HikubeClient;
let platformRoles: string[];
let platformSettings: string[];

async function asProbe<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const { rw } = await client.postgres.endpoints(NAME);
  const c = new pg.Client({ host: '127.0.0.1', port: rw.port, user: PROBE.user, password: PROBE.password, database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const rolesNow = (): Promise<string[]> =>
  asProbe(async (c) => (await c.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1")).rows.map((r) => r.rolname));
const fileSettingsNow = (): Promise<string[]> =>
  asProbe(async (c) =>
    (await c.query<{ name: string }>("SELECT name FROM pg_settings WHERE source = 'configuration file' ORDER BY 1")).rows.map((r) => r.name),
  );

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'hl-roles-'));
  chmodSync(parent, 0o755); // the postgres OS user passes through to its instance directories
  local = await startHikubeLocal({ dataDir: join(parent, 'd'), port: 0, driver: 'engine' });
  client = createClient({ kubeconfig: local.kubeconfigPath });
  await client.postgres.create({ metadata: { name: NAME }, spec: { replicas: 1, version: 'v15', users: { [PROBE.user]: { password: PROBE.password } } } });
  await client.postgres.waitForReady(NAME, { timeout: 120_000 });
  platformRoles = (await rolesNow()).filter((r) => r !== PROBE.user);
  platformSettings = await fileSettingsNow();
}, 180_000);

afterAll(async () => {
  await client?.postgres.delete(NAME, { wait: true, waitTimeout: 60_000 });
  await client?.close();
  await local?.stop();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

/**
 * Waits until the controller reports `generation` released: the platform has no observedGeneration,
 * but its Ready names the Helm revision (one per generation here).
 */
async function appliedGeneration(generation: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await local.idle();
    const status = (await client.postgres.get(NAME)).status;
    const ready = status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status === 'True' && Number(/\.v(\d+) with chart/.exec(ready.message ?? '')?.[1] ?? 0) >= generation) return;
    if (Date.now() > deadline) throw new Error(`generation ${generation} not applied: ${JSON.stringify(ready)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Names the rules allow but PostgreSQL must quote: case, dots, hyphens, the longest allowed. */
const userName = fc.constantFrom('app', 'Upper', 'a.b', 'x-y', 'u_1', 'u'.repeat(63), '9lives', 'constructor', 'toString');
const databaseName = fc.constantFrom('shop', 'a.b', 'x-y', 'D2', 'd'.repeat(54), 'constructor', 'valueOf');
/** Parameters with values PostgreSQL takes (a refused value is the pinned case below). */
const parameters = fc
  .uniqueArray(
    fc.constantFrom(
      ['work_mem', fc.constantFrom('8MB', '64kB', 4096)],
      ['statement_timeout', fc.constantFrom(0, '5s', 250)],
      ['log_min_duration_statement', fc.constantFrom(-1, '1s')],
      ['idle_in_transaction_session_timeout', fc.constantFrom(0, '10s')],
    ),
    { maxLength: 3, selector: ([name]) => name },
  )
  .chain((pairs) => fc.tuple(...pairs.map(([name, value]) => fc.tuple(fc.constant(name), value))))
  .map((entries) => Object.fromEntries(entries) as Record<string, string | number>);
const change = fc.record({
  users: fc.uniqueArray(userName, { maxLength: 3 }),
  databases: fc.uniqueArray(databaseName, { maxLength: 2 }),
  parameters,
});

it('creates in PostgreSQL exactly the roles and settings the object asks for, no others', async () => {
  let previous: { users: string[]; databases: string[]; parameters: string[] } = { users: [], databases: [], parameters: [] };
  await fc.assert(
    fc.asyncProperty(change, async ({ users, databases, parameters }) => {
      // A merge patch: what the previous run declared and this one does not is removed with null.
      const removed = (old: string[], now: string[]): Record<string, null> => Object.fromEntries(old.filter((n) => !now.includes(n)).map((n) => [n, null]));
      await client.postgres.patch(NAME, {
        spec: {
          users: { ...removed(previous.users, users), ...Object.fromEntries(users.map((u) => [u, {}])) },
          databases: { ...removed(previous.databases, databases), ...Object.fromEntries(databases.map((d) => [d, { roles: { admin: users.slice(0, 1) } }])) },
          postgresql: { parameters: { ...removed(previous.parameters, Object.keys(parameters)), ...parameters } },
        },
      });
      previous = { users, databases, parameters: Object.keys(parameters) };
      await appliedGeneration((await client.postgres.get(NAME)).metadata.generation ?? 0);
      const roles = [...platformRoles, PROBE.user, ...users, ...databases.flatMap((d) => [`${d}_admin`, `${d}_readonly`])].sort();
      expect(await rolesNow()).toEqual([...new Set(roles)].sort());
      const settings = await fileSettingsNow();
      expect(
        settings.filter((s) => !platformSettings.includes(s) && !(s in parameters)),
        'settings not asked for',
      ).toEqual([]);
      expect(
        Object.keys(parameters).filter((p) => !settings.includes(p)),
        'settings asked for, not applied',
      ).toEqual([]);
    }),
    propertyRuns(8),
  );
}, 300_000);

it('refuses a parameter value PostgreSQL would not start with: status names it, the file keeps the previous value (found by the property)', async () => {
  const before = await asProbe(async (c) => (await c.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout);
  await client.postgres.patch(NAME, { spec: { postgresql: { parameters: { statement_timeout: '3MB' } } } });
  await local.idle();
  const ready = (await client.postgres.get(NAME)).status?.conditions?.find((c) => c.type === 'Ready');
  expect(ready).toMatchObject({
    status: 'False',
    reason: 'UpgradeFailed',
    message: expect.stringMatching(
      /^Helm upgrade failed for release .* with chart postgres@0\.18\.0: .*PostgreSQL refuses the value of statement_timeout = "3MB"/s,
    ),
  });
  expect(await asProbe(async (c) => (await c.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout)).toBe(before);
  // what the next start reads: every instance's parameter file, none holding the refused value
  const files = readdirSync(parent, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(PARAMS_CONF));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(readFileSync(join(parent, f), 'utf8')).not.toContain('3MB');
  // the fix is taken at once
  await client.postgres.patch(NAME, { spec: { postgresql: { parameters: { statement_timeout: '7s' } } } });
  await local.idle();
  await client.postgres.waitForReady(NAME, { timeout: 60_000 });
  expect(await asProbe(async (c) => (await c.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]?.statement_timeout)).toBe('7s');
}, 120_000);

// The example as a user runs it (`node dist/main.js` with KUBECONFIG), against Hikube Local's
// engine driver: real PostgreSQL primary and standbys behind real rw/ro endpoints.
import { execFile } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startHikubeLocal, type HikubeLocal } from '@hikube/local';
import { createClient, NotFoundError, type HikubeClient, type PostgresSpec } from '@hikube/sdk/kubernetes';
import { createTempDir, ProcessTracker, type TempDir } from '@hikube/testkit';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { quickStart } from './quick-start.js';

const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const name = 'demo';
// The child sees only what each case sets: none of the example's variables or libpq's PG* from the shell.
const inheritedEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(POSTGRES_NAME|POSTGRES_VERSION|KUBE_CONTEXT|RW_ADDRESS|RO_ADDRESS|KUBECONFIG|PG\w+)$/.test(key)),
);

describe('examples/sdk-node against Hikube Local (real PostgreSQL)', () => {
  let dir: TempDir;
  let local: HikubeLocal;
  let client: HikubeClient;
  let version: string;
  const tracker = new ProcessTracker();
  let failed = false;

  const runMain = (args: string[], env: Record<string, string> = {}) =>
    tracker.run(process.execPath, [mainScript, ...args], { env: { ...inheritedEnv, KUBECONFIG: local.kubeconfigPath, ...env }, timeoutMs: 75_000 });

  beforeAll(async () => {
    // The engine runs the PostgreSQL major installed here (Debian's), not the platform default.
    const { stdout } = await promisify(execFile)('pg_config', ['--version']);
    version = `v${/PostgreSQL (\d+)/.exec(stdout)?.[1] ?? ''}`;
    // Short, traversable paths: PostgreSQL (run as the unprivileged `postgres` user) puts its
    // socket under the data dir, and a socket path is limited to 107 bytes.
    dir = await createTempDir('sn');
    await chmod(dir.path, 0o755);
    local = await startHikubeLocal({ dataDir: join(dir.path, 'l'), port: 0, driver: 'engine' });
    client = createClient({ kubeconfig: local.kubeconfigPath });
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    await tracker.stopAll();
    await client?.close();
    await local?.stop();
    await dir?.remove({ failed });
  });

  it('refuses bad flags before sending anything', async () => {
    const cases = [
      { given: ['--name', 'Orders_DB'], want: /--name "Orders_DB" is not a DNS-1035 label/ },
      { given: ['--version', 'v9'], want: /--version "v9"/ },
      { given: ['--ro-address', 'localhost'], want: /--ro-address "localhost" must be host:port/ },
    ];
    const before = local.requestCount();
    for (const { given, want } of cases) {
      const result = await runMain(given);
      expect(result.exitCode, given.join(' ')).toBe(2);
      expect(result.stderr).toMatch(want);
    }
    expect(local.requestCount()).toBe(before);
  });

  it('creates the cluster, writes through rw, reads from ro and lists instances with zones and roles', async () => {
    const result = await runMain(['--name', name, '--version', version]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`Postgres "${name}" in namespace "tenant-demo": created`);
    expect(out).toMatch(/^Ready after [\d.]+ s$/m);
    expect(out).toMatch(/^Wrote 3 rows through rw 127\.0\.0\.1:\d+ as "app"$/m);
    expect(out).toMatch(/^Read 3 rows from ro 127\.0\.0\.1:\d+ \(a standby\):$/m);
    const run = /first row of run (\w+)/.exec(out)?.[1];
    expect(out).toContain(`  first row of run ${run}\n  second row of run ${run}\n  third row of run ${run}\n`);

    const listed = [...out.matchAll(/^ {2}(postgres-demo-\d) +(\S+) +(\S+) +ready$/gm)].map(([, pod, zone, role]) => ({ pod, zone, role }));
    expect(listed.map((instance) => instance.zone).sort()).toEqual(['geneva', 'gland', 'lucerne']);
    expect(listed.map((instance) => instance.role).sort()).toEqual(['primary', 'replica', 'replica']);
    const instances = await client.postgres.instances(name);
    expect(listed).toEqual(instances.map(({ pod, zone, role }) => ({ pod, zone, role })));

    // The generated password is used, never printed.
    const credentials = await client.postgres.credentials(name);
    expect(credentials['app']).toBeTruthy();
    expect(out).not.toContain(credentials['app']);

    // The rows are on the standbys behind ro, as the example said.
    const standby = new Client({ connectionString: await client.postgres.connectionString(name, { user: 'app', database: 'shop', endpoint: 'ro' }) });
    await standby.connect();
    try {
      const { rows } = await standby.query<{ message: string; standby: boolean }>(
        'SELECT message, pg_is_in_recovery() AS standby FROM greetings WHERE run = $1 ORDER BY id',
        [run],
      );
      expect(rows).toEqual(['first', 'second', 'third'].map((word) => ({ message: `${word} row of run ${run}`, standby: true })));
    } finally {
      await standby.end();
    }
  }, 80_000);

  it('reuses the cluster on a second run (name and addresses from the environment) and deletes it with --delete', async () => {
    const endpoints = await client.postgres.endpoints(name);
    const address = (endpoint: { host: string; port: number } | undefined) => `${endpoint?.host}:${endpoint?.port}`;
    const result = await runMain(['--delete'], { POSTGRES_NAME: name, RW_ADDRESS: address(endpoints.rw), RO_ADDRESS: address(endpoints.ro) });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Postgres "${name}" in namespace "tenant-demo": exists, reusing it`);
    expect(result.stdout).toContain(`Wrote 3 rows through rw ${address(endpoints.rw)}`);
    expect(result.stdout).toContain(`Read 3 rows from ro ${address(endpoints.ro)} (a standby):`);
    expect(result.stdout).toContain(`Deleted Postgres "${name}"`);
    await expect(client.postgres.get(name)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('runs the README quick start: a Ready cluster over three zones and a connection string that works', async () => {
    const previous = process.env['KUBECONFIG'];
    process.env['KUBECONFIG'] = local.kubeconfigPath;
    const printed: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
    try {
      const uri = await quickStart('quick', version as PostgresSpec['version']);
      expect(printed.map(([, zone]) => zone).sort()).toEqual(['geneva', 'gland', 'lucerne']);
      expect(printed.map(([, , role]) => role).sort()).toEqual(['primary', 'replica', 'replica']);
      const primary = new Client({ connectionString: uri });
      await primary.connect();
      try {
        const { rows } = await primary.query<{ user: string; standby: boolean }>('SELECT current_user AS user, pg_is_in_recovery() AS standby');
        expect(rows).toEqual([{ user: 'app', standby: false }]);
      } finally {
        await primary.end();
      }
      await client.postgres.delete('quick', { wait: true });
    } finally {
      log.mockRestore();
      if (previous === undefined) delete process.env['KUBECONFIG'];
      else process.env['KUBECONFIG'] = previous;
    }
  }, 80_000);
});

// Issue 18, secrets at rest: with the engine driver (real PostgreSQL, run as the `postgres` OS
// user when we are root) and a cluster whose user has a password (and whose PostgreSQL serves TLS
// with a key of its own, issue 13), no other local user can read a file or list a directory of the
// data directory, nor of the temp-dir root the engine falls back to when the data directory sits
// behind a private parent; checked from the modes and as `nobody`.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesNotOwnerOnly, listPathModes, openToOthers } from '../files/path-modes.js';
import { startHikubeLocal, type HikubeLocal } from './start-hikube-local.js';

const run = promisify(execFile);
const PASSWORD = 'at-rest-7f3c9e1d';

/** Runs `args` as the `nobody` user: resolves true when it succeeded. */
const asNobody = (args: string[]): Promise<boolean> =>
  run('runuser', ['-u', 'nobody', '--', ...args]).then(
    () => true,
    () => false,
  );

/** Where the engine puts the instances of a data directory the postgres user cannot reach. */
const fallbackRoot = (dataDir: string): string => join(tmpdir(), 'hikube-local-engine', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));

describe.each([
  { layout: 'a data directory the postgres user reaches', parentMode: 0o755 },
  { layout: 'a data directory behind a private parent (instances in the temp dir)', parentMode: 0o700 },
])('secrets at rest with the engine driver: $layout', ({ parentMode }) => {
  let parent: string;
  let dataDir: string;
  let local: HikubeLocal;
  let client: HikubeClient;
  /** The directories holding this server's files: the data directory, and the fallback root if used. */
  let roots: string[];

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'hl-rest-'));
    chmodSync(parent, parentMode);
    dataDir = join(parent, 'd');
    local = await startHikubeLocal({ dataDir, port: 0, driver: 'engine' });
    client = createClient({ kubeconfig: local.kubeconfigPath });
    await client.postgres.create({
      metadata: { name: 'vault' },
      spec: { replicas: 2, version: 'v15', users: { app: { password: PASSWORD } }, databases: { shop: { roles: { admin: ['app'] } } } },
    });
    await client.postgres.waitForReady('vault', { timeout: 120_000 });
    roots = [dataDir, ...(existsSync(fallbackRoot(dataDir)) ? [fallbackRoot(dataDir)] : [])];
  }, 180_000);

  afterAll(async () => {
    // deleting the cluster stops its instances and removes their files, socket directories included
    await client?.postgres.delete('vault', { wait: true, waitTimeout: 60_000 });
    await client?.close();
    await local?.stop();
    if (dataDir) {
      rmSync(fallbackRoot(dataDir), { recursive: true, force: true });
      // the shared parent only when empty: without a TMPDIR of our own, other servers' instances live there
      try {
        rmdirSync(dirname(fallbackRoot(dataDir)));
      } catch (err) {
        if (!['ENOENT', 'ENOTEMPTY'].includes((err as { code?: string }).code ?? '')) throw err;
      }
    }
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('holds the password in the store log, which only its owner can read', async () => {
    const log = join(dataDir, 'store', 'store.log');
    expect(readFileSync(log, 'utf8')).toContain(PASSWORD);
    chmodSync(parent, 0o755); // only the data directory's own modes stand between nobody and the log
    try {
      expect(await asNobody(['cat', log])).toBe(false);
      expect(await asNobody(['ls', dataDir])).toBe(false);
      expect(await asNobody(['ls', join(dataDir, 'store')])).toBe(false);
    } finally {
      chmodSync(parent, parentMode);
    }
  });

  it('leaves no file readable and no directory listable by another local user', async () => {
    expect(roots.length).toBe(parentMode === 0o700 ? 2 : 1);
    const paths = (await Promise.all(roots.map((r) => listPathModes(r)))).flat();
    expect(paths.some((p) => p.path.endsWith('/postgresql.conf'))).toBe(true); // the walk reached the instances
    expect(openToOthers(paths)).toEqual([]);
    expect(filesNotOwnerOnly(paths)).toEqual([]);
    // and the roots themselves let no other user in, whatever the directories above them allow
    expect(paths.filter((p) => roots.includes(p.path)).map((p) => ({ root: p.path, others: p.mode & 0o007 }))).toEqual(
      roots.map((root) => ({ root, others: 0 })),
    );
  });

  it("keeps PostgreSQL's TLS key and certificate 0600, owned by the PostgreSQL user, in a 0700 directory of their own", async () => {
    const postgresUid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const paths = (await Promise.all(roots.map((r) => listPathModes(r)))).flat();
    const tls = paths
      .filter((p) => /\/tls(\/server\.(crt|key))?$/.test(p.path))
      .map((p) => ({ name: p.path.slice(p.path.lastIndexOf('/tls')), mode: p.mode, uid: p.uid }));
    // PostgreSQL refuses a key file others can read; our rule is stricter: owner-only, as every file here
    expect(tls).toEqual([
      { name: '/tls', mode: 0o700, uid: postgresUid },
      { name: '/tls/server.crt', mode: 0o600, uid: postgresUid },
      { name: '/tls/server.key', mode: 0o600, uid: postgresUid },
    ]);
    const key = paths.find((p) => p.path.endsWith('/tls/server.key'))?.path ?? '';
    expect(await asNobody(['cat', key])).toBe(false);
  });
});

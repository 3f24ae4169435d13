// Issue 18, secrets at rest: with the engine driver (real PostgreSQL, run as the `postgres` OS
// user when we are root) and a cluster whose user has a password, no other local user can read
// a file or list a directory of the data directory; checked from the modes and as `nobody`.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type HikubeClient } from '@hikube/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesNotOwnerOnly, listPathModes, openToOthers } from '../files/path-modes.js';
import { startHikubeLocal, type HikubeLocal } from './start-hikube-local.js';

const run = promisify(execFile);
const PASSWORD = 'at-rest-7f3c9e1d';

/** Runs `args` as the `nobody` user: resolves true when it succeeded. */
const asNobody = (args: string[]): Promise<boolean> => run('runuser', ['-u', 'nobody', '--', ...args]).then(() => true, () => false);

let dataDir: string;
let local: HikubeLocal;
let client: HikubeClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hl-rest-'));
  local = await startHikubeLocal({ dataDir, port: 0, driver: 'engine' });
  client = createClient({ kubeconfig: local.kubeconfigPath });
  await client.postgres.create({ metadata: { name: 'vault' }, spec: { replicas: 2, version: 'v15', users: { app: { password: PASSWORD } }, databases: { shop: { roles: { admin: ['app'] } } } } });
  await client.postgres.waitForReady('vault', { timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await client?.close();
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets at rest under the data directory (engine driver)', () => {
  it('holds the password in the store log, which only its owner can read', async () => {
    const log = join(dataDir, 'store', 'store.log');
    expect(readFileSync(log, 'utf8')).toContain(PASSWORD);
    expect(await asNobody(['cat', log])).toBe(false);
    expect(await asNobody(['ls', dataDir])).toBe(false);
    expect(await asNobody(['ls', join(dataDir, 'store')])).toBe(false);
  });

  it('leaves no file readable and no directory listable by another local user', async () => {
    const paths = await listPathModes(dataDir);
    expect(paths.some((p) => p.path.endsWith('/postgresql.conf'))).toBe(true); // the walk reached the instances
    expect(openToOthers(paths)).toEqual([]);
    expect(filesNotOwnerOnly(paths)).toEqual([]);
  });
});

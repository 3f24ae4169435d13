// The extensions an installed PostgreSQL offers. `pg_available_extensions` lists one row per
// `<name>.control` file of the server's `SHAREDIR/extension`; reading that directory gives the same
// list without a running server (the public API's catalog is needed before any cluster exists).
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PgBinaries } from './pg-binaries.js';

const run = promisify(execFile);

/** The share directory of these binaries, from their own pg_config (the one on PATH may be another major's). */
async function shareDir(binaries: PgBinaries): Promise<string> {
  const { stdout } = await run(join(binaries.bindir, 'pg_config'), ['--sharedir']);
  return stdout.trim();
}

/** What `SELECT name FROM pg_available_extensions` answers on a server of these binaries, sorted. */
export async function availableExtensions(binaries: PgBinaries): Promise<string[]> {
  const entries = await readdir(join(await shareDir(binaries), 'extension'));
  return entries
    .filter((entry) => entry.endsWith('.control'))
    .map((entry) => entry.slice(0, -'.control'.length))
    .sort();
}

/** The extensions every installed major offers, so a database of any cluster can enable them. */
export async function extensionsOfEveryMajor(installed: readonly PgBinaries[]): Promise<string[]> {
  const lists = await Promise.all(installed.map((binaries) => availableExtensions(binaries)));
  const [first = [], ...rest] = lists;
  return first.filter((name) => rest.every((list) => list.includes(name)));
}

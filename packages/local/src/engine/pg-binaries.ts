import { execFile } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PgMajorMissingError } from './errors.js';

const run = promisify(execFile);

/** Where one installed PostgreSQL major keeps its server binaries. */
export interface PgBinaries {
  readonly major: number;
  readonly bindir: string;
  path(tool: 'postgres' | 'initdb' | 'pg_basebackup' | 'pg_rewind' | 'pg_controldata'): string;
}

const SERVER_TOOLS = ['postgres', 'initdb', 'pg_basebackup', 'pg_rewind'] as const;

function makeBinaries(major: number, bindir: string): PgBinaries {
  return { major, bindir, path: (tool) => join(bindir, tool) };
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function hasServerTools(bindir: string): Promise<boolean> {
  for (const tool of SERVER_TOOLS) if (!(await isExecutable(join(bindir, tool)))) return false;
  return true;
}

async function majorOf(bindir: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(join(bindir, 'postgres'), ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^0-9]*/, ''));
    return m?.[1] ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Every major with a complete server toolset: Debian's /usr/lib/postgresql/<major>/bin, plus `pg_config --bindir`. */
export async function listInstalledPg(root = '/usr/lib/postgresql'): Promise<PgBinaries[]> {
  const found = new Map<number, PgBinaries>();
  let entries: string[] = [];
  try {
    entries = await readdir(root);
  } catch {
    entries = [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const bindir = join(root, e, 'bin');
    if (await hasServerTools(bindir)) found.set(Number(e), makeBinaries(Number(e), bindir));
  }
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    const bindir = stdout.trim();
    if (bindir && (await hasServerTools(bindir))) {
      const major = await majorOf(bindir);
      if (major !== undefined && !found.has(major)) found.set(major, makeBinaries(major, bindir));
    }
  } catch {
    // no pg_config on PATH: the directory scan is all we have
  }
  return [...found.values()].sort((a, b) => a.major - b.major);
}

const cache = new Map<string, Promise<PgBinaries[]>>();

/** The binaries of one major; throws PgMajorMissingError naming what is installed. */
export async function locatePg(major: number, root = '/usr/lib/postgresql'): Promise<PgBinaries> {
  let list = cache.get(root);
  if (!list) {
    list = listInstalledPg(root);
    cache.set(root, list);
  }
  const all = await list;
  const hit = all.find((b) => b.major === major);
  if (!hit)
    throw new PgMajorMissingError(
      major,
      all.map((b) => b.major),
    );
  return hit;
}

// What the engine-driver suites share: the installed PostgreSQL major, psql, and the postgres
// processes of a data directory (to prove a destroy stopped them).
import { execFile, execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PostgreSQL major this machine has (`pg_config --version`: "PostgreSQL 15.18 (Debian ...)"), as `v15`. */
export const installedMajor = `v${/PostgreSQL (\d+)/.exec(execFileSync('pg_config', ['--version'], { encoding: 'utf8' }))?.[1] ?? '15'}`;

export async function psql(uri: string, sql: string): Promise<string> {
  const { stdout } = await run('psql', [uri, '-XAtc', sql], { timeout: 30_000 });
  return stdout.trim();
}

/** Command lines of the postgres processes whose data directory is under `dir`. */
export async function postgresProcesses(dir: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'args=']);
  return stdout.split('\n').filter((line) => /\bpostgres\b/.test(line) && line.includes(` -D ${dir}`));
}

/** The postgres processes under `dir` once they are gone, or those still there after `timeoutMs`. */
export async function postgresProcessesAfterStop(dir: string, timeoutMs = 60_000): Promise<string[]> {
  let processes = await postgresProcesses(dir);
  for (const deadline = Date.now() + timeoutMs; processes.length > 0 && Date.now() < deadline;) {
    await sleep(250);
    processes = await postgresProcesses(dir);
  }
  return processes;
}

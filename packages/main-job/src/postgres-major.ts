import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MainJobError } from './main-job-errors.js';

const run = promisify(execFile);

/** `PostgreSQL 15.18 (Debian 15.18-0+deb12u1)` -> `v15`; `PostgreSQL 9.6.24` -> undefined (too old). */
export function majorFromPgConfig(output: string): string | undefined {
  const match = /PostgreSQL (\d+)(?:\.\d+)?/.exec(output);
  if (match?.[1] === undefined) return undefined;
  const major = Number(match[1]);
  return major >= 10 ? `v${major}` : undefined;
}

/**
 * The major this machine runs (Hikube Local runs real PostgreSQL from the machine), passed to the
 * example as `postgres_version`. Hikube's default, v18, is rarely installed locally.
 */
export async function installedPostgresMajor(): Promise<string> {
  const hint = 'Hikube Local runs real PostgreSQL: install the server (Debian/Ubuntu: `apt-get install postgresql`), so that `pg_config --version` answers.';
  let output: string;
  try {
    output = (await run('pg_config', ['--version'])).stdout;
  } catch (err) {
    throw new MainJobError('HIKUBE_MAIN_JOB_NO_POSTGRES', `pg_config was not found or failed. ${hint}`, { cause: err });
  }
  const major = majorFromPgConfig(output);
  if (major === undefined) throw new MainJobError('HIKUBE_MAIN_JOB_NO_POSTGRES', `pg_config reported "${output.trim()}", not a supported major. ${hint}`);
  return major;
}

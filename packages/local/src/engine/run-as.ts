import { execFile } from 'node:child_process';
import { chown, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { PgCommandFailedError } from './errors.js';

const run = promisify(execFile);

/** The OS identity PostgreSQL runs as: undefined means "the current user". */
export interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root, run it as the unprivileged `postgres`
 * user (Debian's package creates it); otherwise run as ourselves.
 */
export async function resolveRunAs(user = 'postgres'): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { user, uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch (cause) {
    throw new PgCommandFailedError(`looking up the OS user "${user}" (PostgreSQL cannot run as root; install the postgresql package, which creates it)`, {
      logTail: cause instanceof Error ? cause.message : String(cause),
    });
  }
}

/** mkdir -p, then hand the directory to the PostgreSQL user so it can write there. */
export async function makeOwnedDir(dir: string, runAs: RunAs | undefined, mode = 0o700): Promise<void> {
  // parents made here must stay traversable by the PostgreSQL user
  await mkdir(dirname(dir), { recursive: true, mode: 0o755 });
  await mkdir(dir, { recursive: true, mode });
  if (runAs) await chown(dir, runAs.uid, runAs.gid);
}

import { execFile } from 'node:child_process';
import { chmod, chown, lstat, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { EngineError, PgCommandFailedError } from './errors.js';

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

/** Owner everything, the PostgreSQL user's group traverse only, others nothing. */
const TRAVERSE_FOR_GROUP = 0o710;

/**
 * Lets the PostgreSQL user pass through `dir` (never list or read it) on its way to its own
 * instance directories; no other local user gets in. The owner stays who it is.
 */
export async function shareTraversalWith(dir: string, runAs: RunAs): Promise<void> {
  const { uid } = await stat(dir);
  await chown(dir, uid, runAs.gid);
  await chmod(dir, TRAVERSE_FOR_GROUP);
}

/**
 * shareTraversalWith for a directory in a place others can write to (the system temp dir): made
 * when missing, and refused unless it is a real directory of ours, never a link someone planted.
 */
export async function makeTraversalOnlyDir(dir: string, runAs: RunAs): Promise<void> {
  await mkdir(dir, { mode: 0o700 }).catch((err: { code?: string }) => {
    if (err.code !== 'EEXIST') throw err;
  });
  const st = await lstat(dir);
  if (!st.isDirectory() || st.uid !== process.getuid?.()) {
    throw new EngineError(
      'HIKUBE_ENGINE_DIR_NOT_OURS',
      `${dir} is ${st.isDirectory() ? `owned by uid ${st.uid}` : 'not a directory'}; remove it, or choose a data directory the PostgreSQL user can reach`,
    );
  }
  await shareTraversalWith(dir, runAs);
}

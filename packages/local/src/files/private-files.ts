// Files that may hold a secret (store records carry passwords, the PKI keys, tokens, logs) are
// owner-only from the moment they exist: the mode is given when the file is created, so there is
// no window in which another local user could open it, and a file or directory left wider by an
// earlier version is narrowed whenever it is opened again.

import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/** mkdir -p with owner-only directories; an existing directory is narrowed to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** openSync that creates the file 0600 and narrows an existing one to 0600. */
export function openPrivateSync(path: string, flags: 'a' | 'w' | 'wx'): number {
  const fd = openSync(path, flags, PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/** The promise form of openPrivateSync. */
export async function openPrivate(path: string, flags: 'a' | 'w'): Promise<FileHandle> {
  const handle = await open(path, flags, PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** Replaces `path` by a 0600 file holding `text` (write to a temporary name, then rename). */
export function writePrivateFileSync(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openPrivateSync(tmp, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Narrows an existing file to 0600; a missing one is left missing. */
export function narrowToPrivate(path: string): void {
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
  }
}

// What another local user (neither the owner nor in the group) can do with each path under a
// directory: the check the data-directory tests share. A path is reachable when every directory
// above it, up to /, lets others through; a reachable file with o+r is readable, a reachable
// directory with o+r is listable.

import { lstat, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface PathMode {
  readonly path: string;
  readonly kind: 'file' | 'directory' | 'other';
  /** Permission bits only (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Every directory above it lets others pass (o+x). */
  readonly reachableByOthers: boolean;
}

const OTHERS_READ = 0o004;
const OTHERS_PASS = 0o001;

async function ancestorsLetOthersPass(path: string): Promise<boolean> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (((await lstat(dir)).mode & OTHERS_PASS) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** Every path under `root` (root included, symbolic links not followed), parents before children. */
export async function listPathModes(root: string): Promise<PathMode[]> {
  const out: PathMode[] = [];
  const visit = async (path: string, reachable: boolean): Promise<void> => {
    let st;
    try {
      st = await lstat(path);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return; // removed while we walked (a live server)
      throw err;
    }
    const kind = st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other';
    out.push({ path, kind, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, reachableByOthers: reachable });
    if (kind !== 'directory') return;
    const children = await readdir(path).catch((err: { code?: string }) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    for (const name of children.sort()) await visit(join(path, name), reachable && (st.mode & OTHERS_PASS) !== 0);
  };
  await visit(root, await ancestorsLetOthersPass(root));
  return out;
}

/** "path (0644 file): readable by any local user" for each path others can read or list. */
export function openToOthers(paths: readonly PathMode[]): string[] {
  return paths
    .filter((p) => p.reachableByOthers && p.kind !== 'other' && (p.mode & OTHERS_READ) !== 0)
    .map((p) => `${p.path} (${p.mode.toString(8).padStart(4, '0')} ${p.kind}): ${p.kind === 'file' ? 'readable' : 'listable'} by any local user`);
}

/** "path (0644)" for each regular file with any group or other permission bit. */
export function filesNotOwnerOnly(paths: readonly PathMode[]): string[] {
  return paths.filter((p) => p.kind === 'file' && (p.mode & 0o077) !== 0).map((p) => `${p.path} (${p.mode.toString(8).padStart(4, '0')})`);
}

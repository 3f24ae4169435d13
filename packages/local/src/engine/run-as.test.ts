import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTraversalOnlyDir, shareTraversalWith, type RunAs } from './run-as.js';

// Our own identity stands in for the PostgreSQL user: chown to our own group needs no privilege.
const self: RunAs = { user: 'self', uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'hikube-run-as-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const modeAndGroup = (path: string): { mode: string; gid: number } => {
  const st = lstatSync(path);
  return { mode: (st.mode & 0o777).toString(8), gid: st.gid };
};

describe('directories the PostgreSQL user passes through', () => {
  it('narrows a wide directory to traverse-only for its group and nothing for others', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    await shareTraversalWith(dir, self);
    expect(modeAndGroup(dir)).toEqual({ mode: '710', gid: self.gid });
  });

  it('makes a missing shared directory traverse-only', async () => {
    const dir = join(tempDir(), 'engine');
    await makeTraversalOnlyDir(dir, self);
    expect(modeAndGroup(dir)).toEqual({ mode: '710', gid: self.gid });
  });

  it('refuses a link planted where the shared directory should be', async () => {
    const parent = tempDir();
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    chmodSync(elsewhere, 0o777);
    symlinkSync(elsewhere, join(parent, 'engine'));
    await expect(makeTraversalOnlyDir(join(parent, 'engine'), self)).rejects.toMatchObject({ code: 'HIKUBE_ENGINE_DIR_NOT_OURS' });
    expect(modeAndGroup(elsewhere).mode).toBe('777');
  });
});

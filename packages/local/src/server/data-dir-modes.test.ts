// The data directory's files hold the tokens, the PKI keys and (in the store) every password: they
// are owner-only from creation, and a data directory left open by an earlier version is narrowed
// when the server starts on it again.

import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { filesNotOwnerOnly, listPathModes, openToOthers, type PathMode } from '../files/path-modes.js';
import { startHikubeLocal } from './start-hikube-local.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'hikube-local-modes-'));
  dirs.push(parent);
  chmodSync(parent, 0o755); // reachable by others, so only the data directory's own modes protect it
  return join(parent, 'data');
}

const relative = (dataDir: string, paths: PathMode[]): Record<string, string> =>
  Object.fromEntries(paths.map((p) => [p.path.slice(dataDir.length) || '/', p.mode.toString(8).padStart(4, '0')]));

it('creates every file of a new data directory owner-only', async () => {
  const dataDir = newDataDir();
  const local = await startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' });
  try {
    const paths = await listPathModes(dataDir);
    expect(relative(dataDir, paths)).toEqual({
      '/': '0700',
      '/hikube.env': '0600',
      '/kubeconfig': '0600',
      '/lock': '0600',
      '/pki': '0700',
      '/pki/ca.crt': '0600',
      '/pki/ca.key': '0600',
      '/pki/server.crt': '0600',
      '/pki/server.key': '0600',
      '/projects.json': '0600',
      '/store': '0700',
      '/store/store.log': '0600',
      '/tokens.json': '0600',
    });
  } finally {
    await local.stop();
  }
});

it('narrows a data directory an earlier version left readable by others', async () => {
  const dataDir = newDataDir();
  await (await startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' })).stop();
  for (const p of await listPathModes(dataDir)) chmodSync(p.path, p.kind === 'directory' ? 0o755 : 0o644);
  expect(openToOthers(await listPathModes(dataDir))).toContain(`${join(dataDir, 'store', 'store.log')} (0644 file): readable by any local user`);

  const local = await startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' });
  try {
    const paths = await listPathModes(dataDir);
    expect(openToOthers(paths)).toEqual([]);
    expect(filesNotOwnerOnly(paths)).toEqual([]);
  } finally {
    await local.stop();
  }
});

// Planting needs another uid to give the files to: these cases run as root, as the engine's do.
const NOBODY = 65534;

it.each([
  {
    given: 'a directory another user made where the data directory should be',
    plant: (dataDir: string) => {
      mkdirSync(dataDir, { mode: 0o700 });
      chownSync(dataDir, NOBODY, NOBODY);
    },
    want: /is owned by uid 65534, not by us/,
  },
  {
    given: 'a link another user planted to a directory of ours',
    plant: (dataDir: string) => {
      const ours = `${dataDir}-ours`;
      mkdirSync(ours, { mode: 0o700 });
      symlinkSync(ours, dataDir);
      lchownSync(dataDir, NOBODY, NOBODY);
    },
    want: /is a link owned by uid 65534/,
  },
  {
    given: 'a link of ours to a directory another user owns',
    plant: (dataDir: string) => {
      const theirs = `${dataDir}-theirs`;
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, NOBODY, NOBODY);
      symlinkSync(theirs, dataDir);
    },
    want: /leads to a directory owned by uid 65534/,
  },
])('refuses $given', async ({ plant, want }) => {
  const dataDir = newDataDir();
  plant(dataDir);
  await expect(startHikubeLocal({ dataDir, port: 0, driver: 'deterministic' })).rejects.toMatchObject({
    code: 'HIKUBE_LOCAL_DATA_DIR_NOT_OURS',
    message: expect.stringMatching(want) as unknown,
  });
});

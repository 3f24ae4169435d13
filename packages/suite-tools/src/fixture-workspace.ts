import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in packages/suite-tools/src or dist). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A throwaway directory with the given files, whose node_modules is the repository's, so the
 * real vitest runs in it. Used by this package's end-to-end tests.
 */
export async function fixtureWorkspace(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fixture-'));
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

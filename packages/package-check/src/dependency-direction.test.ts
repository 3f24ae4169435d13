// Dependencies point down (STYLE.md): the test kit and the plugin framework sit below Hikube Local
// and the SDK, so neither may name them in any dependency field, directly or through another
// workspace package. Hikube Local, published, takes the test kit only as an optional peer (for its
// `testing` subpath) and a dev dependency.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

type Manifest = Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>>;

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(repositoryRoot, dir, 'package.json'), 'utf8')) as Manifest;
}

/** npm links each workspace package under the root node_modules; registry packages are copies. */
async function isWorkspacePackage(name: string): Promise<boolean> {
  const entry = await lstat(join(repositoryRoot, 'node_modules', name)).catch(() => undefined);
  return entry?.isSymbolicLink() === true;
}

/** Every package `dir` names in any dependency field (name -> how it is reached), following workspace packages. */
async function reachableDependencies(dir: string): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  const visit = async (from: string, path: string[]): Promise<void> => {
    const manifest = await manifestOf(from);
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (paths.has(name)) continue;
        const reached = [...path, `${name} (${field})`];
        paths.set(name, reached);
        if (await isWorkspacePackage(name)) await visit(join('node_modules', name), reached);
      }
    }
  };
  await visit(dir, []);
  return paths;
}

describe('dependencies point down', () => {
  it.each([
    { given: 'packages/testkit', forbidden: ['@hikube/local', '@hikube/sdk'] },
    { given: 'packages/tfplugin', forbidden: ['@hikube/local', '@hikube/sdk'] },
  ])('$given reaches none of $forbidden, directly or through a workspace package', async ({ given, forbidden }) => {
    const reached = await reachableDependencies(given);
    const found = forbidden.filter((name) => reached.has(name)).map((name) => `${given} -> ${(reached.get(name) ?? []).join(' -> ')}`);
    expect(found).toEqual([]);
  });

  it('@hikube/local ships without the test kit: an optional peer and a dev dependency only', async () => {
    const local = await manifestOf('packages/local');
    expect(local.dependencies?.['@hikube/testkit']).toBeUndefined();
    expect(local.peerDependencies?.['@hikube/testkit']).toBeDefined();
    const meta = (local as { peerDependenciesMeta?: Record<string, { optional?: boolean }> }).peerDependenciesMeta;
    expect(meta?.['@hikube/testkit']?.optional).toBe(true);
  });
});

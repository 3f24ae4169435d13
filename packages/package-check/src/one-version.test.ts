// One version across the repository: every workspace package carries the root's release version
// and pins its sibling packages to exactly it (`npm run set-version -- x.y.z` keeps it so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the repository, without declarations
import { workspacePackageFiles } from '../../../scripts/workspace-packages.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type Manifest = { name: string; version: string } & Partial<Record<'dependencies' | 'devDependencies' | 'peerDependencies', Record<string, string>>>;
const manifests = (workspacePackageFiles(root) as string[]).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Manifest);
const provider = manifests.find((m) => m.name === 'terraform-provider-hikube') as Manifest;

describe('one version', () => {
  it('is carried by every workspace package', () => {
    expect(manifests.length).toBeGreaterThan(8);
    expect(manifests.filter((m) => m.version !== provider.version).map((m) => `${m.name}@${m.version}`)).toEqual([]);
  });

  it('is what every package pins its siblings to', () => {
    const names = new Set(manifests.map((m) => m.name));
    const loose = manifests.flatMap((m) =>
      (['dependencies', 'devDependencies', 'peerDependencies'] as const).flatMap((field) =>
        Object.entries(m[field] ?? {})
          .filter(([name, range]) => names.has(name) && range !== provider.version)
          .map(([name, range]) => `${m.name} ${field} ${name}@${range}`),
      ),
    );
    expect(loose).toEqual([]);
  });

  it('heads CHANGELOG.md', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${provider.version.replaceAll('.', '\\.')}\\b`, 'm'));
  });
});

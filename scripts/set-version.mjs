// npm run set-version -- 0.2.0: one version for every package of the repository (the published
// ones, the private ones and the examples), and every dependency between them pinned to it.
// Then the lock file is refreshed; CHANGELOG.md's "Unreleased" heading is the author's to rename.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspacePackageFiles } from './workspace-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error('usage: npm run set-version -- <semver>, e.g. 0.2.0');
  process.exit(2);
}

const files = workspacePackageFiles(root);
const names = new Set(files.map((file) => JSON.parse(readFileSync(file, 'utf8')).name));
for (const file of files) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.version = version;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {})) if (names.has(name)) manifest[field][name] = version;
  }
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
console.log(`${files.length} packages at ${version}; run npm run build && npm run release to rebuild what carries it (${join('provider', 'release')}).`);

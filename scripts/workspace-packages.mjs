// The package.json of every workspace, from the root package.json's `workspaces` globs
// (a directory, or `<dir>/*`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function workspacePackageFiles(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern],
  );
  return dirs.map((dir) => join(root, dir, 'package.json')).filter((file) => existsSync(file));
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One npm workspace, as far as running its suite is concerned. */
export interface Workspace {
  readonly name: string;
  /** Relative to the repository root. */
  readonly dir: string;
  readonly scripts: Readonly<Record<string, string>>;
  /** Every package it names in any dependency field. */
  readonly dependsOn: readonly string[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

interface PackageJson {
  readonly name?: string;
  readonly workspaces?: readonly string[];
  readonly scripts?: Record<string, string>;
  readonly [field: string]: unknown;
}

async function readPackageJson(dir: string): Promise<PackageJson | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The workspaces the root package.json lists, in listing order. Entries are directories or
 * `dir/*` (each subdirectory holding a package.json), the two forms this repository uses.
 */
export async function readWorkspaces(root: string): Promise<Workspace[]> {
  const rootPackage = await readPackageJson(root);
  if (!rootPackage?.workspaces) throw new Error(`${join(root, 'package.json')} lists no "workspaces"`);
  const dirs: string[] = [];
  for (const entry of rootPackage.workspaces) {
    if (entry.endsWith('/*')) {
      const parent = entry.slice(0, -2);
      const children = await readdir(join(root, parent), { withFileTypes: true });
      dirs.push(
        ...children
          .filter((c) => c.isDirectory())
          .map((c) => `${parent}/${c.name}`)
          .sort(),
      );
    } else {
      dirs.push(entry);
    }
  }
  const workspaces: Workspace[] = [];
  for (const dir of dirs) {
    const pkg = await readPackageJson(join(root, dir));
    if (!pkg?.name) continue;
    const dependsOn = DEPENDENCY_FIELDS.flatMap((field) => Object.keys((pkg[field] as Record<string, string> | undefined) ?? {}));
    workspaces.push({ name: pkg.name, dir, scripts: pkg.scripts ?? {}, dependsOn });
  }
  return workspaces;
}

/**
 * Dependencies first (a package's suite may use what an earlier one built), otherwise listing
 * order. A cycle among workspaces is an error that names it.
 */
export function orderWorkspaces(workspaces: readonly Workspace[]): Workspace[] {
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const ordered: Workspace[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (w: Workspace, path: readonly string[]): void => {
    const seen = state.get(w.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`workspace dependency cycle: ${[...path, w.name].join(' -> ')}`);
    state.set(w.name, 'visiting');
    for (const dep of w.dependsOn) {
      const target = byName.get(dep);
      if (target) visit(target, [...path, w.name]);
    }
    state.set(w.name, 'done');
    ordered.push(w);
  };
  for (const w of workspaces) visit(w, []);
  return ordered;
}

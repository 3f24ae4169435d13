// An empty project that installs our tarballs with `npm ci --offline`: its package-lock.json is
// derived from the repository's, so every third-party dependency is the version the repository
// tested, fetched from npm's cache by its integrity, and nothing is resolved against a registry.
import { posix } from 'node:path';

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface RepositoryLock {
  packages: Record<string, LockEntry>;
}

export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** The tarball's file name, placed beside the consumer's package.json. */
  readonly file: string;
  readonly integrity: string;
  readonly dependencies: Readonly<Record<string, string>>;
  /** Installed with it, as npm does (unless marked optional in peerDependenciesMeta). */
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { optional?: boolean }>>;
}

export interface ConsumerProject {
  readonly manifest: { name: string; private: true; type: 'module'; dependencies: Record<string, string> };
  readonly lock: { name: string; lockfileVersion: 3; requires: true; packages: Record<string, LockEntry> };
}

/** Fields of a lock entry that describe the package itself, not where the repository used it. */
const KEPT_FIELDS = [
  'version',
  'resolved',
  'integrity',
  'license',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'hasInstallScript',
  'optional',
  'bundleDependencies',
  'inBundle',
];

/**
 * The package's own fields, with its registry tarball URL: npm 11 leaves `resolved` out of
 * registry entries, and without it an offline install would need the package's metadata, which
 * `npm ci` never caches (it fetches tarballs only).
 */
function packageFields(name: string, entry: LockEntry): LockEntry {
  const fields = Object.fromEntries(Object.entries(entry).filter(([key]) => KEPT_FIELDS.includes(key))) as LockEntry;
  // A bundled package comes inside its parent's tarball, not from the registry.
  if (fields.resolved === undefined && fields.version !== undefined && fields.inBundle !== true) fields.resolved = registryTarball(name, fields.version);
  return fields;
}

/** Where the npm registry keeps `name@version`'s tarball: scoped names keep only the bare name in the file. */
export function registryTarball(name: string, version: string): string {
  const bare = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `https://registry.npmjs.org/${name}/-/${bare}-${version}.tgz`;
}

/** The lock entry of one of our tarballs. */
function ownEntry(own: PackedPackage): LockEntry {
  return {
    version: own.version,
    resolved: `file:${own.file}`,
    integrity: own.integrity,
    dependencies: { ...own.dependencies },
    ...(own.peerDependencies ? { peerDependencies: { ...own.peerDependencies } } : {}),
    ...(own.peerDependenciesMeta ? { peerDependenciesMeta: { ...own.peerDependenciesMeta } } : {}),
  };
}

/** Node's lookup from a package at `from` (a lock path, '' for the root): nearest node_modules first. */
function resolveInRepository(lock: RepositoryLock, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent >= 0 ? dir.slice(0, parent) : '';
  }
}

/** What the package needs from outside its own tarball (bundled dependencies travel inside it). */
function requiredNames(entry: LockEntry): string[] {
  const bundled = new Set(Array.isArray(entry['bundleDependencies']) ? (entry['bundleDependencies'] as string[]) : []);
  return requiredOrBundled(entry).filter((name) => !bundled.has(name));
}

function requiredOrBundled(entry: LockEntry): string[] {
  const optionalPeers = new Set(
    Object.entries(entry.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional)
      .map(([name]) => name),
  );
  const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name));
  return [...new Set([...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers])];
}

/**
 * The consumer's manifest and lock: `packed` installed from their tarballs, `alsoFromRepository`
 * (e.g. `@types/node`) at the repository's versions, and everything they need.
 */
export function consumerProject(lock: RepositoryLock, packed: readonly PackedPackage[], alsoFromRepository: readonly string[] = []): ConsumerProject {
  const packages: Record<string, LockEntry> = {};
  const byName = new Map(packed.map((p) => [p.name, p]));
  const dependencies: Record<string, string> = {};

  /** Places the package `name` (the repository's copy at `repoPath`) needed by the consumer package at `parent`. */
  const place = (name: string, repoPath: string | undefined, parent: string): void => {
    const own = byName.get(name);
    const entry: LockEntry | undefined = own ? ownEntry(own) : repoPath ? packageFields(name, lock.packages[repoPath] as LockEntry) : undefined;
    if (!entry) throw new Error(`${name}: not in the repository's package-lock.json; run npm install at the root`);
    const top = `node_modules/${name}`;
    const existing = packages[top];
    let at: string;
    if (!existing) at = top;
    else if (existing.version === entry.version) return;
    else {
      at = `${parent}/node_modules/${name}`;
      if (packages[at]) return;
    }
    packages[at] = entry;
    // The lock lists a bundle's contents too, flagged inBundle, under the package that carries them.
    if (repoPath !== undefined) {
      for (const [path, bundled] of Object.entries(lock.packages)) {
        if (bundled.inBundle === true && path.startsWith(`${repoPath}/node_modules/`)) {
          packages[`${at}${path.slice(repoPath.length)}`] = packageFields(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), bundled);
        }
      }
    }
    // A workspace package's own dependencies sit under its folder in the repository (sdk/node_modules/...).
    const lookupFrom = own ? (lock.packages[`node_modules/${name}`]?.resolved ?? '') : (repoPath ?? '');
    for (const dependency of requiredNames(entry)) {
      const target = byName.has(dependency) ? undefined : resolveInRepository(lock, lookupFrom, dependency);
      if (!target && !byName.has(dependency)) {
        if (entry.optionalDependencies?.[dependency] !== undefined) continue;
        throw new Error(`${name} needs ${dependency}, which the repository's lock does not have`);
      }
      place(dependency, target, at);
    }
  };

  for (const own of packed) {
    dependencies[own.name] = `file:${own.file}`;
    place(own.name, undefined, '');
  }
  for (const name of alsoFromRepository) {
    const repoPath = resolveInRepository(lock, '', name);
    const version = repoPath ? lock.packages[repoPath]?.version : undefined;
    if (!repoPath || !version) throw new Error(`${name}: not in the repository's package-lock.json`);
    dependencies[name] = version;
    place(name, repoPath, '');
  }
  const manifest = { name: 'package-consumer', private: true as const, type: 'module' as const, dependencies };
  return {
    manifest,
    lock: { name: manifest.name, lockfileVersion: 3, requires: true, packages: { '': { name: manifest.name, dependencies }, ...sortedByPath(packages) } },
  };
}

function sortedByPath(packages: Record<string, LockEntry>): Record<string, LockEntry> {
  return Object.fromEntries(Object.entries(packages).sort(([a], [b]) => posix.normalize(a).localeCompare(posix.normalize(b))));
}

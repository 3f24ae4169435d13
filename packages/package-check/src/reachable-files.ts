// Which files of a package its consumers can reach: from the entry points (exports, bin), every
// relative module a JavaScript or declaration file imports, re-exports or loads by URL. A file in
// the tarball that nothing reaches is dead weight (a test, a benchmark, a source map of a file not
// shipped, the output of a deleted source).
import { posix } from 'node:path';

/** Relative specifiers in static and dynamic imports, re-exports and `new URL('…', import.meta.url)`. */
const SPECIFIERS = [
  /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

export function relativeSpecifiers(source: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] as string));
}

/** The files a specifier in `from` may mean: a `.js` import of a declaration file means its `.d.ts`. */
function candidates(from: string, specifier: string): string[] {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (from.endsWith('.d.ts') && target.endsWith('.js')) return [target.replace(/\.js$/, '.d.ts')];
  return [target, `${target}/index.js`];
}

/**
 * The files reachable from `roots` (package-relative paths, no `./`) through `contents` (every
 * file of the package by path). A declaration file's own `.js` is reached with it, and the other
 * way round, since a consumer uses both.
 */
export function reachableFiles(roots: readonly string[], contents: ReadonlyMap<string, string>): Set<string> {
  const reached = new Set<string>();
  const pending = roots.map((root) => posix.normalize(root));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (reached.has(file) || !contents.has(file)) continue;
    reached.add(file);
    const twin = file.endsWith('.d.ts') ? file.replace(/\.d\.ts$/, '.js') : file.endsWith('.js') ? file.replace(/\.js$/, '.d.ts') : undefined;
    if (twin !== undefined) pending.push(twin);
    if (!/\.(c|m)?js$|\.d\.ts$/.test(file)) continue;
    for (const specifier of relativeSpecifiers(contents.get(file) ?? '')) {
      const found = candidates(file, specifier).find((path) => contents.has(path));
      if (found !== undefined) pending.push(found);
    }
  }
  return reached;
}

/** The entry points package.json names: every path in `exports` (any condition), `main`, `types`, `bin`. */
export function entryPoints(manifest: { exports?: unknown; main?: string; types?: string; bin?: string | Record<string, string> }): string[] {
  const paths: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(manifest.exports);
  collect(manifest.main);
  collect(manifest.types);
  collect(manifest.bin);
  return [...new Set(paths.map((p) => posix.normalize(p.replace(/^\.\//, ''))))];
}

/** Files every package may ship whether or not code reaches them. */
export const ALWAYS_SHIPPED = /^(package\.json|README(\.md)?|LICEN[CS]E(\.md|\.txt)?|CHANGELOG\.md)$/i;

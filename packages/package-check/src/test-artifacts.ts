// Files a published tarball must never hold: tests, benchmarks, fixtures, and the build's own
// bookkeeping. Each package's tsconfig.json (the published build) leaves them out of dist/, so
// package.json "files" lists no exclusions; a tarball holding one of these means that broke.

const ARTIFACTS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a test', pattern: /(^|\/)[^/]*\.test\.[^/]*$/ },
  { what: 'a benchmark', pattern: /(^|\/)bench\/|(^|\/)[^/]*-bench\.[^/]*$/ },
  { what: 'a fixture', pattern: /(^|\/)(fixtures|testdata)\/|(^|\/)[^/]*-fixture\.[^/]*$/ },
  { what: 'an end-to-end harness or proof', pattern: /(^|\/)(e2e|proof)\// },
  { what: 'build bookkeeping', pattern: /\.tsbuildinfo$/ },
];

/** Each file of `files` (package-relative paths) that is a test artifact, with what it is. */
export function testArtifacts(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const match = ARTIFACTS.find(({ pattern }) => pattern.test(file));
    return match ? [`${file} (${match.what})`] : [];
  });
}

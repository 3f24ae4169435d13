import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testArtifacts } from './test-artifacts.js';
// @ts-expect-error: a plain .mjs script of the repository, without declarations
import { workspacePackageFiles } from '../../../scripts/workspace-packages.mjs';

describe('testArtifacts', () => {
  const cases = [
    { given: 'dist/client.test.js', want: ['dist/client.test.js (a test)'] },
    { given: 'dist/api/kubectl.e2e.test.d.ts', want: ['dist/api/kubectl.e2e.test.d.ts (a test)'] },
    { given: 'dist/bench/api-bench.js', want: ['dist/bench/api-bench.js (a benchmark)'] },
    { given: 'dist/controllers/postgres/engine-bench.js', want: ['dist/controllers/postgres/engine-bench.js (a benchmark)'] },
    { given: 'dist/resources/args-fixture.d.ts', want: ['dist/resources/args-fixture.d.ts (a fixture)'] },
    { given: 'dist/fixtures/workspace/package.json', want: ['dist/fixtures/workspace/package.json (a fixture)'] },
    { given: 'dist/terraform/testdata/cli.tfrc', want: ['dist/terraform/testdata/cli.tfrc (a fixture)'] },
    { given: 'dist/proof/example-provider-main.js', want: ['dist/proof/example-provider-main.js (an end-to-end harness or proof)'] },
    { given: 'dist/e2e/harness.js', want: ['dist/e2e/harness.js (an end-to-end harness or proof)'] },
    { given: 'dist/.tsbuildinfo', want: ['dist/.tsbuildinfo (build bookkeeping)'] },
    // What a package ships: names that merely contain the words are not artifacts.
    { given: 'dist/testing/index.js', want: [] },
    { given: 'dist/contest.js', want: [] },
    { given: 'dist/benchmark-report.js', want: [] },
    { given: 'openapi/hikube.yaml', want: [] },
  ];
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect(testArtifacts([given])).toEqual(want);
  });
});

// The published build (each package's tsconfig.json) keeps tests out of dist/, so no package
// needs a negated `files` entry to hide them; one reappearing means a test reached dist/ again.
describe('package.json "files"', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  type Manifest = { name: string; private?: boolean; files?: string[] };
  const manifests = (workspacePackageFiles(root) as string[]).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Manifest);

  it('lists no exclusions in any published package', () => {
    const published = manifests.filter((m) => m.private !== true);
    expect(published.length).toBeGreaterThan(4);
    expect(published.flatMap((m) => (m.files ?? []).filter((entry) => entry.startsWith('!')).map((entry) => `${m.name}: ${entry}`))).toEqual([]);
  });
});

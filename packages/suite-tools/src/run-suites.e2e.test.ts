import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureWorkspace, REPO_ROOT } from './fixture-workspace.js';
import { stripAnsi } from './strip-ansi.js';

const run = promisify(execFile);
const RUNNER = join(REPO_ROOT, 'packages/suite-tools/dist/run-suites.js');

const pkg = (name: string, scripts: Record<string, string>, devDependencies: Record<string, string> = {}): string =>
  JSON.stringify({ name, private: true, type: 'module', scripts, devDependencies });
const testFile = (body: string): string => `import { expect, it } from 'vitest';\n${body}\n`;

// Four packages: `a` has a failing test, `b` depends on `a`, `c` crashes before any test runs,
// `d` has no test script. Every suite must run and be counted.
let root: string;
let result: { code: number; stdout: string };

beforeAll(async () => {
  root = await fixtureWorkspace({
    'package.json': JSON.stringify({ name: 'fixture', private: true, workspaces: ['packages/*'] }),
    'packages/b/package.json': pkg('@fx/b', { test: 'vitest run' }, { '@fx/a': '0.0.0' }),
    'packages/b/b.test.mjs': testFile(
      "import { writeFileSync } from 'node:fs';\nit('b runs although a failed', () => { writeFileSync('../../b-ran', 'yes'); expect(1).toBe(1); });",
    ),
    'packages/a/package.json': pkg('@fx/a', { test: 'vitest run' }),
    'packages/a/a.test.mjs': testFile("it('passes', () => expect(1).toBe(1));\nit('fails on purpose', () => expect(1).toBe(2));"),
    'packages/c/package.json': pkg('@fx/c', { test: 'node -e "process.exit(3)"' }),
    'packages/d/package.json': pkg('@fx/d', { build: 'true' }),
  });
  result = await run(process.execPath, [RUNNER, '--root', root, '--script', 'test'], { maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => ({ code: 0, stdout: stripAnsi(stdout) }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: stripAnsi(err.stdout) }),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('run-suites on a workspace with a failing package', () => {
  it('exits non-zero', () => {
    expect(result.code).toBe(1);
  });

  it("runs the failing package's dependent and every other suite, dependencies first", () => {
    const order = [...result.stdout.matchAll(/^== (@fx\/\w): npm run test$/gm)].map((m) => m[1]);
    expect(order).toEqual(['@fx/a', '@fx/b', '@fx/c']);
    expect(existsSync(join(root, 'b-ran'))).toBe(true);
    expect(result.stdout).toMatch(/^@fx\/b: .*b\.test\.mjs/m);
  });

  it('reports each suite and closes with one count over all of them, a crash counted as a failure', () => {
    const table = result.stdout.slice(result.stdout.indexOf('== every suite'));
    expect(table).toMatch(/\| @fx\/a \| FAILED +\| +1 \| +1 \|/);
    expect(table).toMatch(/\| @fx\/b \| passed +\| +1 \| +0 \|/);
    expect(table).toMatch(/\| @fx\/c \| FAILED \(exit 3, no test summary\) \| +- \| +- \|/);
    expect(table).not.toContain('@fx/d');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('suites: 2 passed, 2 failed');
    // The failed test is named at the end with its error, where a cut log still shows it.
    expect(result.stdout.trimEnd().split('\n').at(-2)).toMatch(/^failed: @fx\/a: a\.test\.mjs > fails on purpose: AssertionError: expected 1 to be 2/);
  });
});

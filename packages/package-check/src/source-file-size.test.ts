// Small modules with one job each (STYLE.md, issue 16): no hand-written source file over about 400
// lines. The limit leaves a little room for the formatter; generated code is exempt.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isHandWrittenSource, lineCount } from './source-file-size.js';

const MAX_LINES = 420;
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('isHandWrittenSource', () => {
  it.each([
    { given: 'packages/local/src/api/api-server.ts', want: true },
    { given: 'scripts/embed-readme-sources.mjs', want: true },
    { given: 'eslint.config.js', want: true },
    { given: 'examples/basic/main.mts', want: true },
    { given: 'sdk/src/generated/hikube.ts', want: false },
    { given: 'provider/src/generated/schema.ts', want: false },
    { given: 'packages/cdktf-provider-hikube/cdktn/lib/index.ts', want: false },
    { given: 'packages/local/README.md', want: false },
    { given: 'sdk/openapi/hikube.yaml', want: false },
  ])('$given -> $want', ({ given, want }) => {
    expect(isHandWrittenSource(given)).toBe(want);
  });
});

describe('lineCount', () => {
  it.each([
    { given: '', want: 0 },
    { given: 'one\n', want: 1 },
    { given: 'one\ntwo', want: 1 },
    { given: 'one\n\nthree\n', want: 3 },
  ])('$given.length characters -> $want', ({ given, want }) => {
    expect(lineCount(given)).toBe(want);
  });
});

describe('source file size', () => {
  it(`no git-tracked hand-written source file is over ${MAX_LINES} lines`, () => {
    const tracked = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.mts', '*.mjs', '*.js'], { cwd: repositoryRoot, encoding: 'utf8' })
      .split('\0')
      .filter((path) => path !== '');
    const sources = tracked.filter(isHandWrittenSource);
    expect(sources.length).toBeGreaterThan(100);
    const oversized = sources
      .map((path) => ({ path, lines: lineCount(readFileSync(join(repositoryRoot, path), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path}: ${lines} lines (split it into modules of one job each)`);
    expect(oversized).toEqual([]);
  });
});

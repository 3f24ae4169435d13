import { describe, expect, it } from 'vitest';
import { entryPoints, reachableFiles, relativeSpecifiers } from './reachable-files.js';

describe('relativeSpecifiers', () => {
  it('finds static, side-effect and dynamic imports, re-exports and URL assets; ignores packages', () => {
    const source = [
      "import { a } from './a.js';",
      "export * from '../b/index.js';",
      "import './side.js';",
      "const c = await import('./c.js');",
      "const doc = new URL('../openapi/x.yaml', import.meta.url);",
      "import { z } from 'zod';",
    ].join('\n');
    expect(relativeSpecifiers(source).sort()).toEqual(['../b/index.js', '../openapi/x.yaml', './a.js', './c.js', './side.js']);
  });
});

describe('reachableFiles', () => {
  const files = new Map([
    ['dist/index.js', "export { x } from './x.js';"],
    ['dist/index.d.ts', "export { x } from './x.js';"],
    ['dist/x.js', "const doc = new URL('../openapi/doc.yaml', import.meta.url);"],
    ['dist/x.d.ts', 'export declare const x: 1;'],
    ['openapi/doc.yaml', 'openapi: 3.1.0'],
    ['dist/x.test.js', "import { x } from './x.js';"],
    ['dist/bench/run.js', "import { x } from '../x.js';"],
    ['dist/index.js.map', '{}'],
  ]);

  it('follows imports from the entry points, with each declaration file and its JavaScript', () => {
    expect([...reachableFiles(['dist/index.js'], files)].sort()).toEqual(['dist/index.d.ts', 'dist/index.js', 'dist/x.d.ts', 'dist/x.js', 'openapi/doc.yaml']);
  });

  it('leaves tests, benchmarks and maps unreached', () => {
    const reached = reachableFiles(['dist/index.d.ts'], files);
    expect([...files.keys()].filter((f) => !reached.has(f)).sort()).toEqual(['dist/bench/run.js', 'dist/index.js.map', 'dist/x.test.js']);
  });
});

describe('entryPoints', () => {
  it('collects every condition of exports, main, types and bin', () => {
    const manifest = {
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './t': { default: './dist/t/index.js' } },
      bin: { tool: './dist/cli/main.js' },
    };
    expect(entryPoints(manifest).sort()).toEqual(['dist/cli/main.js', 'dist/index.d.ts', 'dist/index.js', 'dist/t/index.js']);
  });
});

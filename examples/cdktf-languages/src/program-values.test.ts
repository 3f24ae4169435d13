// The four translations of the quick start set what the TypeScript one sets, which the tests of
// examples/cdktf-typescript synthesize and check with `terraform validate`.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { programValues, valuesBeyond } from './program-values.js';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFile(join(examplesDir, path), 'utf8');

const TRANSLATIONS = ['cdktf-languages/python/main.py', 'cdktf-languages/java/Main.java', 'cdktf-languages/csharp/Program.cs', 'cdktf-languages/go/main.go'];
/** TypeScript writes map keys as bare names: the user's `databases: { shop: 'admin' }`. */
const MAP_KEYS = ['shop'];

describe('the quick start in every language', () => {
  it.each(TRANSLATIONS)('%s sets the values of cdktf-typescript/src/quick-start.ts, in order, with its map keys quoted', async (path) => {
    const typescript = programValues(await read('cdktf-typescript/src/quick-start.ts'));
    expect(typescript).toContain('quorum');
    expect(valuesBeyond(programValues(await read(path)), typescript)).toEqual(MAP_KEYS);
  });
});

describe('programValues', () => {
  it('reads strings, numbers and booleans past the imports, without comments', () => {
    const go = 'package main\n\nimport (\n\t"fmt"\n)\n\n// "not this" 7\nx := f("a", 3, jsii.Bool(true)) // 8\n';
    expect(programValues(go)).toEqual(['a', '3', 'true']);
    expect(programValues("from a import b\nb.C(x, 'y', n=2.5, flag=True)  # 'no'\n")).toEqual(['y', '2.5', 'true']);
    expect(programValues('using A.B;\nnew T { Name = "n", V1 = 10 };\n')).toEqual(['n', '10']);
  });

  it('finds what a longer list holds beyond a subsequence, or says it is not one', () => {
    expect(valuesBeyond(['a', 'k', 'b', 'c'], ['a', 'b', 'c'])).toEqual(['k']);
    expect(valuesBeyond(['a', 'c', 'b'], ['a', 'b', 'c'])).toBeUndefined();
  });
});

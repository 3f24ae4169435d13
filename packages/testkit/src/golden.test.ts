import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GoldenMismatchError, TestkitInputError } from './errors.js';
import { expectGolden } from './golden.js';
import { createTempDir, type TempDir } from './temp-dir.js';

describe('expectGolden', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await createTempDir('golden');
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('passes on equal content', async () => {
    const file = join(dir.path, 'equal.txt');
    await writeFile(file, 'a\nb\n');
    await expect(expectGolden(file, 'a\nb\n', {})).resolves.toEqual({ updated: false });
  });

  it('names the first differing line and the update switch', async () => {
    const file = join(dir.path, 'differs.txt');
    await writeFile(file, 'a\nb\n');
    const error = await expectGolden(file, 'a\nc\n', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoldenMismatchError);
    expect((error as GoldenMismatchError).message).toContain('line 2');
    expect((error as GoldenMismatchError).message).toContain('HIKUBE_UPDATE_GOLDEN=1');
  });

  it('fails on a missing golden file unless updating', async () => {
    const file = join(dir.path, 'nested', 'new.txt');
    await expect(expectGolden(file, 'x', {})).rejects.toThrow('does not exist yet');
    await expect(expectGolden(file, 'x', { HIKUBE_UPDATE_GOLDEN: '1' })).resolves.toEqual({ updated: true });
    expect(await readFile(file, 'utf8')).toBe('x');
    await expect(expectGolden(file, 'x', { HIKUBE_UPDATE_GOLDEN: '1' })).resolves.toEqual({ updated: false });
  });

  it('rejects a relative path', async () => {
    await expect(expectGolden('golden.txt', 'x', {})).rejects.toThrow(TestkitInputError);
  });
});

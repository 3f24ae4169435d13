import { access, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { TestkitInputError } from './errors.js';
import { createTempDir } from './temp-dir.js';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe('createTempDir', () => {
  const previous = process.env['HIKUBE_KEEP_TMP'];
  afterEach(() => {
    if (previous === undefined) delete process.env['HIKUBE_KEEP_TMP'];
    else process.env['HIKUBE_KEEP_TMP'] = previous;
  });

  it.each([
    { name: 'passed test, keep switch off', keep: undefined, failed: false, wantKept: false },
    { name: 'failed test, keep switch off', keep: undefined, failed: true, wantKept: false },
    { name: 'passed test, keep switch on', keep: '1', failed: false, wantKept: false },
    { name: 'failed test, keep switch on', keep: '1', failed: true, wantKept: true },
  ])('$name', async ({ keep, failed, wantKept }) => {
    if (keep === undefined) delete process.env['HIKUBE_KEEP_TMP'];
    else process.env['HIKUBE_KEEP_TMP'] = keep;
    const dir = await createTempDir('unit');
    expect(dir.path.startsWith(join(tmpdir(), 'hikube-unit-'))).toBe(true);
    await writeFile(join(dir.path, 'file'), 'x');
    expect(await dir.remove({ failed })).toEqual({ kept: wantKept });
    expect(await exists(dir.path)).toBe(wantKept);
    delete process.env['HIKUBE_KEEP_TMP'];
    await dir.remove();
    expect(await exists(dir.path)).toBe(false);
  });

  it('rejects a prefix that is not a plain name', async () => {
    await expect(createTempDir('../x')).rejects.toThrow(TestkitInputError);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TestkitInputError } from './errors.js';

export interface TempDir {
  readonly path: string;
  /**
   * Deletes the directory. With `failed: true` and HIKUBE_KEEP_TMP=1 it is kept instead and its
   * path printed on stderr, so a failing test can be inspected afterwards.
   */
  remove(options?: { failed?: boolean }): Promise<{ kept: boolean }>;
}

/** Whether HIKUBE_KEEP_TMP asks to keep the temp dirs of failed tests. */
export function keepTempOnFailure(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['HIKUBE_KEEP_TMP'] === '1';
}

/** Creates a fresh directory under os.tmpdir() named `hikube-<prefix>-XXXXXX`. */
export async function createTempDir(prefix = 'test'): Promise<TempDir> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(prefix)) {
    throw new TestkitInputError('prefix', `"${prefix}" must be letters, digits and dashes (it becomes part of a directory name)`);
  }
  const path = await mkdtemp(join(tmpdir(), `hikube-${prefix}-`));
  let removed = false;
  return {
    path,
    async remove(options = {}) {
      if (removed) return { kept: false };
      if (options.failed === true && keepTempOnFailure()) {
        process.stderr.write(`[testkit] kept ${path} (HIKUBE_KEEP_TMP=1)\n`);
        return { kept: true };
      }
      removed = true;
      await rm(path, { recursive: true, force: true, maxRetries: 3 });
      return { kept: false };
    },
  };
}

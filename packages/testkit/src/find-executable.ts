import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

import { ExecutableNotFoundError, TestkitInputError } from './errors.js';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves `name` the way a shell would (first executable match on PATH), or checks an absolute
 * path. Throws ExecutableNotFoundError with `hint` so a missing tool fails loudly instead of a
 * test being skipped.
 */
export function findExecutable(name: string, hint: string, path = process.env['PATH'] ?? ''): string {
  if (name.length === 0) throw new TestkitInputError('executable', 'must not be empty');
  if (isAbsolute(name)) {
    if (isExecutableFile(name)) return name;
    throw new ExecutableNotFoundError(name, path, hint);
  }
  for (const dir of path.split(delimiter)) {
    if (dir.length === 0) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new ExecutableNotFoundError(name, path, hint);
}

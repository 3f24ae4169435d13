import { describe, expect, it } from 'vitest';

import { ExecutableNotFoundError } from './errors.js';
import { findExecutable } from './find-executable.js';

describe('findExecutable', () => {
  it.each([
    { name: 'on PATH', given: 'sh', path: '/nonexistent:/bin', want: '/bin/sh' },
    { name: 'absolute', given: '/bin/sh', path: '', want: '/bin/sh' },
  ])('finds $name', ({ given, path, want }) => {
    expect(findExecutable(given, 'hint', path)).toBe(want);
  });

  it.each([
    { name: 'absent from PATH', given: 'terraform', path: '/nonexistent' },
    { name: 'absolute but missing', given: '/nonexistent/terraform', path: '/bin' },
    { name: 'a directory', given: '/bin', path: '' },
  ])('throws when $name, with the hint', ({ given, path }) => {
    const attempt = (): string => findExecutable(given, 'Install it.', path);
    expect(attempt).toThrow(ExecutableNotFoundError);
    expect(attempt).toThrow('Install it.');
  });
});

import { describe, expect, it } from 'vitest';
import { publishedPassword } from './published-objects.js';

describe('publishedPassword', () => {
  const data = { app: 'c2VjcmV0', empty: '' };
  it.each([
    { user: 'app', want: 'c2VjcmV0' },
    { user: 'empty', want: undefined },
    { user: 'missing', want: undefined },
    { user: 'constructor', want: undefined },
    { user: 'toString', want: undefined },
    { user: '__proto__', want: undefined },
  ])('$user -> $want', ({ user, want }) => {
    expect(publishedPassword(data, user)).toBe(want);
  });
});

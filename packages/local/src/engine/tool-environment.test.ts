import { describe, expect, it } from 'vitest';
import { toolEnvironment } from './tool-environment.js';

describe('toolEnvironment', () => {
  it.each([
    {
      name: "drops libpq settings meant for the user's own servers",
      given: { PGSSLMODE: 'require', PGHOST: 'db.example', PGPASSWORD: 'x', PATH: '/bin' },
      want: { PATH: '/bin', LC_ALL: 'C' },
    },
    { name: 'keeps everything else', given: { HOME: '/root', TZ: 'UTC' }, want: { HOME: '/root', TZ: 'UTC', LC_ALL: 'C' } },
    {
      name: 'lets the caller set what the tool needs, PG* included',
      given: { PGSSLMODE: 'require' },
      extra: { PGAPPNAME: 'hikube-local' },
      want: { LC_ALL: 'C', PGAPPNAME: 'hikube-local' },
    },
  ])('$name', ({ given, extra, want }) => {
    expect(toolEnvironment(given, extra)).toEqual(want);
  });
});

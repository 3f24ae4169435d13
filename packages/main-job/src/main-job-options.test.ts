import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseMainJobArgs } from './main-job-options.js';

describe('parseMainJobArgs', () => {
  const cases: { given: string; argv: string[]; env?: Record<string, string>; want: { command: string; workspace: string; dataDir: string } }[] = [
    { given: 'no arguments', argv: [], want: { command: 'start', workspace: 'public-api', dataDir: '/tmp/hikube-local-1000' } },
    { given: '--failover', argv: ['--failover'], want: { command: 'failover', workspace: 'public-api', dataDir: '/tmp/hikube-local-1000' } },
    { given: '--down', argv: ['--down'], want: { command: 'down', workspace: 'public-api', dataDir: '/tmp/hikube-local-1000' } },
    { given: '--data-dir', argv: ['--down', '--data-dir', '/tmp/hl'], want: { command: 'down', workspace: 'public-api', dataDir: '/tmp/hl' } },
    { given: '--cozystack', argv: ['--cozystack'], want: { command: 'start', workspace: 'cozystack', dataDir: '/tmp/hikube-local-1000' } },
    {
      given: '--failover --cozystack',
      argv: ['--failover', '--cozystack'],
      want: { command: 'failover', workspace: 'cozystack', dataDir: '/tmp/hikube-local-1000' },
    },
    {
      given: 'HIKUBE_LOCAL_DATA_DIR',
      argv: [],
      env: { HIKUBE_LOCAL_DATA_DIR: '/var/tmp/hl' },
      want: { command: 'start', workspace: 'public-api', dataDir: '/var/tmp/hl' },
    },
    {
      given: '--data-dir wins over the environment',
      argv: ['--data-dir', '/tmp/a'],
      env: { HIKUBE_LOCAL_DATA_DIR: '/tmp/b' },
      want: { command: 'start', workspace: 'public-api', dataDir: '/tmp/a' },
    },
  ];
  it.each(cases)('$given', ({ argv, env, want }) => {
    expect(parseMainJobArgs(argv, env ?? {}, 1000)).toEqual(want);
  });

  const bad: { given: string; argv: string[]; env?: Record<string, string>; want: RegExp }[] = [
    { given: 'an unknown argument', argv: ['--fast'], want: /--fast: unknown argument; use npm start/ },
    { given: 'two commands', argv: ['--failover', '--down'], want: /--down: use either --failover or --down/ },
    { given: '--data-dir without a value', argv: ['--data-dir'], want: /--data-dir: needs a directory/ },
    {
      given: 'a data dir too deep for PostgreSQL sockets',
      argv: ['--data-dir', `/work/${'deep/'.repeat(8)}hikube-local`],
      want: /data dir: .* PostgreSQL's socket paths under it would pass 107 bytes/,
    },
  ];
  it.each(bad)('refuses $given, naming the field', ({ argv, env, want }) => {
    expect(() => parseMainJobArgs(argv, env ?? {}, 1000)).toThrow(want);
  });

  it('defaults to a short per-user directory', () => {
    expect(defaultDataDir(0)).toBe('/tmp/hikube-local-0');
    expect(defaultDataDir(undefined)).toBe('/tmp/hikube-local-user');
  });
});

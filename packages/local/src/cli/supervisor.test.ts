// When the supervisor starts the server again, and when it lets it go.

import { describe, expect, it } from 'vitest';
import { MAX_FAILED_STARTS, decideRestart, describeExit, type RestartDecision, type ServerExit } from './supervisor.js';

describe('decideRestart', () => {
  const cases: { name: string; exit: ServerExit; stopping?: boolean; cameUp?: boolean; failedStarts?: number; want: RestartDecision }[] = [
    { name: 'killed (kill -9) after serving', exit: { code: null, signal: 'SIGKILL' }, want: { action: 'restart', delayMs: 0 } },
    { name: 'aborted out of memory after serving', exit: { code: null, signal: 'SIGABRT' }, want: { action: 'restart', delayMs: 0 } },
    { name: 'a non-zero exit after serving', exit: { code: 1, signal: null }, want: { action: 'restart', delayMs: 0 } },
    { name: 'a clean exit (hikube-local stop signalled the server)', exit: { code: 0, signal: null }, want: { action: 'exit', code: 0 } },
    { name: 'any exit while the supervisor is stopping', exit: { code: null, signal: 'SIGTERM' }, stopping: true, want: { action: 'exit', code: 0 } },
    { name: 'a first failed start backs off', exit: { code: 1, signal: null }, cameUp: false, failedStarts: 1, want: { action: 'restart', delayMs: 500 } },
    {
      name: 'the last retry waits longest',
      exit: { code: 1, signal: null },
      cameUp: false,
      failedStarts: MAX_FAILED_STARTS - 1,
      want: { action: 'restart', delayMs: 4000 },
    },
    {
      name: 'a server that never comes up is given up',
      exit: { code: 3, signal: null },
      cameUp: false,
      failedStarts: MAX_FAILED_STARTS,
      want: { action: 'exit', code: 3 },
    },
  ];
  it.each(cases)('$name', ({ exit, stopping, cameUp, failedStarts, want }) => {
    expect(decideRestart(exit, { stopping: stopping ?? false, cameUp: cameUp ?? true, failedStarts: failedStarts ?? 0 })).toEqual(want);
  });
});

it.each([
  { exit: { code: null, signal: 'SIGKILL' as const }, want: 'the server (pid 42) was killed by SIGKILL' },
  { exit: { code: 7, signal: null }, want: 'the server (pid 42) exited with code 7' },
])('describes $exit', ({ exit, want }) => {
  expect(describeExit(42, exit)).toBe(want);
});

import { describe, expect, it } from 'vitest';
import { formatReport, suitePassed, totalCounts, type SuiteResult } from './suite-report.js';

const r = (name: string, exitCode: number | null, counts: SuiteResult['counts'], over: Partial<SuiteResult> = {}): SuiteResult => ({
  name,
  exitCode,
  signal: null,
  counts,
  seconds: 1.25,
  ...over,
});

describe('suite report', () => {
  it.each([
    { name: 'exit 0, no failure', given: r('a', 0, { passed: 3, failed: 0, skipped: 0 }), want: true },
    { name: 'a failed test', given: r('a', 1, { passed: 3, failed: 1, skipped: 0 }), want: false },
    { name: 'exit 1 with every test passed (a hook or the leak guard failed)', given: r('a', 1, { passed: 3, failed: 0, skipped: 0 }), want: false },
    { name: 'killed', given: r('a', null, undefined, { signal: 'SIGKILL' }), want: false },
  ])('$name', ({ given, want }) => expect(suitePassed(given)).toBe(want));

  it('counts every failed suite as at least one failure, so a crash never reads as 0 failed', () => {
    expect(
      totalCounts([
        r('ok', 0, { passed: 10, failed: 0, skipped: 1 }),
        r('tests failed', 1, { passed: 4, failed: 2, skipped: 0 }),
        r('crashed', 1, undefined),
        r('hook failed', 1, { passed: 5, failed: 0, skipped: 0 }),
      ]),
    ).toEqual({ passed: 19, failed: 4 });
  });

  it('prints each suite with its result and time, then one closing line', () => {
    const text = formatReport([r('@x/a', 0, { passed: 10, failed: 0, skipped: 0 }), r('@x/b', 2, undefined, { seconds: 62.5 })]);
    expect(text.split('\n')).toEqual([
      '| suite | result                           | passed | failed | seconds |',
      '|-------|----------------------------------|-------:|-------:|--------:|',
      '| @x/a  | passed                           |     10 |      0 |     1.3 |',
      '| @x/b  | FAILED (exit 2, no test summary) |      - |      - |    62.5 |',
      'total time 63.8 s',
      'suites: 10 passed, 1 failed',
    ]);
  });

  it('names each failed test before the closing line, so the end of a long log says what failed', () => {
    const failures = [
      { test: 'src/e2e/a.e2e.test.ts > applies', reason: 'Error: Test timed out in 5000ms.' },
      { test: 'src/b.test.ts > parses', reason: '' },
    ];
    const text = formatReport([r('@x/a', 1, { passed: 3, failed: 2, skipped: 0 }, { failures })]);
    expect(text.split('\n').slice(-4)).toEqual([
      'total time 1.3 s',
      'failed: @x/a: src/e2e/a.e2e.test.ts > applies: Error: Test timed out in 5000ms.',
      'failed: @x/a: src/b.test.ts > parses',
      'suites: 3 passed, 2 failed',
    ]);
  });
});

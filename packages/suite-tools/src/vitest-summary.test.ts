import { describe, expect, it } from 'vitest';
import { parseVitestCounts, parseVitestFailures } from './vitest-summary.js';

describe('vitest summary', () => {
  it.each([
    { name: 'all passed', given: ' Test Files  3 passed (3)\n      Tests  42 passed (42)\n', want: { passed: 42, failed: 0, skipped: 0 } },
    {
      name: 'failures and skips, coloured',
      given:
        '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[31m2 failed\u001b[39m\u001b[22m\u001b[2m | ' +
        '\u001b[22m\u001b[1m\u001b[32m509 passed\u001b[39m\u001b[22m | 3 skipped (514)',
      want: { passed: 509, failed: 2, skipped: 3 },
    },
    {
      name: 'several vitest runs in one script are summed',
      given: 'Tests  2 passed (2)\nTests  1 failed | 1 passed (2)',
      want: { passed: 3, failed: 1, skipped: 0 },
    },
    { name: 'a prefixed stream line is not a summary', given: '@hikube/sdk:       Tests  2 passed (2)', want: undefined },
    { name: 'no summary at all (a crash)', given: 'Error: Cannot find module\n', want: undefined },
  ])('$name', ({ given, want }) => expect(parseVitestCounts(given)).toEqual(want));
});

describe('vitest failures', () => {
  it.each([
    { name: 'none', given: ' Tests  3 passed (3)\n', want: [] },
    {
      name: 'each failed test with the first line of its error, coloured, once each',
      given: [
        '\u001b[31m⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯\u001b[39m',
        '',
        '\u001b[41m FAIL \u001b[49m src/a.e2e.test.ts > cluster > fails over',
        'AssertionError: expected 1 to be 2',
        ' ❯ src/a.e2e.test.ts:10:3',
        '⎯⎯⎯[1/2]⎯',
        ' FAIL  src/b.test.ts > parses',
        '',
        'Error: Test timed out in 5000ms.',
        ' FAIL  src/a.e2e.test.ts > cluster > fails over',
      ].join('\n'),
      want: [
        { test: 'src/a.e2e.test.ts > cluster > fails over', reason: 'AssertionError: expected 1 to be 2' },
        { test: 'src/b.test.ts > parses', reason: 'Error: Test timed out in 5000ms.' },
      ],
    },
    {
      name: 'a long error is cut',
      given: ` FAIL  src/c.test.ts > x\n${'e'.repeat(300)}`,
      want: [{ test: 'src/c.test.ts > x', reason: `${'e'.repeat(240)}…` }],
    },
  ])('$name', ({ given, want }) => expect(parseVitestFailures(given)).toEqual(want));
});

import { stripAnsi } from './strip-ansi.js';

/** Test counts a suite reported. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * Sums every vitest "Tests  N passed | M failed" summary line in `output` (a package may run
 * several vitest projects). Undefined when there is none: the suite did not get that far.
 */
export function parseVitestCounts(output: string): TestCounts | undefined {
  let found = false;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const raw of output.split('\n')) {
    const line = stripAnsi(raw);
    if (!/^\s*Tests\s+\d/.test(line)) continue;
    found = true;
    for (const [, n, word] of line.matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (word === 'passed') passed += Number(n);
      else if (word === 'failed') failed += Number(n);
      else skipped += Number(n);
    }
  }
  return found ? { passed, failed, skipped } : undefined;
}

/** One failed test (or file) a suite reported, with the first line of its error. */
export interface FailedTest {
  readonly test: string;
  readonly reason: string;
}

const REASON_LIMIT = 240;

/**
 * The failed tests in vitest's "Failed Tests" section (`FAIL  file > suite > test`, then the
 * error), so a run's closing table can name them: CI often keeps only the end of a long log.
 */
export function parseVitestFailures(output: string): FailedTest[] {
  const lines = output.split('\n').map(stripAnsi);
  const found = new Map<string, string>();
  lines.forEach((line, index) => {
    const test = /^\s*FAIL\s+(\S.*?)\s*$/.exec(line)?.[1];
    if (test === undefined || found.has(test)) return;
    const next = lines.slice(index + 1, index + 6).find((l) => l.trim() !== '' && !/^\s*⎯/.test(l) && !/^\s*FAIL\s/.test(l));
    const reason = (next ?? '').trim();
    found.set(test, reason.length > REASON_LIMIT ? `${reason.slice(0, REASON_LIMIT)}…` : reason);
  });
  return [...found].map(([test, reason]) => ({ test, reason }));
}

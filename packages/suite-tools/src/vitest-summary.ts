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

import type { FailedTest, TestCounts } from './vitest-summary.js';

/** How one package's suite ended. */
export interface SuiteResult {
  readonly name: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Undefined when the suite printed no summary (it crashed or never started). */
  readonly counts: TestCounts | undefined;
  readonly seconds: number;
  /** The failed tests it named (empty when it named none). */
  readonly failures?: readonly FailedTest[];
}

export function suitePassed(result: SuiteResult): boolean {
  return result.exitCode === 0 && (result.counts?.failed ?? 0) === 0;
}

/**
 * The closing count over every suite. A failed suite that printed no count of its own still
 * counts as one failure, so a crash can never read as "0 failed".
 */
export function totalCounts(results: readonly SuiteResult[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.counts?.passed ?? 0;
    const reported = r.counts?.failed ?? 0;
    failed += suitePassed(r) ? reported : Math.max(1, reported);
  }
  return { passed, failed };
}

function outcome(r: SuiteResult): string {
  if (suitePassed(r)) return 'passed';
  if (r.signal) return `killed (${r.signal})`;
  return r.counts ? 'FAILED' : `FAILED (exit ${String(r.exitCode)}, no test summary)`;
}

/** `failed: <suite>: <test>: <first line of the error>`, one line per failed test. */
function failedTestLines(results: readonly SuiteResult[]): string[] {
  return results.flatMap((r) => (r.failures ?? []).map((f) => `failed: ${r.name}: ${f.test}${f.reason ? `: ${f.reason}` : ''}`));
}

/** A table of every suite (result, counts, time), then the closing `suites: N passed, N failed` line. */
export function formatReport(results: readonly SuiteResult[]): string {
  const rows = results.map((r) => [r.name, outcome(r), String(r.counts?.passed ?? '-'), String(r.counts?.failed ?? '-'), r.seconds.toFixed(1)]);
  const header = ['suite', 'result', 'passed', 'failed', 'seconds'];
  const totalSeconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const { passed, failed } = totalCounts(results);
  return [
    line(header),
    `|${widths.map((w, i) => (i >= 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...rows.map(line),
    `total time ${totalSeconds.toFixed(1)} s`,
    ...failedTestLines(results),
    `suites: ${passed} passed, ${failed} failed`,
  ].join('\n');
}

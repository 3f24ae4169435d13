import { spawn } from 'node:child_process';
import { parseVitestCounts, parseVitestFailures } from './vitest-summary.js';
import type { SuiteResult } from './suite-report.js';

/**
 * Runs one command to completion, echoing each output line behind `prefix` as it comes, and
 * reads the vitest counts from what it printed.
 */
export function runSuiteProcess(input: {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly prefix: string;
  readonly write: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}): Promise<SuiteResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(input.command, [...input.args], { cwd: input.cwd, env: input.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
      const text = partial[stream] + chunk.toString('utf8');
      const lines = text.split('\n');
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        input.write(`${input.prefix}${line}\n`);
      }
    };
    child.stdout.on('data', (c: Buffer) => take('stdout', c));
    child.stderr.on('data', (c: Buffer) => take('stderr', c));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      for (const rest of [partial.stdout, partial.stderr]) {
        if (rest === '') continue;
        output.push(rest);
        input.write(`${input.prefix}${rest}\n`);
      }
      const text = output.join('\n');
      resolve({
        name: input.name,
        exitCode,
        signal,
        counts: parseVitestCounts(text),
        failures: parseVitestFailures(text),
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSuiteProcess } from './run-suite-process.js';
import { formatReport, suitePassed, type SuiteResult } from './suite-report.js';
import { orderWorkspaces, readWorkspaces } from './workspace-order.js';

// npm test's runner: every workspace's suite, one after the other in dependency order, each to
// its end whatever the others did; then a table with each suite's result and time, and one
// closing count over all of them. Exits 1 if any suite failed.

const USAGE = 'usage: run-suites [--script test] [--root DIR]';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { script: { type: 'string', default: 'test' }, root: { type: 'string', default: '.' } }, strict: true });
  const root = resolve(values.root);
  const script = values.script;
  const workspaces = orderWorkspaces(await readWorkspaces(root)).filter((w) => script in w.scripts);
  if (workspaces.length === 0) {
    process.stderr.write(`run-suites: no workspace under ${root} has a "${script}" script\n${USAGE}\n`);
    return 2;
  }
  const results: SuiteResult[] = [];
  for (const w of workspaces) {
    process.stdout.write(`\n== ${w.name}: npm run ${script}\n`);
    const result = await runSuiteProcess({
      name: w.name,
      command: 'npm',
      args: ['run', script],
      cwd: resolve(root, w.dir),
      prefix: `${w.name}: `,
      write: (text) => process.stdout.write(text),
    });
    results.push(result);
    process.stdout.write(`== ${w.name}: ${suitePassed(result) ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write(`\n== every suite (npm run ${script})\n${formatReport(results)}\n`);
  return results.every(suitePassed) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`run-suites: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);

#!/usr/bin/env node
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCpuLoad, type CpuLoad } from './cpu-load.js';
import { runSuiteProcess } from './run-suite-process.js';
import { suitePassed } from './suite-report.js';
import { readWorkspaces, type Workspace } from './workspace-order.js';

// npm run test:repeat -- [--load] <package> <file> <N>: one suite file N times in a row, to show
// it passes every time and not just once. --load keeps every core busy meanwhile.

const USAGE = 'usage: repeat-suite [--load] [--root DIR] <package (name or directory)> <test file> <N>';

function findWorkspace(workspaces: readonly Workspace[], wanted: string): Workspace | undefined {
  const trimmed = wanted.replace(/\/+$/, '');
  return workspaces.find((w) => w.name === trimmed || w.dir === trimmed || w.dir.split('/').pop() === trimmed);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { load: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } },
    allowPositionals: true,
    strict: true,
  });
  const [pkg, file, count] = positionals;
  const runs = Number(count);
  if (!pkg || !file || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const root = resolve(values.root);
  const workspaces = await readWorkspaces(root);
  const workspace = findWorkspace(workspaces, pkg);
  if (!workspace) {
    process.stderr.write(`repeat-suite: no workspace "${pkg}"; one of: ${workspaces.map((w) => w.dir).join(', ')}\n`);
    return 2;
  }
  // vitest is run directly, so what `npm test` would build first (a pretest script) is built here
  if (workspace.scripts['pretest']) {
    const pretest = await runSuiteProcess({
      name: 'pretest',
      command: 'npm',
      args: ['run', 'pretest'],
      cwd: resolve(root, workspace.dir),
      prefix: 'pretest: ',
      write: (t) => process.stdout.write(t),
    });
    if (pretest.exitCode !== 0) {
      process.stderr.write(`repeat-suite: the pretest script of ${workspace.dir} failed (exit ${String(pretest.exitCode)})\n`);
      return 2;
    }
  }
  const load: CpuLoad | undefined = values.load ? startCpuLoad() : undefined;
  const stopLoad = (): void => load?.stop();
  process.once('SIGINT', () => {
    stopLoad();
    process.exit(130);
  });
  const rows: string[] = [];
  let passedRuns = 0;
  try {
    for (let n = 1; n <= runs; n++) {
      let output = '';
      const result = await runSuiteProcess({
        name: `${workspace.dir} ${file}`,
        command: resolve(root, 'node_modules/.bin/vitest'),
        args: ['run', file],
        cwd: resolve(root, workspace.dir),
        prefix: '',
        write: (text) => {
          output += text;
        },
      });
      const ok = suitePassed(result);
      if (ok) passedRuns++;
      else process.stdout.write(output); // a failing run shows everything it printed
      const row =
        `| ${n} | ${ok ? 'passed' : 'FAILED'} | ${result.counts?.passed ?? '-'} | ` +
        `${result.counts?.failed ?? '-'} | ${result.seconds.toFixed(1)} | ${loadavg()[0]?.toFixed(1)} |`;
      rows.push(row);
      process.stdout.write(`${row}\n`);
    }
  } finally {
    stopLoad();
  }
  process.stdout.write(
    [
      '',
      `${workspace.dir} ${file}${load ? `, ${load.pids.length} busy loops loading the cores` : ''}:`,
      '| run | result | tests passed | tests failed | seconds | load avg (1 min) |',
      '|---:|---|---:|---:|---:|---:|',
      ...rows,
      `runs: ${passedRuns} of ${runs} passed`,
      '',
    ].join('\n'),
  );
  return passedRuns === runs ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`repeat-suite: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);

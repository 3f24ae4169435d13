// `npm start`'s command line (scripts/start.mjs builds, then calls runCli). Exit code 1 on failure, with
// one clear message and no stack for the failures it knows.
import { MainJobError } from './main-job-errors.js';
import { runMainJob } from './main-job.js';
import { parseMainJobArgs } from './main-job-options.js';

export async function runCli(argv: readonly string[]): Promise<number> {
  const out = { write: (text: string) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true };
  try {
    const options = parseMainJobArgs(argv, process.env, process.getuid?.());
    await runMainJob(options, { out, path: process.env['PATH'] });
    return 0;
  } catch (err) {
    if (err instanceof MainJobError) process.stderr.write(`\n${err.message}\n`);
    else process.stderr.write(`\nnpm start failed unexpectedly:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

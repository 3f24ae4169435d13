import { spawn } from 'node:child_process';
import { PgCommandFailedError } from './errors.js';
import type { RunAs } from './run-as.js';
import { toolEnvironment } from './tool-environment.js';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

const TAIL_CHARS = 4000;

/** Run a tool to completion (as the PostgreSQL user when set); failures carry exit code and output tail. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { runAs?: RunAs | undefined; cwd?: string; env?: NodeJS.ProcessEnv; label?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd ?? '/',
      env: toolEnvironment(process.env, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new PgCommandFailedError(options.label ?? file, { logTail: err.message })));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new PgCommandFailedError(options.label ?? `${file} ${args[0] ?? ''}`.trim(), {
            ...(child.pid !== undefined ? { pid: child.pid } : {}),
            exitCode: code,
            signal,
            logTail: (stderr || stdout).slice(-TAIL_CHARS).trim(),
          }),
        );
    });
  });
}

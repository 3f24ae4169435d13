// Runs a child process to completion, collecting its output; the scripts and tests share it.
import { spawn } from 'node:child_process';

export class CommandFailedError extends Error {
  code = 'HIKUBE_CDKTF_COMMAND_FAILED';

  constructor(command, exitCode, signal, stdout, stderr) {
    const how = signal ? `was killed by ${signal}` : `exited with ${exitCode}`;
    super(`${command} ${how}\n${tail(stderr || stdout)}`);
    this.name = 'CommandFailedError';
    this.command = command;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * @param {string} file
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string, check?: boolean }} [options]
 * @returns {Promise<{ exitCode: number | null, stdout: string, stderr: string }>}
 */
export function runCommand(file, args, options = {}) {
  const { cwd, env = process.env, input, check = true } = options;
  const command = [file, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(Object.assign(error, { command })));
    child.on('close', (exitCode, signal) => {
      if (check && exitCode !== 0) reject(new CommandFailedError(command, exitCode, signal, stdout, stderr));
      else resolve({ exitCode, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** The environment for jsii's tools: quiet about this Node line, otherwise the caller's. */
export function jsiiEnvironment() {
  const major = process.versions.node.split('.')[0];
  return { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: major, JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1' };
}

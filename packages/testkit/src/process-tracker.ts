import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

import { CommandTimeoutError, TestkitInputError } from './errors.js';

export interface SpawnOptions {
  cwd?: string;
  /** The complete environment of the child; default: this process's environment. */
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text written to the child's stdin, which is then closed. */
  input?: string;
  /** Stop the command (and its process group) after this long. Default 120 s. */
  timeoutMs?: number;
  /** Shown in errors instead of the raw argv (use it to hide secrets passed as arguments). */
  displayCommand?: string;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface ProcessExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export interface TrackedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ProcessExit>;
  /** SIGTERM to its process group, SIGKILL after `graceMs` if the leader is still there. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_GRACE_MS = 5_000;

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Signals the group `child` leads, but only while the leader has not been reaped: until then its
 * PID (and so the group id) cannot belong to anyone else. Node reaps and records the exit in one
 * synchronous step, so this check cannot race with it.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || hasExited(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function delay(ms: number): { promise: Promise<'late'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Starts child processes, each as the leader of its own process group, and stops exactly those:
 * by PID, never by name. Processes they start themselves (providers under Terraform) share the
 * group and receive the same signals.
 */
export class ProcessTracker {
  readonly #live = new Map<number, TrackedProcess>();

  /** PIDs of processes started here that have not exited yet. */
  get pids(): number[] {
    return [...this.#live.keys()];
  }

  spawn(command: string, args: readonly string[], options: SpawnOptions = {}): TrackedProcess {
    if (command.length === 0) throw new TestkitInputError('command', 'must not be empty');
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.stdio ?? 'pipe',
      detached: true,
    });
    // Spawn failures (ENOENT, EACCES) arrive as an 'error' event; never let one go unhandled.
    child.on('error', () => undefined);
    const pid = child.pid;
    if (pid === undefined) {
      throw new TestkitInputError('command', `could not start ${command} (not found or not executable)`);
    }
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('exit', (exitCode, signal) => {
        this.#live.delete(pid);
        resolve({ exitCode, signal });
      });
    });
    const tracked: TrackedProcess = {
      pid,
      child,
      exited,
      stop: async (graceMs = DEFAULT_GRACE_MS) => {
        signalGroup(child, 'SIGTERM');
        const grace = delay(graceMs);
        const outcome = await Promise.race([exited, grace.promise]);
        grace.cancel();
        if (outcome === 'late') signalGroup(child, 'SIGKILL');
        return exited;
      },
    };
    this.#live.set(pid, tracked);
    return tracked;
  }

  /**
   * Runs a command to completion, capturing stdout and stderr. A timeout stops its process group
   * and throws CommandTimeoutError with the output so far.
   */
  async run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const started = performance.now();
    const spawnOptions: SpawnOptions = { stdio: ['pipe', 'pipe', 'pipe'] };
    if (options.cwd !== undefined) spawnOptions.cwd = options.cwd;
    if (options.env !== undefined) spawnOptions.env = options.env;
    const proc = this.spawn(command, args, spawnOptions);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    proc.child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    proc.child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    proc.child.stdin?.on('error', () => undefined);
    proc.child.stdin?.end(options.input ?? '');

    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = delay(timeoutMs);
    // 'close' (all pipes at EOF) rather than 'exit', so no output is lost.
    const closed = new Promise<'closed'>((resolve) => proc.child.once('close', () => resolve('closed')));
    const outcome = await Promise.race([closed, timeout.promise]);
    timeout.cancel();
    const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
    if (outcome === 'late') {
      await proc.stop(2_000);
      const tail = `${text(stdout)}\n${text(stderr)}`.trim().slice(-4_000);
      const shown = options.displayCommand ?? [command, ...args].join(' ');
      throw new CommandTimeoutError(shown, timeoutMs, tail ? `\nOutput so far:\n${tail}` : '');
    }
    const { exitCode, signal } = await proc.exited;
    return { exitCode, signal, stdout: text(stdout), stderr: text(stderr), durationMs: performance.now() - started };
  }

  /** Stops every process this tracker started that is still running. */
  async stopAll(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    await Promise.all([...this.#live.values()].map((tracked) => tracked.stop(graceMs)));
  }
}

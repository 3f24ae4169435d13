import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { KubectlCommandError, TestkitError, TestkitInputError } from '../errors.js';
import { findExecutable } from '../find-executable.js';
import { ProcessTracker, type RunResult } from '../process-tracker.js';
import { createTempDir, type TempDir } from '../temp-dir.js';

export interface KubectlOptions {
  /** Absolute path of the kubeconfig every command uses (`--kubeconfig`). */
  kubeconfig: string;
  /** `--context`; default the kubeconfig's current context. */
  context?: string;
  /** `--namespace` for every command; default the context's namespace. */
  namespace?: string;
  /** `--request-timeout` (Go duration such as `10s`; `0` waits forever). Default `30s`. */
  requestTimeout?: string;
  /** Stop the process after this long. Default 60 s. */
  timeoutMs?: number;
  /** kubectl executable; default `kubectl` on PATH. */
  kubectl?: string;
  /** Extra environment for every command. */
  env?: Readonly<Record<string, string>>;
  tracker?: ProcessTracker;
}

export interface KubectlRunOptions {
  /** Written to stdin (for `-f -`). */
  input?: string;
  /** Throw KubectlCommandError when the command fails. Default true. */
  check?: boolean;
  /** Overrides the runner's `--request-timeout` (e.g. `0` for `get --watch`). */
  requestTimeout?: string;
  namespace?: string;
  timeoutMs?: number;
}

export interface KubectlResult extends RunResult {
  /** The command line as run, with token and password arguments masked. */
  command: string;
  ok: boolean;
}

/** A long-running kubectl started with `Kubectl.start`. */
export interface KubectlProcess {
  readonly command: string;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves once the output contains `text`; rejects after `timeoutMs` (default 30 s). */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Stops the process (its group) and returns the whole output. */
  stop(): Promise<string>;
}

export interface ApplyManifestOptions extends KubectlRunOptions {
  serverSide?: boolean;
  fieldManager?: string;
  forceConflicts?: boolean;
}

const KUBECTL_HINT = 'The kubectl runner needs the real kubectl (1.27-1.33): install it on PATH or pass `kubectl` with its absolute path.';
const DURATION = /^(0|([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+)$/;
const SECRET_FLAGS = ['--token', '--password', '--client-key-data'];

function checkDuration(field: string, value: string): void {
  if (!DURATION.test(value)) throw new TestkitInputError(field, `"${value}" is not a duration such as 10s, 1m30s or 0`);
}

/** Masks values of flags that carry credentials, so they never reach errors or logs. */
export function maskSecretArgs(args: readonly string[]): string[] {
  const masked: string[] = [];
  let maskNext = false;
  for (const arg of args) {
    if (maskNext) {
      masked.push('***');
      maskNext = false;
      continue;
    }
    const flag = SECRET_FLAGS.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (flag === undefined) masked.push(arg);
    else if (arg === flag) {
      masked.push(arg);
      maskNext = true;
    } else masked.push(`${flag}=***`);
  }
  return masked;
}

/**
 * Runs the real `kubectl` against one kubeconfig, with a request timeout and its own discovery
 * cache directory (a port reused by another test server must not serve stale discovery).
 */
export class Kubectl {
  readonly kubectl: string;
  readonly kubeconfig: string;
  readonly #options: KubectlOptions;
  readonly #cache: TempDir;
  readonly #tracker: ProcessTracker;
  readonly #env: NodeJS.ProcessEnv;

  private constructor(kubectl: string, options: KubectlOptions, cache: TempDir) {
    this.kubectl = kubectl;
    this.kubeconfig = options.kubeconfig;
    this.#options = options;
    this.#cache = cache;
    this.#tracker = options.tracker ?? new ProcessTracker();
    const env: NodeJS.ProcessEnv = { ...process.env };
    // The kubeconfig is always explicit; an inherited KUBECONFIG would merge in other clusters.
    delete env['KUBECONFIG'];
    this.#env = { ...env, ...options.env };
  }

  static async create(options: KubectlOptions): Promise<Kubectl> {
    const kubectl = findExecutable(options.kubectl ?? 'kubectl', KUBECTL_HINT);
    if (!isAbsolute(options.kubeconfig)) throw new TestkitInputError('kubeconfig', `"${options.kubeconfig}" must be an absolute path`);
    const info = await stat(options.kubeconfig).catch(() => undefined);
    if (info === undefined || !info.isFile()) {
      throw new TestkitInputError('kubeconfig', `"${options.kubeconfig}" does not exist; start the server (it writes the kubeconfig) first`);
    }
    checkDuration('requestTimeout', options.requestTimeout ?? '30s');
    if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
      throw new TestkitInputError('timeoutMs', `must be a positive number of milliseconds, got ${options.timeoutMs}`);
    }
    return new Kubectl(kubectl, options, await createTempDir('kubectl-cache'));
  }

  /** `kubectl <args>` with the runner's kubeconfig, context, namespace and request timeout. */
  async run(args: readonly string[], options: KubectlRunOptions = {}): Promise<KubectlResult> {
    const requestTimeout = options.requestTimeout ?? this.#options.requestTimeout ?? '30s';
    const fullArgs = [...this.#globalArgs(requestTimeout, options.namespace), ...args];
    const command = ['kubectl', ...maskSecretArgs(args)].join(' ');
    const result = await this.#tracker.run(this.kubectl, fullArgs, {
      env: this.#env,
      timeoutMs: options.timeoutMs ?? this.#options.timeoutMs ?? 60_000,
      displayCommand: command,
      ...(options.input === undefined ? {} : { input: options.input }),
    });
    const outcome: KubectlResult = { ...result, command, ok: result.exitCode === 0 };
    if (!outcome.ok && options.check !== false) {
      throw new KubectlCommandError({ command, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr });
    }
    return outcome;
  }

  /** Runs `args` (which should ask for JSON, e.g. `-o json` or `get --raw`) and parses stdout. */
  async json<T = unknown>(args: readonly string[], options: Omit<KubectlRunOptions, 'check'> = {}): Promise<T> {
    const result = await this.run(args, options);
    try {
      return JSON.parse(result.stdout) as T;
    } catch (error) {
      throw new TestkitError('HIKUBE_TESTKIT_BAD_JSON', `${result.command} did not print JSON: ${result.stdout.slice(0, 500)}`, { cause: error });
    }
  }

  /**
   * Starts a long-running command (`get -w`, `logs -f`, `port-forward`) and collects its output
   * until `stop()`. The request timeout defaults to `0` here, so a watch is not cut short.
   */
  start(args: readonly string[], options: Pick<KubectlRunOptions, 'namespace' | 'requestTimeout'> = {}): KubectlProcess {
    const fullArgs = [...this.#globalArgs(options.requestTimeout ?? '0', options.namespace), ...args];
    const proc = this.#tracker.spawn(this.kubectl, fullArgs, { env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const waiters = new Set<() => void>();
    const append = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      for (const wake of waiters) wake();
    };
    proc.child.stdout?.on('data', append);
    proc.child.stderr?.on('data', append);
    const command = ['kubectl', ...maskSecretArgs(args)].join(' ');
    return {
      command,
      output: () => output,
      waitFor: (text, timeoutMs = 30_000) =>
        new Promise<void>((resolve, reject) => {
          const check = (): void => {
            if (!output.includes(text)) return;
            cleanup();
            resolve();
          };
          const timer = setTimeout(() => {
            cleanup();
            reject(
              new TestkitError(
                'HIKUBE_TESTKIT_WAIT_TIMEOUT',
                `${command} did not print "${text}" within ${timeoutMs} ms; output so far:\n${output.slice(-4_000)}`,
              ),
            );
          }, timeoutMs);
          const cleanup = (): void => {
            clearTimeout(timer);
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        }),
      stop: async () => {
        await proc.stop(2_000);
        return output;
      },
    };
  }

  /** `kubectl apply -f -` of a YAML or JSON manifest (client-side, or server-side apply). */
  apply(manifest: string, options: ApplyManifestOptions = {}): Promise<KubectlResult> {
    const args = ['apply', '-f', '-'];
    if (options.serverSide === true) args.push('--server-side');
    if (options.fieldManager !== undefined) args.push(`--field-manager=${options.fieldManager}`);
    if (options.forceConflicts === true) args.push('--force-conflicts');
    return this.run(args, { ...options, input: manifest });
  }

  #globalArgs(requestTimeout: string, namespaceOverride: string | undefined): string[] {
    checkDuration('requestTimeout', requestTimeout);
    const global = [`--kubeconfig=${this.kubeconfig}`, `--cache-dir=${join(this.#cache.path, 'cache')}`, `--request-timeout=${requestTimeout}`];
    if (this.#options.context !== undefined) global.push(`--context=${this.#options.context}`);
    const namespace = namespaceOverride ?? this.#options.namespace;
    if (namespace !== undefined) global.push(`--namespace=${namespace}`);
    return global;
  }

  /** Stops commands still running and removes the discovery cache. */
  async dispose(): Promise<void> {
    if (this.#options.tracker === undefined) await this.#tracker.stopAll(2_000);
    await this.#cache.remove();
  }
}

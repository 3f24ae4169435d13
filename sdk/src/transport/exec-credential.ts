import { execFile } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { ExecConfig } from './kubeconfig.js';

/** What an exec credential plugin returned (`ExecCredential.status`). */
export interface ExecCredential {
  token: string | undefined;
  certData: Buffer | undefined;
  keyData: Buffer | undefined;
  /** Epoch milliseconds; undefined = valid until the server refuses it. */
  expiresAt: number | undefined;
}

// Refresh a little early so a request never leaves with a credential about to expire.
const expirySkewMs = 10_000;

/** Runs a kubeconfig exec plugin (client.authentication.k8s.io/v1) and caches the credential until it expires. */
export class ExecCredentialSource {
  readonly #config: ExecConfig;
  readonly #now: () => number;
  #cached: ExecCredential | undefined;
  #stale = false;
  #pending: Promise<ExecCredential> | undefined;
  /** How many times the plugin ran (for tests and logs). */
  runs = 0;

  constructor(config: ExecConfig, now: () => number = Date.now) {
    this.#config = config;
    this.#now = now;
  }

  /** The credential fetched last, expired or not (the pool's TLS options are built from it). */
  get last(): ExecCredential | undefined {
    return this.#cached;
  }

  /** Forget the cached credential, e.g. after a 401. */
  invalidate(): void {
    this.#stale = true;
  }

  async get(): Promise<ExecCredential> {
    const cached = this.#cached;
    if (cached && !this.#stale && (cached.expiresAt === undefined || cached.expiresAt - expirySkewMs > this.#now())) return cached;
    this.#pending ??= this.#run().finally(() => {
      this.#pending = undefined;
    });
    this.#cached = await this.#pending;
    this.#stale = false;
    return this.#cached;
  }

  async #run(): Promise<ExecCredential> {
    const config = this.#config;
    // A bare command is looked up on PATH like kubectl does; a relative path is relative to the kubeconfig.
    const command = config.command.includes('/') && !isAbsolute(config.command) ? join(config.baseDir, config.command) : config.command;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const entry of config.env) env[entry.name] = entry.value;
    const spec = { interactive: false, ...(config.cluster ? { cluster: config.cluster } : {}) };
    env['KUBERNETES_EXEC_INFO'] = JSON.stringify({ apiVersion: config.apiVersion, kind: 'ExecCredential', spec });
    this.runs += 1;
    const stdout = await new Promise<string>((resolvePromise, reject) => {
      execFile(command, config.args, { env, timeout: 60_000, maxBuffer: 1 << 20 }, (error, out, stderr) => {
        if (error) {
          const hint = config.installHint ? ` ${config.installHint}` : '';
          const detail =
            (error as NodeJS.ErrnoException).code === 'ENOENT'
              ? 'command not found'
              : `exit ${String(error.code ?? error.signal)}; stderr: ${stderr.trim().slice(-300)}`;
          reject(new ConfigError(`the kubeconfig's exec credential plugin "${config.command}" failed (${detail}).${hint}`));
        } else resolvePromise(out);
      });
    });
    let parsed: { apiVersion?: unknown; kind?: unknown; status?: Record<string, unknown> };
    try {
      parsed = JSON.parse(stdout) as typeof parsed;
    } catch {
      throw new ConfigError(`the exec credential plugin "${config.command}" did not print an ExecCredential JSON object`);
    }
    const status = parsed.status ?? {};
    const token = typeof status['token'] === 'string' ? status['token'] : undefined;
    const cert = typeof status['clientCertificateData'] === 'string' ? Buffer.from(status['clientCertificateData']) : undefined;
    const key = typeof status['clientKeyData'] === 'string' ? Buffer.from(status['clientKeyData']) : undefined;
    if (token === undefined && (cert === undefined || key === undefined)) {
      throw new ConfigError(`the exec credential plugin "${config.command}" returned neither a token nor a client certificate and key`);
    }
    const expiry = typeof status['expirationTimestamp'] === 'string' ? Date.parse(status['expirationTimestamp']) : Number.NaN;
    return { token, certData: cert, keyData: key, expiresAt: Number.isNaN(expiry) ? undefined : expiry };
  }
}

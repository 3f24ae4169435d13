import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openPrivateSync } from '../files/private-files.js';
import { PgStartFailedError, PgTimeoutError } from './errors.js';
import type { PgBinaries } from './pg-binaries.js';
import { isProcessAlive, killTree } from './process-tree.js';
import { tlsFilesPresent, tlsSettings, type TlsFiles } from './pg-tls-files.js';
import { makeOwnedDir, type RunAs } from './run-as.js';

export type StopMode = 'fast' | 'immediate' | 'kill';

const STOP_SIGNAL: Record<StopMode, NodeJS.Signals> = { fast: 'SIGINT', immediate: 'SIGQUIT', kill: 'SIGKILL' };

export interface ExitInfo {
  readonly pid: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
}

export interface PgInstanceOptions {
  /** Also the cluster_name and the application_name it streams under. */
  readonly name: string;
  readonly binaries: PgBinaries;
  /** Instance root: data/, run/ (unix socket) and postgres.log live here. */
  readonly dir: string;
  readonly port: number;
  readonly runAs?: RunAs | undefined;
  /** The cluster's certificate and key: TLS is on whenever both files exist at start. */
  readonly tls?: TlsFiles | undefined;
}

export interface StartOptions {
  readonly timeoutMs?: number;
}

const LOG_TAIL_LINES = 25;

// A unix socket path may not exceed 107 bytes: a deep data directory gets its socket in a short,
// stable directory under the system temp dir instead of `<dir>/run`.
const MAX_SOCKET_PATH = 107;

export function socketDirFor(dir: string): string {
  const inside = join(dir, 'run');
  if (Buffer.byteLength(join(inside, '.s.PGSQL.65535')) <= MAX_SOCKET_PATH) return inside;
  return join(tmpdir(), `hikube-pg-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`);
}

/**
 * One postgres server process. It is spawned directly (not through pg_ctl, whose 100 ms polling
 * dominates at these speeds) and readiness is a successful connection. Instance-specific
 * settings (port, socket, listen address) are command-line arguments so copies of the data
 * directory made by pg_basebackup or pg_rewind can never carry them to another instance.
 */
export class PgInstance {
  readonly name: string;
  readonly binaries: PgBinaries;
  readonly dir: string;
  readonly dataDir: string;
  readonly socketDir: string;
  readonly logFile: string;
  readonly port: number;
  readonly runAs: RunAs | undefined;
  readonly tls: TlsFiles | undefined;
  #child: ChildProcess | undefined;
  #pid: number | undefined;
  #lastExit: ExitInfo | undefined;
  #adoptTimer: NodeJS.Timeout | undefined;
  readonly #exitListeners = new Set<(exit: ExitInfo) => void>();

  constructor(options: PgInstanceOptions) {
    this.name = options.name;
    this.binaries = options.binaries;
    this.dir = options.dir;
    this.dataDir = join(options.dir, 'data');
    this.socketDir = socketDirFor(options.dir);
    this.logFile = join(options.dir, 'postgres.log');
    this.port = options.port;
    this.runAs = options.runAs;
    this.tls = options.tls;
  }

  /** Create the instance root and socket directory, owned by the PostgreSQL user. */
  async prepareDirs(): Promise<void> {
    await makeOwnedDir(this.dir, this.runAs, 0o700);
    await makeOwnedDir(this.socketDir, this.runAs, 0o700);
  }

  /** Remove the instance's files (data, log, socket directory); it must be stopped. */
  async removeFiles(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await rm(this.socketDir, { recursive: true, force: true });
  }

  get pid(): number | undefined {
    return this.#pid;
  }

  get running(): boolean {
    return this.#pid !== undefined;
  }

  get lastExit(): ExitInfo | undefined {
    return this.#lastExit;
  }

  /** Called once each time the postmaster exits, whatever the cause. */
  onExit(listener: (exit: ExitInfo) => void): () => void {
    this.#exitListeners.add(listener);
    return () => this.#exitListeners.delete(listener);
  }

  /** Connection parameters for the engine's own (superuser, unix socket) sessions. */
  adminConnection(database = 'postgres'): pg.ClientConfig {
    // ssl: false, or node-postgres would take PGSSLMODE from the user's shell (a Unix socket has no TLS).
    return { host: this.socketDir, port: this.port, user: 'postgres', database, ssl: false };
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.running) return;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const exit = await this.#spawnAndWait(deadline);
      if (!exit) return;
      const tail = await this.logTail();
      // Backends of a SIGKILLed postmaster may still hold the old shared memory for a moment.
      if (/pre-existing shared memory block|lock file .* already exists/.test(tail) && attempt < 30 && Date.now() < deadline) {
        await sleep(100);
        continue;
      }
      throw new PgStartFailedError(this.name, 'postgres exited during start-up', { ...exit, logTail: tail });
    }
  }

  async #spawnAndWait(deadline: number): Promise<ExitInfo | undefined> {
    const args = [
      '-D',
      this.dataDir,
      '-c',
      `port=${this.port}`,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${this.socketDir}`,
      '-c',
      `cluster_name=${this.name}`,
      ...(tlsFilesPresent(this.tls) ? tlsSettings(this.tls) : []),
    ];
    // owner-only: the log may quote statements; postgres writes it through the inherited fd
    const fd = openPrivateSync(this.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(this.binaries.path('postgres'), args, {
        cwd: this.dir,
        detached: true, // own process group: it survives a restart of Hikube Local and is adopted
        stdio: ['ignore', fd, fd],
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' },
        ...(this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {}),
      });
    } finally {
      closeSync(fd);
    }
    let exited: ExitInfo | undefined;
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    const pid = child.pid;
    if (pid === undefined) {
      const err = await spawnError;
      throw new PgStartFailedError(this.name, `could not spawn postgres: ${err.message}`, {});
    }
    child.unref();
    this.#child = child;
    this.#pid = pid;
    this.#lastExit = undefined;
    child.once('exit', (code, signal) => {
      exited = { pid, exitCode: code, signal };
      this.#markExited(exited);
    });
    while (Date.now() < deadline) {
      if (exited) return exited;
      if (await this.#canQuery(1000)) return undefined;
      await sleep(10);
    }
    const tail = await this.logTail();
    throw new PgStartFailedError(this.name, `no connection accepted within the start timeout`, { pid, logTail: tail });
  }

  async #canQuery(timeoutMs: number): Promise<boolean> {
    const client = new pg.Client({ ...this.adminConnection(), connectionTimeoutMillis: timeoutMs });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  #markExited(exit: ExitInfo): void {
    if (this.#pid !== exit.pid) return;
    this.#pid = undefined;
    this.#child = undefined;
    this.#lastExit = exit;
    if (this.#adoptTimer) clearInterval(this.#adoptTimer);
    this.#adoptTimer = undefined;
    for (const l of [...this.#exitListeners]) l(exit);
  }

  /**
   * Take over a postmaster left running by an earlier Hikube Local process: it is ours when
   * postmaster.pid names a live process started on this data directory.
   */
  async adopt(): Promise<boolean> {
    if (this.running) return true;
    let pid: number;
    try {
      pid = Number((await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    } catch {
      return false;
    }
    if (!Number.isInteger(pid) || pid <= 0 || !(await isProcessAlive(pid))) return false;
    try {
      const cmd = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
      if (!cmd.includes(this.dataDir)) return false;
    } catch {
      // no /proc: trust postmaster.pid
    }
    this.#pid = pid;
    this.#lastExit = undefined;
    // Not our child: no exit event, so watch it.
    this.#adoptTimer = setInterval(() => {
      void isProcessAlive(pid).then((alive) => {
        if (!alive) this.#markExited({ pid, exitCode: null, signal: null });
      });
    }, 100);
    this.#adoptTimer.unref();
    return true;
  }

  /** Stop the postmaster: fast (SIGINT), immediate (SIGQUIT) or kill (SIGKILL of it and its backends). */
  async stop(mode: StopMode = 'fast', timeoutMs = 30_000): Promise<ExitInfo | undefined> {
    const pid = this.#pid;
    if (pid === undefined) return this.#lastExit;
    if (mode === 'kill') await killTree(pid);
    else {
      try {
        process.kill(pid, STOP_SIGNAL[mode]);
      } catch {
        // already gone
      }
    }
    const exit = await this.waitExit(timeoutMs).catch(() => undefined);
    if (exit) return exit;
    if (mode === 'fast') return this.stop('immediate', 5_000);
    if (mode === 'immediate') return this.stop('kill', 5_000);
    throw new PgTimeoutError(`exit of ${this.name} (pid ${pid}) after SIGKILL`, timeoutMs);
  }

  /** Resolve when the current postmaster has exited. */
  waitExit(timeoutMs: number): Promise<ExitInfo> {
    const pid = this.#pid;
    if (pid === undefined) return Promise.resolve(this.#lastExit ?? { pid: 0, exitCode: null, signal: null });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new PgTimeoutError(`exit of ${this.name} (pid ${pid})`, timeoutMs));
      }, timeoutMs);
      const off = this.onExit((exit) => {
        clearTimeout(timer);
        off();
        resolve(exit);
      });
      if (!this.#child) {
        // adopted: the poller reports it; make sure the poller runs promptly
        void isProcessAlive(pid).then((alive) => {
          if (!alive) this.#markExited({ pid, exitCode: null, signal: null });
        });
      }
    });
  }

  /** A connected superuser client over the unix socket. The caller ends it. */
  async connect(database = 'postgres', timeoutMs = 5_000): Promise<pg.Client> {
    const client = new pg.Client({ ...this.adminConnection(database), connectionTimeoutMillis: timeoutMs });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  }

  /** One statement on a short-lived superuser session. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<R[]> {
    const client = await this.connect(database);
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** The last lines of the server log, for error messages. */
  async logTail(lines = LOG_TAIL_LINES): Promise<string> {
    try {
      const fh = await open(this.logFile, 'r');
      try {
        const { size } = await fh.stat();
        const len = Math.min(size, 16_384);
        const buf = Buffer.alloc(len);
        await fh.read(buf, 0, len, size - len);
        return buf
          .toString('utf8')
          .split('\n')
          .slice(-lines - 1)
          .join('\n')
          .trim();
      } finally {
        await fh.close();
      }
    } catch {
      return '';
    }
  }
}

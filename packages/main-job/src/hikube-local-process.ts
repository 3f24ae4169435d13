// Hikube Local as a background server of its own (`hikube-local start --detach`), so the clusters
// keep running after npm start returns and a second run finds them.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { MainJobError } from './main-job-errors.js';

const run = promisify(execFile);

/** The `hikube-local` command as @hikube/local declares it (its package.json `bin`), wherever the package is installed. */
function hikubeLocalCliPath(): string {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@hikube/local');
  } catch (err) {
    throw new MainJobError('HIKUBE_MAIN_JOB_NOT_BUILT', `@hikube/local is not built: run npm start (it builds first) or npx tsc -b`, { cause: err });
  }
  let dir = dirname(entry);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; bin?: Record<string, string> };
      if (name === '@hikube/local' && bin?.['hikube-local'] !== undefined) return join(dir, bin['hikube-local']);
    }
    if (dirname(dir) === dir) throw new MainJobError('HIKUBE_MAIN_JOB_NOT_BUILT', '@hikube/local declares no hikube-local command: run npm ci');
    dir = dirname(dir);
  }
}

export interface RunningHikubeLocal {
  url: string;
  pid: number;
  driver: string;
  kubeconfigPath: string;
  /** True when it was already running (this run started nothing). */
  reused: boolean;
}

/** `running: https://127.0.0.1:6443 pid 42 driver engine` -> its parts. */
export function parseStatusLine(line: string): { url: string; pid: number; driver: string } | undefined {
  const match = /running: (\S+) pid (\d+) driver (\S+)/.exec(line);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  return { url: match[1], pid: Number(match[2]), driver: match[3] };
}

async function cli(args: readonly string[], timeoutMs: number): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const hikubeLocalCli = hikubeLocalCliPath();
  if (!existsSync(hikubeLocalCli)) {
    throw new MainJobError('HIKUBE_MAIN_JOB_NOT_BUILT', `${hikubeLocalCli} is missing: run npm start (it builds first) or npx tsc -b`);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [hikubeLocalCli, ...args], { timeout: timeoutMs });
    return { ok: true, stdout, stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
  }
}

export async function hikubeLocalStatus(dataDir: string): Promise<{ url: string; pid: number; driver: string } | undefined> {
  const status = await cli(['status', '--data-dir', dataDir], 30_000);
  return status.ok ? parseStatusLine(status.stdout) : undefined;
}

/** Reuses the server recorded in the data dir, or starts one with the engine driver (real PostgreSQL). */
export async function ensureHikubeLocal(dataDir: string): Promise<RunningHikubeLocal> {
  const kubeconfigPath = join(dataDir, 'kubeconfig');
  const running = await hikubeLocalStatus(dataDir);
  if (running) return { ...running, kubeconfigPath, reused: true };
  const started = await cli(['start', '--detach', '--data-dir', dataDir, '--driver', 'engine'], 120_000);
  if (!started.ok) {
    throw new MainJobError(
      'HIKUBE_MAIN_JOB_LOCAL_START',
      `hikube-local start failed:\n${started.stderr.trim() || started.stdout.trim()}\n(log: ${join(dataDir, 'hikube-local.log')})`,
    );
  }
  const now = await hikubeLocalStatus(dataDir);
  if (!now)
    throw new MainJobError('HIKUBE_MAIN_JOB_LOCAL_START', `hikube-local started but its status does not answer (log: ${join(dataDir, 'hikube-local.log')})`);
  return { ...now, kubeconfigPath, reused: false };
}

/** Stops the server of this data dir (it stops every PostgreSQL it started); false if none ran. */
export async function stopHikubeLocal(dataDir: string): Promise<boolean> {
  if (!(await hikubeLocalStatus(dataDir))) return false;
  const stopped = await cli(['stop', '--data-dir', dataDir], 60_000);
  if (!stopped.ok) throw new MainJobError('HIKUBE_MAIN_JOB_LOCAL_STOP', `hikube-local stop failed: ${stopped.stderr.trim()}`);
  return true;
}

// The process `hikube-local start --detach` leaves behind: it runs the server as its child and
// starts it again when it dies without being asked to (a signal, an out-of-memory abort, a
// non-zero exit). The new server opens the same data directory on the same port, so the store,
// the tokens, the kubeconfig and the running PostgreSQL clusters are adopted as they are.

import { spawn } from 'node:child_process';
import { readServerInfo } from '../server/data-dir.js';

/** Set on the server's environment so it records who supervises it in server.json. */
export const SUPERVISOR_ENV = 'HIKUBE_LOCAL_SUPERVISOR_PID';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export type RestartDecision = { action: 'exit'; code: number } | { action: 'restart'; delayMs: number };

/** Starts in a row that never came up before the supervisor gives up (a bad port, a broken install). */
export const MAX_FAILED_STARTS = 5;

/**
 * What to do when the server exits. A clean exit (code 0) was asked for (`hikube-local stop`
 * sends SIGTERM, which the server handles); a server that never came up is not retried forever.
 */
export function decideRestart(exit: ServerExit, context: { stopping: boolean; cameUp: boolean; failedStarts: number }): RestartDecision {
  if (context.stopping || exit.code === 0) return { action: 'exit', code: 0 };
  if (!context.cameUp && context.failedStarts >= MAX_FAILED_STARTS) return { action: 'exit', code: exit.code ?? 1 };
  // A server that served restarts at once; one that keeps failing to start backs off (at most 4 s).
  return { action: 'restart', delayMs: context.cameUp ? 0 : 250 * 2 ** context.failedStarts };
}

export function describeExit(pid: number | undefined, exit: ServerExit): string {
  return `the server (pid ${pid ?? '?'}) ${exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code ?? '?'}`}`;
}

export interface SupervisorOptions {
  dataDir: string;
  /** Path of the `hikube-local` entry point the server runs from. */
  main: string;
  /** `start` options for the server, without --data-dir, --port and --detach. */
  serverArgs: string[];
  /** The port asked for; after the first start the one the server got is kept. */
  port: string | undefined;
  log: (line: string) => void;
}

export async function runSupervisor(o: SupervisorOptions): Promise<number> {
  let stopping = false;
  let child: ReturnType<typeof spawn> | undefined;
  let wake: (() => void) | undefined;
  const stop = (): void => {
    stopping = true;
    child?.kill('SIGTERM');
    wake?.();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  let port = o.port;
  let failedStarts = 0;
  try {
    for (;;) {
      const args = [o.main, 'start', '--data-dir', o.dataDir, ...(port !== undefined ? ['--port', port] : []), ...o.serverArgs];
      const running = spawn(process.execPath, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, [SUPERVISOR_ENV]: String(process.pid) },
      });
      child = running;
      const exit = await new Promise<ServerExit>((resolve) => running.once('exit', (code, signal) => resolve({ code, signal })));
      child = undefined;
      // The server records itself once it listens and removes the record on a clean stop.
      const info = readServerInfo(o.dataDir);
      const cameUp = info !== undefined && info.pid === running.pid;
      if (cameUp) port = String(info.port);
      failedStarts = cameUp ? 0 : failedStarts + 1;
      const decision = decideRestart(exit, { stopping, cameUp, failedStarts });
      if (decision.action === 'exit') {
        if (decision.code !== 0)
          o.log(`hikube-local supervisor: ${describeExit(running.pid, exit)} and did not come up ${failedStarts} times in a row; giving up`);
        return decision.code;
      }
      o.log(`hikube-local supervisor: ${describeExit(running.pid, exit)}; starting it again`);
      if (decision.delayMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, decision.delayMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (stopping) return 0;
      }
    }
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Busy loops, one per core, to run suites on a loaded machine; stop() ends exactly these. */
export interface CpuLoad {
  readonly pids: readonly number[];
  stop(): void;
}

export function startCpuLoad(processes: number = availableParallelism()): CpuLoad {
  const children: ChildProcess[] = [];
  for (let n = 0; n < processes; n++) {
    children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
  return {
    pids: children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined),
    stop() {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    },
  };
}

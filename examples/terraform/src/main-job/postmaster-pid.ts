// Finds the postmaster of one instance, to kill it the way a crash would (SIGKILL). It reads
// PostgreSQL's own postmaster.pid in the instance's data directory, where Hikube Local's engine
// keeps it: <dataDir>/engine/clusters/<ns>--<name>--<uid8>/<instance>/data, or, when the engine
// could not use the data dir, <tmpdir>/hikube-local-engine/<sha256(dataDir)[0:16]>/clusters/...
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface InstanceRef {
  namespace: string;
  cluster: string;
  uid: string;
  instance: string;
}

export function instanceDataDirs(dataDir: string, ref: InstanceRef): string[] {
  const rel = join('clusters', `${ref.namespace}--${ref.cluster}--${ref.uid.slice(0, 8)}`, ref.instance, 'data');
  const fallbackRoot = join(tmpdir(), 'hikube-local-engine', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  return [join(dataDir, 'engine', rel), join(fallbackRoot, rel)];
}

/** The live postmaster's PID, or undefined (not found, not running, or a recycled PID). */
export async function findPostmasterPid(dataDir: string, ref: InstanceRef): Promise<number | undefined> {
  for (const pgdata of instanceDataDirs(dataDir, ref)) {
    const pidFile = await readFile(join(pgdata, 'postmaster.pid'), 'utf8').catch(() => undefined);
    const pid = Number(pidFile?.split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    // The PID must still be a postgres started on this data directory, not a recycled number.
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
    if (cmdline?.split('\0').includes(pgdata)) return pid;
  }
  return undefined;
}

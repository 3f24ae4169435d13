import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What survives a restart of Hikube Local, kept next to the instances' data. */
export interface PersistedCluster {
  readonly major: number;
  readonly primary: number | undefined;
  /** `incarnation` is absent in state files written before incarnations existed (a new one is made). */
  readonly instances: Readonly<Record<string, { readonly port: number; readonly site: string; readonly incarnation?: string | undefined }>>;
  /** `externalAddress`: the loopback address asked for the external endpoint (absent in older files: 127.0.0.1). */
  readonly proxies: {
    readonly rw: number;
    readonly ro: number;
    readonly r: number;
    readonly external?: number | undefined;
    readonly externalAddress?: string | undefined;
  };
  readonly parameters: Readonly<Record<string, string>>;
}

const FILE = 'cluster.json';

export async function loadClusterState(root: string): Promise<PersistedCluster | undefined> {
  try {
    return JSON.parse(await readFile(join(root, FILE), 'utf8')) as PersistedCluster;
  } catch {
    return undefined;
  }
}

export async function saveClusterState(root: string, state: PersistedCluster): Promise<void> {
  const tmp = join(root, `${FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(state, null, 2), { mode: 0o600 });
  await rename(tmp, join(root, FILE));
}

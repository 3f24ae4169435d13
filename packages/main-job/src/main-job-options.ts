import { isAbsolute, join } from 'node:path';
import { MainJobInputError } from './main-job-errors.js';

export type MainJobCommand = 'start' | 'failover' | 'down';

/** Which example: Hikube's public API (what a Hikube customer has) or the Cozystack Kubernetes API. */
export type ExampleWorkspaceName = 'public-api' | 'cozystack';

export interface MainJobOptions {
  command: MainJobCommand;
  /** `down` tears down both workspaces whatever this says. */
  workspace: ExampleWorkspaceName;
  /** Hikube Local's data directory; the Terraform working directory lives inside it. */
  dataDir: string;
}

// PostgreSQL's unix socket path (sockaddr_un) holds 107 bytes. The engine puts each socket at
// <dataDir>/engine/clusters/<ns>--<name>--<uid8>/postgres-<name>-<n>/run/.s.PGSQL.<port>; for this
// example's longest names that is the data dir plus this many bytes.
const SOCKET_SUFFIX_BYTES = '/engine/clusters/tenant-demo--orders--12345678/postgres-orders-1/run/.s.PGSQL.65535'.length;
const SOCKET_PATH_MAX = 107;

/**
 * A short, per-user directory reused across runs, so a second `npm start` finds the running
 * Hikube Local. Not under the repository: deep checkouts would overflow the socket path.
 */
export function defaultDataDir(uid: number | undefined): string {
  return `/tmp/hikube-local-${uid ?? 'user'}`;
}

/** `[--failover | --down] [--cozystack] [--data-dir DIR]`; HIKUBE_LOCAL_DATA_DIR also names the data dir. */
export function parseMainJobArgs(argv: readonly string[], env: NodeJS.ProcessEnv, uid: number | undefined): MainJobOptions {
  let command: MainJobCommand = 'start';
  let workspace: ExampleWorkspaceName = 'public-api';
  let dataDir = env['HIKUBE_LOCAL_DATA_DIR'] || defaultDataDir(uid);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--failover' || arg === '--down') {
      const wanted: MainJobCommand = arg === '--failover' ? 'failover' : 'down';
      if (command !== 'start' && command !== wanted) throw new MainJobInputError(arg, 'use either --failover or --down, not both');
      command = wanted;
    } else if (arg === '--cozystack') {
      workspace = 'cozystack';
    } else if (arg === '--data-dir') {
      const value = argv[++i];
      if (value === undefined || value === '') throw new MainJobInputError('--data-dir', 'needs a directory, e.g. --data-dir /tmp/hikube-local');
      dataDir = value;
    } else {
      throw new MainJobInputError(String(arg), 'unknown argument; use npm start [-- --failover | --down] [--cozystack] [--data-dir DIR]');
    }
  }
  if (!isAbsolute(dataDir)) dataDir = join(process.cwd(), dataDir);
  const room = SOCKET_PATH_MAX - SOCKET_SUFFIX_BYTES;
  if (Buffer.byteLength(dataDir) > room) {
    throw new MainJobInputError(
      'data dir',
      `${dataDir} is ${Buffer.byteLength(dataDir)} bytes; PostgreSQL's socket paths under it would pass 107 bytes. ` +
        `Use a directory of at most ${room} bytes (HIKUBE_LOCAL_DATA_DIR or --data-dir), e.g. ${defaultDataDir(undefined)}`,
    );
  }
  return { command, workspace, dataDir };
}

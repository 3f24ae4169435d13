// The shapes the cluster runtime takes and gives: what a cluster should look like (from the
// reconciler), and what it looks like now (to status, Pods, Services and Events).

import type { RunAs } from '../../engine/run-as.js';
import type { RolesAndDatabases } from '../../engine/sql-roles.js';
import type { TlsFiles } from '../../engine/pg-tls-files.js';
import type { ClusterPhase } from './health-rules.js';
import type { HealthProfile } from './health-profile.js';
import type { QuorumSpec, SyncDecision } from './sync-quorum.js';

/** What the cluster should look like; built by the reconciler from a Postgres object. */
export interface ClusterDesired {
  readonly major: number;
  readonly replicas: number;
  readonly quorum: QuorumSpec;
  /** Effective parameters (resources-derived, then the user's), operator-owned ones removed. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Site of instance n (fixed when the instance is created). */
  siteOf(n: number): string;
  /** Site preferred for the primary, if any. */
  readonly primarySite?: string | undefined;
  readonly roles: RolesAndDatabases;
  readonly external: boolean;
  /** The loopback address the external endpoint listens on (port 5432 when it can); default 127.0.0.1. */
  readonly externalAddress?: string | undefined;
}

export interface InstanceSnapshot {
  readonly ordinal: number;
  readonly name: string;
  readonly site: string;
  readonly role: 'primary' | 'standby';
  /** Serving: the primary accepts connections; a standby streams. */
  readonly ready: boolean;
  readonly reason: string;
  /** Standby only: bytes of WAL replayed behind the primary. */
  readonly lagBytes?: number | undefined;
  readonly pid?: number | undefined;
  readonly port: number;
  /** Changes exactly when the instance's data directory is recreated (clone, re-clone): a new pod. */
  readonly incarnation: string;
}

export interface ClusterSnapshot {
  readonly phase: ClusterPhase;
  readonly primary: string | undefined;
  readonly primaryReady: boolean;
  readonly instances: readonly InstanceSnapshot[];
  readonly synchronous: SyncDecision;
  readonly proxies: {
    readonly rw: number;
    readonly ro: number;
    readonly r: number;
    readonly external?: number | undefined;
    readonly externalHost?: string | undefined;
  };
  readonly rolesApplied: boolean;
  readonly lastError: string | undefined;
}

export interface ClusterEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

export interface ClusterRuntimeOptions {
  /** Directory owned by this cluster: instances, state file. Removed by `destroy`. */
  readonly root: string;
  /** Instance names are `<baseName>-<n>`, e.g. postgres-demo-2. */
  readonly baseName: string;
  /** Where initdb'd templates are cached (shared by clusters). */
  readonly templateRoot: string;
  readonly runAs: RunAs | undefined;
  /** The cluster's certificate and key, shared by its instances (TLS is on when they exist). */
  readonly tls?: TlsFiles | undefined;
  readonly profile?: HealthProfile;
  /** The health loop's clock (milliseconds); tests may drive it. */
  readonly now?: () => number;
  /** Something observable changed (status should be rewritten). */
  readonly onChange?: () => void;
  /** Diagnostics; never secrets. */
  readonly log?: (message: string) => void;
}

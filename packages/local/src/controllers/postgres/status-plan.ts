import type { ClusterPhase } from './cluster-runtime.js';

/** What a release's outcome and WorkloadsReady are computed from. */
export interface ReadinessFacts {
  readonly phase: ClusterPhase;
  readonly primary: string | undefined;
  readonly primaryReady: boolean;
  readonly rolesApplied: boolean;
  readonly instances: number;
  readonly readyInstances: number;
  /** Set while the engine is still bringing the cluster to the new spec. */
  readonly applying: boolean;
}

/**
 * Whether a running release action is done: Helm waits until what the chart made is healthy, here
 * the primary accepts writes through rw with the users and databases applied. A later failover
 * does not undo a finished release (Ready stays as the release left it).
 */
export function releaseDone(f: ReadinessFacts): boolean {
  return !f.applying && f.primaryReady && f.rolesApplied;
}

import pg from 'pg';

/**
 * synchronous_standby_names from the legacy quorum fields, the way CloudNativePG computes them
 * for `minSyncReplicas`/`maxSyncReplicas` (Cozystack renders `quorum.*` into exactly those):
 * start at max; fall back to min when fewer standbys are ready than max; fall back to the ready
 * count when even min is not met (self-healing, i.e. durability "preferred": writes go on with
 * fewer confirmations rather than block); 0 means asynchronous.
 */
export interface QuorumSpec {
  readonly minSyncReplicas: number;
  readonly maxSyncReplicas: number;
}

export interface SyncDecision {
  /** Standbys that must confirm each commit (ANY n); 0 = asynchronous. */
  readonly number: number;
  /** Electable standbys, sorted. */
  readonly names: readonly string[];
  /** The value for synchronous_standby_names. */
  readonly value: string;
}

export function decideSynchronousStandbys(quorum: QuorumSpec, readyStandbys: readonly string[]): SyncDecision {
  const ready = readyStandbys.length;
  let n = quorum.maxSyncReplicas;
  if (ready < n) n = quorum.minSyncReplicas;
  if (ready < quorum.minSyncReplicas) n = ready;
  const names = [...readyStandbys].sort();
  if (n <= 0 || names.length === 0) return { number: 0, names: [], value: '' };
  return { number: n, names, value: `ANY ${n} (${names.map((s) => pg.escapeIdentifier(s)).join(', ')})` };
}

import type { HealthProfile } from './health-profile.js';

/**
 * What PostgreSQL cannot start without. A data directory missing any of them is an unusable
 * volume: on Kubernetes the pod would crash-loop on it, and CloudNativePG's documented way out
 * is a new volume filled by a clone of the primary. Hikube Local takes that way by itself.
 */
export const ESSENTIAL_DATA_ENTRIES = ['PG_VERSION', 'global/pg_control', 'base', 'pg_wal'] as const;

export type DataDirectoryVerdict = { readonly intact: true } | { readonly intact: false; readonly missing: readonly string[] };

export const INTACT: DataDirectoryVerdict = { intact: true };

/** Judge a data directory by which essential entries are present in it. */
export function judgeDataDirectory(present: ReadonlySet<string>): DataDirectoryVerdict {
  const missing = ESSENTIAL_DATA_ENTRIES.filter((entry) => !present.has(entry));
  return missing.length === 0 ? INTACT : { intact: false, missing };
}

/** What the health loop knows about one instance at one moment. */
export interface InstanceFacts {
  readonly role: 'primary' | 'standby';
  readonly running: boolean;
  readonly siteDown: boolean;
  /** An operation owns the instance: nothing may be decided about it now. */
  readonly busy: boolean;
  readonly dataDirectory: DataDirectoryVerdict;
  /** It diverged or failed to stream before: a plain restart is not enough. */
  readonly needsRejoin: boolean;
  /** Consecutive failed probes, and since when (the loop's clock). */
  readonly failures: number;
  readonly failingSince: number | undefined;
  /** Standby: since when it has been running without streaming. */
  readonly notStreamingSince: number | undefined;
}

export type Repair =
  | { readonly action: 'none' }
  /** Primary: promote a standby. */
  | { readonly action: 'failover'; readonly reason: string }
  /** Standby: start it again on its own data directory. */
  | { readonly action: 'restart' }
  /** Standby: pg_rewind onto the primary's timeline, else a fresh clone. */
  | { readonly action: 'rejoin' }
  /** Standby: its data directory is unusable; replace it with a clone of the primary (a new pod). */
  | { readonly action: 'reclone'; readonly reason: string };

const NONE: Repair = { action: 'none' };

/** The healing rule, one instance at a time; `now` is the loop's clock. */
export function decideRepair(facts: InstanceFacts, profile: HealthProfile, now: number): Repair {
  if (facts.busy) return NONE;
  if (facts.role === 'primary') return decidePrimaryRepair(facts, profile, now);
  if (facts.siteDown) return NONE;
  if (!facts.dataDirectory.intact) return { action: 'reclone', reason: damageReason(facts.dataDirectory.missing) };
  if (!facts.running) return facts.needsRejoin ? { action: 'rejoin' } : { action: 'restart' };
  const stalled = facts.notStreamingSince !== undefined && now - facts.notStreamingSince > profile.standbyResyncAfterMs;
  return stalled ? { action: 'rejoin' } : NONE;
}

function decidePrimaryRepair(facts: InstanceFacts, profile: HealthProfile, now: number): Repair {
  if (!facts.running || facts.siteDown) return { action: 'failover', reason: 'its postmaster is not running' };
  if (!facts.dataDirectory.intact) return { action: 'failover', reason: damageReason(facts.dataDirectory.missing) };
  const silent = facts.failures >= profile.failureThreshold && facts.failingSince !== undefined && now - facts.failingSince >= profile.unreachableAfterMs;
  return silent ? { action: 'failover', reason: `${facts.failures} probes failed` } : NONE;
}

function damageReason(missing: readonly string[]): string {
  return `its data directory lost ${missing.join(', ')}`;
}

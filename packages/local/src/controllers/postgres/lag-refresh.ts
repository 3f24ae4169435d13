// When the per-instance lag shown in status is worth a rewrite. Status is written by a reconcile,
// so rewriting on every probe tick (10 a second) would flood the store and every watcher; never
// rewriting lets an idle standby show an old burst's lag for good. The compromise: rewrite at once
// when a standby's lag moves to another order of magnitude, otherwise at most every few seconds
// while any value differs from the one last reported.

/** Lag buckets, in bytes: caught up, under one MiB, under one WAL segment (16 MiB), more. */
export type LagBucket = 'none' | 'small' | 'segment' | 'large';

const MIB = 1024 * 1024;

/** Minimum time between two refreshes when only the exact value changed (same bucket). */
export const LAG_REFRESH_INTERVAL_MS = 3_000;

export function lagBucket(bytes: number | undefined): LagBucket | undefined {
  if (bytes === undefined) return undefined;
  if (bytes <= 0) return 'none';
  if (bytes < MIB) return 'small';
  if (bytes < 16 * MIB) return 'segment';
  return 'large';
}

/** Lag per instance name; undefined for a primary or an unreachable standby. */
export type LagView = Readonly<Record<string, number | undefined>>;

/**
 * Should the status be rewritten for lag alone? `reported` is what the last refresh saw,
 * `current` what the probes see now, `sinceLastMs` the time since that refresh.
 */
export function lagNeedsRefresh(reported: LagView, current: LagView, sinceLastMs: number, intervalMs = LAG_REFRESH_INTERVAL_MS): boolean {
  const names = new Set([...Object.keys(reported), ...Object.keys(current)]);
  let differs = false;
  for (const name of names) {
    const before = reported[name];
    const now = current[name];
    if (lagBucket(before) !== lagBucket(now)) return true;
    if (before !== now) differs = true;
  }
  return differs && sinceLastMs >= intervalMs;
}

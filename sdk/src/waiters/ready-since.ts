// Cozystack's aggregated API reports neither metadata.generation nor observedGeneration: `Ready`
// is the HelmRelease's, and right after a write it still says what it said before the write. A
// wait after a change therefore compares Ready with the one read before (or returned by) the write.
import type { Condition, Postgres } from '../generated/types.js';

/** The `Ready` condition of a Postgres, if the platform reported one. */
export function readyCondition(postgres: Postgres | undefined): Condition | undefined {
  return postgres?.status?.conditions?.find((condition) => condition.type === 'Ready');
}

/**
 * Whether `current` was written after `before`. helm-controller marks Ready Unknown (Progressing)
 * when a release starts and names the Helm release revision in its success message
 * (`release ns/postgres-x.v3`), which grows with every release: a Ready written for a change never
 * equals the one left before it.
 */
export function isNewerCondition(before: Condition | undefined, current: Condition | undefined): boolean {
  if (before === undefined) return true;
  if (current === undefined) return false;
  return (
    current.status !== before.status ||
    current.reason !== before.reason ||
    current.message !== before.message ||
    current.lastTransitionTime !== before.lastTransitionTime
  );
}

import { parseLsn } from '../../engine/lsn.js';

export interface StandbyObservation {
  readonly name: string;
  /** Answered its probe and is in recovery. */
  readonly healthy: boolean;
  /** WAL received and flushed (pg_last_wal_receive_lsn). */
  readonly receiveLsn: string | null;
  readonly replayLsn: string | null;
  /** Listed in the primary's synchronous quorum when it was last seen. */
  readonly synchronous: boolean;
  /** In the site the scheduling class prefers for the primary. */
  readonly preferredSite?: boolean;
}

function cmpBig(a: bigint | undefined, b: bigint | undefined): number {
  const x = a ?? -1n;
  const y = b ?? -1n;
  return x === y ? 0 : x > y ? -1 : 1;
}

/**
 * Order standbys for promotion: healthy ones only; the most advanced received WAL first (it
 * holds every commit a quorum acknowledged); then synchronous ones, then replayed WAL, then the
 * preferred site, then name for a stable answer.
 */
function rankFailoverCandidates(standbys: readonly StandbyObservation[]): StandbyObservation[] {
  return standbys
    .filter((s) => s.healthy)
    .sort(
      (a, b) =>
        cmpBig(parseLsn(a.receiveLsn) ?? parseLsn(a.replayLsn), parseLsn(b.receiveLsn) ?? parseLsn(b.replayLsn)) ||
        Number(b.synchronous) - Number(a.synchronous) ||
        cmpBig(parseLsn(a.replayLsn), parseLsn(b.replayLsn)) ||
        Number(b.preferredSite === true) - Number(a.preferredSite === true) ||
        a.name.localeCompare(b.name),
    );
}

export function electFailoverCandidate(standbys: readonly StandbyObservation[]): string | undefined {
  return rankFailoverCandidates(standbys)[0]?.name;
}

// The cluster-wide rules of the health loop, as pure functions of an explicit snapshot of the
// instances and the time (the controller's clock, passed in): who serves, who counts for the
// quorum, which standby may be promoted, where the endpoints point, and what to heal.

import type { ProxyRoutes } from '../../engine/cluster-proxies.js';
import type { InstanceHealth } from '../../engine/pg-probe.js';
import type { StandbyObservation } from './failover-candidate.js';
import type { HealthProfile } from './health-profile.js';
import { decideRepair, type Repair } from './instance-repair.js';
import { repairFacts, type InstanceState } from './instance-state.js';

export type ClusterPhase = 'Initializing' | 'Healthy' | 'Scaling' | 'FailingOver' | 'Switchover' | 'Restarting' | 'Degraded';

/** One instance as the rules see it: its state and what its process is doing now. */
export interface InstanceView {
  readonly ordinal: number;
  readonly name: string;
  readonly site: string;
  readonly port: number;
  readonly running: boolean;
  readonly state: InstanceState;
}

export interface Readiness {
  readonly ready: boolean;
  readonly reason: string;
}

/** Serving: the primary accepts connections; a standby streams. */
export function readiness(m: InstanceView): Readiness {
  if (m.state.siteDown) return { ready: false, reason: 'SiteDown' };
  if (!m.running) return { ready: false, reason: 'NotRunning' };
  const h = m.state.health;
  if (!h?.reachable) return { ready: false, reason: 'Unreachable' };
  if (m.state.role === 'primary') return h.inRecovery ? { ready: false, reason: 'Promoting' } : { ready: true, reason: 'Primary' };
  if (!h.inRecovery) return { ready: false, reason: 'NotInRecovery' };
  return h.streaming ? { ready: true, reason: 'Streaming' } : { ready: false, reason: 'NotStreaming' };
}

/**
 * Standbys that count as ready for the quorum: streaming, or running and only briefly not
 * streaming (being repointed after a failover). Like pod readiness on Kubernetes, a short
 * blip does not shrink the quorum; a dead, fenced or stalled standby does.
 */
export function syncEligible(instances: readonly InstanceView[], profile: HealthProfile, now: number): string[] {
  return instances
    .filter(({ state: s, running }) => s.role === 'standby' && running && !s.siteDown && !s.needsRejoin && !s.leaving && s.health?.reachable === true)
    .filter(({ state: s }) => s.notStreamingSince === undefined || now - s.notStreamingSince < profile.standbyResyncAfterMs)
    .map((m) => m.name);
}

/** What the cluster reports when no operation is running: Healthy only with every wanted instance serving. */
export function settledPhase(primary: InstanceView | undefined, instances: readonly InstanceView[], desiredReplicas: number | undefined): ClusterPhase {
  if (!primary || !readiness(primary).ready) return instances.length === 0 ? 'Initializing' : 'Degraded';
  const all = instances.every((m) => readiness(m).ready);
  const wanted = desiredReplicas !== undefined ? instances.length === Math.max(1, desiredReplicas) : true;
  return all && wanted ? 'Healthy' : 'Degraded';
}

/** The standbys a failover or switchover may promote, as the election reads them. */
export function failoverObservations(
  instances: readonly InstanceView[],
  synchronousNames: readonly string[],
  primarySite: string | undefined,
): StandbyObservation[] {
  return instances
    .filter((m) => m.state.role === 'standby' && !m.state.needsRejoin)
    .map(({ ordinal, name, site, running, state: s }) => ({
      name: String(ordinal),
      healthy: !s.siteDown && running && s.health?.reachable === true && s.health.inRecovery,
      receiveLsn: s.health?.reachable ? s.health.receiveLsn : null,
      replayLsn: s.health?.reachable ? s.health.replayLsn : null,
      synchronous: synchronousNames.includes(name),
      preferredSite: primarySite === site,
    }));
}

/** A failover is called off when the primary, looked at again with `h`, serves on an intact directory. */
export function primaryRecovered(primary: InstanceView, h: InstanceHealth): boolean {
  return primary.running && h.reachable && !h.inRecovery && !primary.state.siteDown && primary.state.dataDirectory.intact;
}

/** A standby out of recovery although it was never made primary: promoted by an interrupted failover. */
export function alreadyPromoted(instances: readonly InstanceView[], old: number): InstanceView | undefined {
  return instances.find(
    (m) => m.ordinal !== old && m.state.role === 'standby' && m.running && m.state.health?.reachable === true && !m.state.health.inRecovery,
  );
}

/** Where the endpoints send connections: rw to a primary no operation holds, ro to serving standbys. */
export function proxyRoutes(primary: InstanceView | undefined, instances: readonly InstanceView[]): ProxyRoutes {
  const primaryOk = primary && primary.running && !primary.state.siteDown && !primary.state.busy;
  const standbys = instances.filter((m) => m.state.role === 'standby');
  return {
    rw: primaryOk ? [primary.port] : [],
    ready: standbys.filter((m) => readiness(m).ready).map((m) => m.port),
    live: standbys.filter(({ running, state: s }) => running && !s.siteDown && !s.needsRejoin).map((m) => m.port),
  };
}

export interface HealthSnapshot {
  readonly primary: number | undefined;
  /** A failover is queued or running: nothing else is decided until it is done. */
  readonly failoverQueued: boolean;
  readonly instances: readonly InstanceView[];
}

export type StandbyRepair = Exclude<Repair, { readonly action: 'none' } | { readonly action: 'failover' }>;

export interface HealthDecision {
  /** Fail the primary over, for this reason. */
  readonly failover: string | undefined;
  /** Standbys to heal, one queued operation each. */
  readonly repairs: readonly { readonly ordinal: number; readonly repair: StandbyRepair }[];
}

/**
 * One turn of the health loop: fail over a primary that is gone, else heal the standbys, but
 * only under a running primary no operation holds (a repair clones or rewinds from it).
 */
export function decideHealthActions(snapshot: HealthSnapshot, profile: HealthProfile, now: number): HealthDecision {
  const primary = snapshot.instances.find((m) => m.ordinal === snapshot.primary);
  if (snapshot.failoverQueued || !primary) return { failover: undefined, repairs: [] };
  const primaryRepair = decideRepair(repairFacts(primary.state, primary.running), profile, now);
  if (primaryRepair.action === 'failover') return { failover: primaryRepair.reason, repairs: [] };
  if (!primary.running || primary.state.busy) return { failover: undefined, repairs: [] };
  const repairs = snapshot.instances.flatMap((m) => {
    if (m === primary) return [];
    const repair = decideRepair(repairFacts(m.state, m.running), profile, now);
    return repair.action === 'none' || repair.action === 'failover' ? [] : [{ ordinal: m.ordinal, repair }];
  });
  return { failover: undefined, repairs };
}

// What the controller knows and has decided about one PostgreSQL instance, as one immutable
// value. The runtime holds one per instance and replaces it only through the transitions below,
// so every way an instance's state can change is in this file.

import type { InstanceHealth } from '../../engine/pg-probe.js';
import type { HealthProfile } from './health-profile.js';
import { INTACT, type DataDirectoryVerdict, type InstanceFacts } from './instance-repair.js';

export type InstanceRole = 'primary' | 'standby';

export interface InstanceState {
  readonly role: InstanceRole;
  /** Changes exactly when the data directory is recreated (clone, re-clone): a new pod. */
  readonly incarnation: string;
  /** The last probe that counts (see `probed`); undefined before the first. */
  readonly health: InstanceHealth | undefined;
  /** Last look at the data directory; a damaged one is replaced by a clone. */
  readonly dataDirectory: DataDirectoryVerdict;
  /** Consecutive failed probes, and since when (the controller's clock). */
  readonly failures: number;
  readonly failingSince: number | undefined;
  /** Standby: since when it has been running without streaming. */
  readonly notStreamingSince: number | undefined;
  /** Its site is down: stopped on purpose, not to be healed until the site is back. */
  readonly siteDown: boolean;
  /** An operation owns this instance right now: the health loop must not act on it. */
  readonly busy: boolean;
  /** Needs a rejoin (rewind or re-clone) before it can stream again. */
  readonly needsRejoin: boolean;
  /** Being removed by a scale-down: no longer counted in the quorum. */
  readonly leaving: boolean;
}

export function initialState(role: InstanceRole, incarnation: string): InstanceState {
  return {
    role,
    incarnation,
    health: undefined,
    dataDirectory: INTACT,
    failures: 0,
    failingSince: undefined,
    notStreamingSince: undefined,
    siteDown: false,
    busy: false,
    needsRejoin: false,
    leaving: false,
  };
}

/** The facts the repair rule reads; `running` is the process's, the rest the state's. */
export function repairFacts(state: InstanceState, running: boolean): InstanceFacts {
  return {
    role: state.role,
    running,
    siteDown: state.siteDown,
    busy: state.busy,
    dataDirectory: state.dataDirectory,
    needsRejoin: state.needsRejoin,
    failures: state.failures,
    failingSince: state.failingSince,
    notStreamingSince: state.notStreamingSince,
  };
}

// ---- observations ------------------------------------------------------------------------

export function inspected(state: InstanceState, dataDirectory: DataDirectoryVerdict): InstanceState {
  return { ...state, dataDirectory };
}

/** The process is not running: a failed probe without asking it. */
export function foundNotRunning(state: InstanceState, now: number): InstanceState {
  return { ...state, health: { reachable: false, error: 'not running' }, failures: state.failures + 1, failingSince: state.failingSince ?? now };
}

/** A probe of a running instance answered `h`. */
export function probed(state: InstanceState, h: InstanceHealth, profile: HealthProfile, now: number): InstanceState {
  const failures = h.reachable ? 0 : state.failures + 1;
  const failingSince = h.reachable ? undefined : (state.failingSince ?? now);
  // One slow probe on a busy machine is not an outage: keep the last good view until the
  // failures reach the threshold (a process that exited is handled above, at once).
  const health = h.reachable || failures >= profile.failureThreshold || !state.health?.reachable ? h : state.health;
  let notStreamingSince = state.notStreamingSince;
  if (state.role === 'standby') {
    const streaming = h.reachable && h.inRecovery && h.streaming;
    notStreamingSince = streaming ? undefined : (state.notStreamingSince ?? now);
  }
  return { ...state, failures, failingSince, health, notStreamingSince };
}

// ---- decisions and outcomes --------------------------------------------------------------

/** An operation takes the instance (true) or lets it go (false). */
export function claimed(state: InstanceState, busy: boolean): InstanceState {
  return { ...state, busy };
}

export function siteChanged(state: InstanceState, siteDown: boolean): InstanceState {
  return { ...state, siteDown };
}

/** It cannot simply start and stream again (true), or it can (false: a clean handover, or a restart in place). */
export function rejoinNeeded(state: InstanceState, needsRejoin: boolean): InstanceState {
  return { ...state, needsRejoin };
}

/** A scale-down removes it: it leaves the quorum first. */
export function leaving(state: InstanceState): InstanceState {
  return { ...state, leaving: true };
}

export function promoted(state: InstanceState): InstanceState {
  return { ...state, role: 'primary' };
}

export function demoted(state: InstanceState): InstanceState {
  return { ...state, role: 'standby' };
}

/** Its data directory is about to be recreated: a new incarnation (a new pod), as on Kubernetes. */
export function reincarnated(state: InstanceState, incarnation: string): InstanceState {
  return { ...state, incarnation };
}

/** A fresh clone replaced a damaged directory. */
export function recloned(state: InstanceState): InstanceState {
  return { ...state, dataDirectory: INTACT };
}

/** Back as a streaming standby after a rewind or a clone. */
export function rejoined(state: InstanceState): InstanceState {
  return { ...state, role: 'standby', needsRejoin: false, notStreamingSince: undefined };
}

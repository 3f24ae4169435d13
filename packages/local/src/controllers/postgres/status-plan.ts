import type { ClusterPhase } from './cluster-runtime.js';

/** What the Ready and WorkloadsReady conditions are computed from. */
export interface ReadinessFacts {
  readonly phase: ClusterPhase;
  readonly primary: string | undefined;
  readonly primaryReady: boolean;
  readonly rolesApplied: boolean;
  readonly instances: number;
  readonly readyInstances: number;
  readonly desiredReplicas: number;
  readonly lastError: string | undefined;
  /** Set while a spec change is being applied (Initializing, Scaling, Reconciling). */
  readonly applying?: 'Initializing' | 'Scaling' | 'Reconciling' | undefined;
}

export interface ConditionDecision {
  readonly ok: boolean;
  readonly reason: string;
  readonly message: string;
}

/**
 * `Ready` keeps the platform's meaning: True when the primary accepts writes through rw and the
 * users and databases are applied. Otherwise the reason says why.
 */
export function decideReady(f: ReadinessFacts): ConditionDecision {
  if (!f.applying && f.primaryReady && f.rolesApplied) {
    return { ok: true, reason: 'ReconciliationSucceeded', message: `Primary ${f.primary ?? ''} accepts writes; users and databases applied` };
  }
  const reason = f.applying ?? (f.phase === 'FailingOver' || f.phase === 'Switchover' ? 'FailingOver' : f.instances === 0 ? 'Initializing' : 'Degraded');
  const message: Record<string, string> = {
    Initializing: 'Creating the primary and its standbys',
    Scaling: `Scaling to ${f.desiredReplicas} instance(s)`,
    Reconciling: 'Applying the new specification',
    FailingOver: 'The primary is unavailable; a standby is being promoted',
  };
  return { ok: false, reason, message: message[reason] ?? f.lastError ?? `No primary accepts writes (${f.readyInstances}/${f.instances} instances ready)` };
}

/** `WorkloadsReady`: every instance serves (a standby: streaming). */
export function decideWorkloadsReady(f: ReadinessFacts): ConditionDecision {
  const ok = f.instances > 0 && f.readyInstances === f.instances;
  return { ok, reason: ok ? 'WorkloadsReady' : 'Degraded', message: `${f.readyInstances}/${f.instances} instances ready` };
}

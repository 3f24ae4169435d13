// Conditions as Kubernetes keeps them: lastTransitionTime moves only when the status changes, so a
// reader can tell how long a cluster or an instance has been (un)ready.
import type { Condition, KubeObject } from '../store/kube-object.js';

interface TimedCondition {
  type: string;
  status: string;
  lastTransitionTime?: string | undefined;
}

/** Now, to the second, as the API server writes times. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The previous condition's time while its status is unchanged, else now. */
function transitionTime(before: TimedCondition | undefined, status: string, clock: () => string = now): string {
  return before?.status === status && before.lastTransitionTime ? before.lastTransitionTime : clock();
}

/** A condition of the Postgres status, given the conditions it replaces (no observedGeneration: the platform sets none). */
export function timedCondition(previous: readonly Condition[], type: string, decided: Pick<Condition, 'status' | 'reason' | 'message'>): Condition {
  const before = previous.find((c) => c.type === type);
  return { type, status: decided.status, reason: decided.reason, message: decided.message, lastTransitionTime: transitionTime(before, decided.status) };
}

/** An instance pod's Ready condition, given the pod it replaces (if any); `clock` gives "now" (tests fix it). */
export function podReadyCondition(
  previousPod: KubeObject | undefined,
  ready: boolean,
  reason: string,
  clock: () => string = now,
): TimedCondition & { reason: string } {
  const status = ready ? 'True' : 'False';
  const conditions = (previousPod?.['status'] as { conditions?: TimedCondition[] } | undefined)?.conditions;
  return {
    type: 'Ready',
    status,
    reason,
    lastTransitionTime: transitionTime(
      conditions?.find((c) => c.type === 'Ready'),
      status,
      clock,
    ),
  };
}

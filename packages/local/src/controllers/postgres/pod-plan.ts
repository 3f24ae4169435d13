// Pod identity. On Kubernetes a pod keeps its uid and creationTimestamp for its whole life: role
// changes, readiness and restarts of its container update it in place. A new pod (new uid, age
// reset) appears only when the instance is really replaced: its data re-cloned, or the pod deleted.
// Each instance carries an incarnation id that changes exactly when its data directory is
// recreated; the pod records it in an annotation (INCARNATION_ANNOTATION, cluster-objects.ts).

export type PodAction = 'create' | 'update' | 'replace';

/**
 * `stored`: the incarnation annotation of the existing pod (undefined: no pod, or one written
 * before incarnations existed, which is adopted); `incarnation`: the instance's now.
 */
export function planPod(exists: boolean, stored: string | undefined, incarnation: string): PodAction {
  if (!exists) return 'create';
  if (stored === undefined || stored === incarnation) return 'update';
  return 'replace';
}

// Hikube's rotate-password takes effect at once: the old password is refused on the next
// connection. The front writes the new password into the spec and the platform applies it a moment
// later, so the answer waits for the platform to report that generation applied.

import type { Condition, KubeObject } from '../store/kube-object.js';
import { publicStatus } from './cluster-mapping.js';

export interface UntilAppliedOptions {
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * Resolves true once `read()` shows `generation` (or a later one) applied, false when the cluster
 * fails, disappears, or `timeoutMs` passes first: the change stays stored and is applied later.
 */
export async function untilApplied(read: () => KubeObject | undefined, generation: number, options: UntilAppliedOptions = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const object = read();
    if (object === undefined) return false;
    const conditions = (object['status'] as { conditions?: Condition[] } | undefined)?.conditions;
    const ready = conditions?.find((c) => c.type === 'Ready');
    const status = publicStatus(conditions, generation);
    if (status === 'ready' && (ready?.observedGeneration ?? 0) >= generation) return true;
    if (status === 'error' || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 25));
  }
}

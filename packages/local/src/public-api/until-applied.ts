// Hikube's rotate-password takes effect at once: the old password is refused on the next
// connection. The front writes the new password into the spec and the platform applies it a moment
// later, so the answer waits for the platform to report a release newer than the write's answer
// (there is no observedGeneration: the Ready the write left is the one to outwait).

import { isNewerCondition } from '@hikube/sdk/kubernetes';
import type { Condition, KubeObject } from '../store/kube-object.js';
import { publicStatus } from './cluster-mapping.js';

export interface UntilAppliedOptions {
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * Resolves true once `read()` shows a Ready True newer than `before` (the Ready the write's answer
 * carried), false when that release fails, the cluster disappears, or `timeoutMs` passes first:
 * the change stays stored and is applied later.
 */
export async function untilApplied(read: () => KubeObject | undefined, before: Condition | undefined, options: UntilAppliedOptions = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let moved = before === undefined;
  for (;;) {
    const object = read();
    if (object === undefined) return false;
    const conditions = (object['status'] as { conditions?: Condition[] } | undefined)?.conditions;
    moved ||= isNewerCondition(
      before,
      conditions?.find((c) => c.type === 'Ready'),
    );
    const status = moved ? publicStatus(conditions) : 'provisioning';
    if (status === 'ready') return true;
    if (status === 'error' || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 25));
  }
}

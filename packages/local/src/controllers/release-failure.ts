// A release action that fails, written the same way by both drivers: Ready and Released False with
// Helm's reason and message (release-status.ts), and a Warning Event only when that Ready changed,
// so a failure retried every few seconds does not flood `kubectl describe`.
import type { KubeObject } from '../store/kube-object.js';
import type { Placement, PostgresStatus, ReconcileContext } from './reconciler.js';
import { releaseStatus, type ReleaseAction, type WorkloadCount } from './release-status.js';

/** Writes the failed release; the pods keep running (`count` is what WorkloadsReady reads). */
export async function writeReleaseFailure(
  ctx: ReconcileContext,
  object: KubeObject,
  previous: Partial<PostgresStatus>,
  action: ReleaseAction,
  error: string,
  count: WorkloadCount,
): Promise<void> {
  const before = previous.conditions?.find((c) => c.type === 'Ready');
  const status = releaseStatus(object, previous, { state: 'failed', action, error }, count);
  await ctx.writeStatus(status);
  const ready = status.conditions.find((c) => c.type === 'Ready');
  if (ready && (before?.reason !== ready.reason || before.message !== ready.message)) await ctx.event('Warning', ready.reason, ready.message);
}

/** The cluster's placement, or why it has none (the release's error). */
export type PlacementCheck = { readonly placement: Placement; readonly error?: undefined } | { readonly placement?: undefined; readonly error: string };

/** Refuses a SchedulingClass that does not exist (`placement` undefined) and an instance that fits no node. */
export function checkPlacement(object: KubeObject, placement: Placement | undefined): PlacementCheck {
  if (!placement) {
    const className = (object['spec'] as { schedulingClass?: string } | undefined)?.schedulingClass ?? '';
    return {
      error:
        `SchedulingClass "${className}" does not exist: ask an administrator to create it, or set ` +
        `spec.schedulingClass to an existing class (built in: spread, gland, lucerne, geneva, ` +
        `gland-lucerne, gland-geneva, lucerne-geneva)`,
    };
  }
  if (placement.unschedulable !== undefined) return { error: `${placement.unschedulable} (scheduling class ${placement.className ?? 'none'})` };
  return { placement };
}

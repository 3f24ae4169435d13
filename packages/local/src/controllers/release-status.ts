// The status Cozystack's aggregated API shows for an application: `Ready` and `Released` copied
// from the HelmRelease (helm-controller's reasons and messages), `WorkloadsReady` from the
// WorkloadMonitor (operational while at least one pod is ready), no observedGeneration. Both drivers
// write it through this module, so they agree on what a client sees.
import type { Condition, KubeObject } from '../store/kube-object.js';
import { timedCondition } from './conditions.js';
import type { PostgresStatus } from './reconciler.js';

/** The chart version the platform reports in `status.version`. */
const CHART_VERSION = '0.18.0';

/** The Helm action a release of this object runs: install until one succeeded, then upgrade. */
export type ReleaseAction = 'install' | 'upgrade';

/** What Hikube Local keeps per object, as helm-controller keeps the HelmRelease's history. */
export interface ReleaseRecord {
  /** The Helm release revision of the last successful action (0: none yet). */
  revision: number;
  /** metadata.generation the last successful action released. */
  releasedGeneration: number | undefined;
}

/** The Helm storage revision helm-controller prints in its success messages (`ns/name.v3`). */
export function revisionInMessage(message: string | undefined): number | undefined {
  const match = /\.v(\d+) with chart /.exec(message ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Per-object release records, rebuilt from the stored status after a restart. */
export class ReleaseBook {
  readonly #records = new Map<string, ReleaseRecord>();

  /** The record of `object`; a stored success counts as the release of the current generation. */
  recordOf(object: KubeObject): ReleaseRecord {
    const key = object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    let record = this.#records.get(key);
    if (!record) {
      const released = conditionOf(object, 'Released');
      const revision = revisionInMessage(released?.message) ?? 0;
      const upToDate = released?.status === 'True' && conditionOf(object, 'Ready')?.status !== 'Unknown';
      record = { revision, releasedGeneration: upToDate ? (object.metadata.generation ?? 1) : undefined };
      this.#records.set(key, record);
    }
    return record;
  }

  forget(object: KubeObject): void {
    this.#records.delete(object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name}`);
  }
}

function conditionOf(object: KubeObject, type: string): Condition | undefined {
  return (object['status'] as { conditions?: Condition[] } | undefined)?.conditions?.find((c) => c.type === type);
}

export function actionOf(record: ReleaseRecord): ReleaseAction {
  return record.revision === 0 ? 'install' : 'upgrade';
}

/** Whether the object's current generation still waits for a release. */
export function releasePending(object: KubeObject, record: ReleaseRecord): boolean {
  return record.releasedGeneration !== (object.metadata.generation ?? 1);
}

/** The Helm release name: the aggregated API prefixes the application name with its kind. */
function releaseName(object: KubeObject): string {
  return `${object.metadata.namespace ?? 'default'}/postgres-${object.metadata.name}`;
}

const capitalized = (action: ReleaseAction): 'Install' | 'Upgrade' => (action === 'install' ? 'Install' : 'Upgrade');

/** How a release ended, or that it is running. */
export type ReleaseOutcome =
  | { readonly state: 'progressing'; readonly action: ReleaseAction }
  | { readonly state: 'succeeded'; readonly action: ReleaseAction; readonly revision: number }
  | { readonly state: 'failed'; readonly action: ReleaseAction; readonly error: string };

/** Pods of the cluster as the WorkloadMonitor counts them; undefined before any pod exists. */
export interface WorkloadCount {
  readonly pods: number;
  readonly ready: number;
}

interface Decided {
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

function readyAndReleased(object: KubeObject, outcome: ReleaseOutcome): { ready: Decided; released?: Decided } {
  const action = capitalized(outcome.action);
  if (outcome.state === 'progressing') {
    // helm-controller marks Ready Unknown before it runs a release action; Released keeps the last result.
    return { ready: { status: 'Unknown', reason: 'Progressing', message: `Running '${outcome.action}' action with timeout of 5m0s` } };
  }
  const decided: Decided =
    outcome.state === 'succeeded'
      ? {
          status: 'True',
          reason: `${action}Succeeded`,
          message: `Helm ${outcome.action} succeeded for release ${releaseName(object)}.v${outcome.revision} with chart postgres@${CHART_VERSION}`,
        }
      : {
          status: 'False',
          reason: `${action}Failed`,
          message: `Helm ${outcome.action} failed for release ${releaseName(object)} with chart postgres@${CHART_VERSION}: ${outcome.error}`,
        };
  return { ready: decided, released: decided };
}

/** `WorkloadsReady` as the aggregated API derives it from the WorkloadMonitor (minReplicas 1). */
export function decideWorkloads(count: WorkloadCount | undefined): Decided {
  if (count === undefined || count.pods === 0) return { status: 'Unknown', reason: 'Pending', message: 'One or more workloads have not been reconciled yet' };
  if (count.ready >= 1) return { status: 'True', reason: 'WorkloadMonitorCheck', message: 'All workloads are operational' };
  return { status: 'False', reason: 'WorkloadMonitorCheck', message: 'One or more workloads are not operational' };
}

/**
 * The status after `outcome` (undefined: no release ran, Ready and Released stay as stored; a
 * failover never touches them), with WorkloadsReady from `workloads`.
 */
export function releaseStatus(
  object: KubeObject,
  previous: Partial<PostgresStatus>,
  outcome: ReleaseOutcome | undefined,
  workloads: WorkloadCount | undefined,
): PostgresStatus {
  const before = previous.conditions ?? [];
  const kept = (type: string) => before.filter((c) => c.type === type);
  const decided = outcome ? readyAndReleased(object, outcome) : undefined;
  const conditions: Condition[] = [
    ...(decided ? [timedCondition(before, 'Ready', decided.ready)] : kept('Ready')),
    ...(decided?.released ? [timedCondition(before, 'Released', decided.released)] : kept('Released')),
    timedCondition(before, 'WorkloadsReady', decideWorkloads(workloads)),
  ];
  return { version: CHART_VERSION, conditions };
}

/**
 * A spec the chart refuses, worded as Helm words a values-schema failure: the chart, then one line
 * per value with its JSON pointer.
 */
export function schemaFailure(refusals: readonly { path: string; message: string }[]): string {
  const lines = refusals.map((r) => `- at '${jsonPointer(r.path)}': ${r.message}`);
  return `values don't meet the specifications of the schema(s) in the following chart(s):\npostgres:\n${lines.join('\n')}`;
}

/** `spec.users["a.b"][0]` -> `/users/a.b/0`: values are the spec, so the `spec` segment goes. */
export function jsonPointer(path: string): string {
  const segments: string[] = [];
  const pattern = /([^.[\]]+)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/g;
  for (const match of path.matchAll(pattern)) segments.push(match[1] ?? match[2] ?? match[3] ?? '');
  if (segments[0] === 'spec') segments.shift();
  return `/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

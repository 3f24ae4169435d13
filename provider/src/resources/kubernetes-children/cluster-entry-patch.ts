// The steps every child resource takes on the Kubernetes API: find its cluster, refuse a cluster
// that manages the same map inline, send a merge patch conditioned on the object's
// resourceVersion (a list another resource changed in between is re-read, never overwritten),
// and wait until the platform has applied it.
import type { Postgres } from '@hikube/sdk/kubernetes';
import type { ClusterApi } from '../postgres-cluster/cluster-api.js';
import { declaredInlineMaps, type InlineMap } from '../postgres-cluster/inline-maps.js';
import type { MergePatch } from '../postgres-cluster/merge-patch.js';
import { attr, error, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import type { PostgresObject } from '../postgres-cluster/postgres-spec.js';
import { messageOf } from '../public-api/public-only.js';

export interface KubernetesChildContext {
  api: ClusterApi;
  namespace: string;
  signal: AbortSignal;
  onProgress: (message: string) => void;
}

/** How long an apply waits for the cluster to apply a user or database. */
export const applyTimeoutMs = 20 * 60_000;
const attempts = 5;

const resourceOf: Record<InlineMap, string> = { users: 'hikube_postgres_user', databases: 'hikube_postgres_database' };

/**
 * What to say when the cluster resource manages `map` inline; null when it does not (or the object
 * does not say). Creating an entry there is refused; an entry that already exists only gets a
 * warning, so that it can still be changed back or destroyed.
 */
export function inlineConflict(object: PostgresObject, map: InlineMap, cluster: string, creating: boolean): PlanIssue | null {
  if (!(declaredInlineMaps(object)?.has(map) ?? false)) return null;
  const resource = resourceOf[map];
  const fix = `Declare this entry in the cluster's ${map} map, or remove ${map} from the cluster (and apply) to manage every entry with ${resource}.`;
  const detail = `The hikube_postgres_cluster "${cluster}" sets ${map} inline, and the two would manage the same map. ${fix}`;
  const issue = error(attr('cluster'), `Cluster manages its ${map} inline`, detail, ['cluster']);
  return creating ? issue : { ...issue, severity: 'warning' };
}

function clusterNotFound(namespace: string, cluster: string): PlanIssue {
  return error(
    attr('cluster'),
    'Cluster not found',
    `No cluster "${cluster}" in namespace ${namespace}: create it first (reference hikube_postgres_cluster.<name>.name so Terraform orders the two).`,
    ['cluster'],
  );
}

/** `clusterMissing`: the cluster does not exist (a delete counts that as done). */
export type PatchOutcome = { object: Postgres; changed: boolean } | { issue: PlanIssue; clusterMissing?: true };

/**
 * Reads the cluster, builds the patch (`spec`, `metadata.annotations`) from what it holds (an issue
 * refuses, undefined means nothing to change) and sends it with the resourceVersion it was built
 * from; a conflict re-reads.
 */
export async function patchClusterEntry(
  context: KubernetesChildContext,
  cluster: string,
  /** The map of a new entry, refused when the cluster manages it inline; null for a change to an existing one. */
  creating: InlineMap | null,
  build: (object: PostgresObject) => MergePatch | undefined | PlanIssue,
): Promise<PatchOutcome> {
  const { api, namespace, signal } = context;
  let lastCause: unknown = null;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const object = await api.get(namespace, cluster, signal);
    if (object === null) return { issue: clusterNotFound(namespace, cluster), clusterMissing: true };
    const conflict = creating === null ? null : inlineConflict(object, creating, cluster, true);
    if (conflict !== null) return { issue: conflict };
    const patch = build(object);
    if (patch !== undefined && 'severity' in patch) return { issue: patch as PlanIssue };
    if (patch === undefined) return { object, changed: false };
    const resourceVersion = object.metadata.resourceVersion;
    const metadata = { ...(patch['metadata'] as MergePatch | undefined), ...(resourceVersion === undefined ? {} : { resourceVersion }) };
    try {
      const patched = await api.patch(namespace, cluster, { ...patch, metadata }, signal);
      return { object: patched, changed: true };
    } catch (cause) {
      lastCause = cause;
      const now = await api.get(namespace, cluster, signal);
      // Changed in between (another user, say): build again from what it holds now.
      if (now === null || now.metadata.resourceVersion === resourceVersion) break;
    }
  }
  return { issue: error(null, `Cannot update cluster ${namespace}/${cluster}`, messageOf(lastCause), []) };
}

/**
 * Waits until the platform has applied `written` (the object the patch returned); an issue when it
 * does not. The wait outwaits the Ready left from before the patch: the release for the new spec
 * may not have started yet, and the credentials Secret has a new user's password only after it.
 */
export async function waitApplied(context: KubernetesChildContext, cluster: string, what: string, written: Postgres): Promise<PlanIssue | null> {
  context.onProgress(`${what}: waiting for ${context.namespace}/${cluster} to apply it`);
  try {
    await context.api.waitForReady(context.namespace, cluster, {
      level: 'all_instances',
      timeoutMs: applyTimeoutMs,
      signal: context.signal,
      onProgress: context.onProgress,
      since: written,
    });
    return null;
  } catch (cause) {
    return error(null, `Cluster ${context.namespace}/${cluster} did not apply ${what}`, messageOf(cause), []);
  }
}

// The plan and life cycle of one database on the Cozystack Kubernetes API: the key
// `spec.databases.<name>` of its cluster's Postgres object, of which it owns `extensions`; the role
// lists under it belong to the users (see child-entries). The Kubernetes API has no extensions
// catalog: names are checked against the schema at plan, and the platform refuses the rest.
import { validatePostgresSpecPatch } from '@hikube/sdk/kubernetes';
import { databaseEntryOf, databaseSpecPatch } from '../kubernetes-children/child-entries.js';
import { inlineConflict, patchClusterEntry, waitApplied, type KubernetesChildContext } from '../kubernetes-children/cluster-entry-patch.js';
import { attr, error, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import type { Postgres } from '@hikube/sdk/kubernetes';
import type { PostgresObject } from '../postgres-cluster/postgres-spec.js';
import { childId, parseChildId } from '../public-api/child-id.js';
import { messageOf } from '../public-api/public-only.js';
import type { DatabaseResult, DatabaseValues } from './database-operations.js';

export function checkKubernetesDatabasePlan(input: {
  config: DatabaseValues;
  /** Whether the plan creates the database (a cluster managing databases inline refuses that). */
  creating: boolean;
  known: { name: boolean; extensions: boolean; cluster: boolean };
  /** The cluster as it stands; null when it does not exist yet (then create checks again). */
  object: PostgresObject | null;
}): PlanIssue[] {
  const { config, known, object } = input;
  const issues: PlanIssue[] = [];
  if (known.name && config.name !== null) {
    const extensions = known.extensions ? (config.extensions ?? []) : [];
    for (const issue of validatePostgresSpecPatch({ databases: { [config.name]: { extensions } } })) {
      const at = issue.path.includes('extensions') ? 'extensions' : 'name';
      issues.push(error(attr(at), 'Invalid database setting', `${issue.message} (Cozystack Kubernetes API).`, [at]));
    }
  }
  if (object !== null && known.cluster && config.cluster !== null) {
    const conflict = inlineConflict(object, 'databases', config.cluster, input.creating);
    if (conflict !== null) issues.push(conflict);
  }
  return issues;
}

async function observedDatabase(context: KubernetesChildContext, cluster: string, name: string): Promise<DatabaseValues | null> {
  const object = await context.api.get(context.namespace, cluster, context.signal);
  const entry = object === null ? null : databaseEntryOf(object.spec ?? {}, name);
  return entry === null ? null : { id: childId(cluster, name), cluster, name, extensions: entry.extensions };
}

/** `written`: the object the patch returned, null when nothing was patched. */
async function applied(
  context: KubernetesChildContext,
  cluster: string,
  name: string,
  fallback: DatabaseValues | null,
  written: Postgres | null,
): Promise<DatabaseResult> {
  const waited = written === null ? null : await waitApplied(context, cluster, `database ${name}`, written);
  const issues = waited === null ? [] : [waited];
  try {
    return { state: (await observedDatabase(context, cluster, name)) ?? fallback, issues };
  } catch (cause) {
    return { state: fallback, issues: [...issues, error(null, `Cannot read database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

export async function createKubernetesDatabase(context: KubernetesChildContext, planned: DatabaseValues): Promise<DatabaseResult> {
  const cluster = planned.cluster ?? '';
  const name = planned.name ?? '';
  const id = childId(cluster, name);
  let written: Postgres;
  try {
    const outcome = await patchClusterEntry(context, cluster, 'databases', (object) => {
      if (databaseEntryOf(object.spec ?? {}, name) !== null) {
        return error(
          attr('name'),
          'Database already exists',
          `Cluster ${cluster} already has a database "${name}" (a user granted a role on it creates it too): import it (terraform import <address> ${id}).`,
          ['name'],
        );
      }
      return { spec: databaseSpecPatch(name, { extensions: planned.extensions ?? [] }) };
    });
    if ('issue' in outcome) return { state: null, issues: [outcome.issue] };
    written = outcome.object;
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot create database ${id}`, messageOf(cause), [])] };
  }
  return applied(context, cluster, name, { ...planned, id, extensions: [...(planned.extensions ?? [])].sort() }, written);
}

/** Only the extension list changes in place (cluster and name replace the database). */
export async function updateKubernetesDatabase(context: KubernetesChildContext, prior: DatabaseValues, planned: DatabaseValues): Promise<DatabaseResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  let written: Postgres | null = null;
  try {
    const wanted = [...new Set(planned.extensions ?? prior.extensions ?? [])].sort();
    const outcome = await patchClusterEntry(context, cluster, null, (object) => {
      const current = databaseEntryOf(object.spec ?? {}, name);
      return current !== null && JSON.stringify(current.extensions) === JSON.stringify(wanted)
        ? undefined
        : { spec: databaseSpecPatch(name, { extensions: wanted }) };
    });
    if ('issue' in outcome) return { state: prior, issues: [outcome.issue] };
    if (outcome.changed) written = outcome.object;
  } catch (cause) {
    return { state: prior, issues: [error(null, `Cannot update database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
  return applied(context, cluster, name, prior, written);
}

/** Null state when the database (or its cluster) is gone: Terraform plans to create it again. */
export async function readKubernetesDatabase(context: KubernetesChildContext, prior: DatabaseValues): Promise<DatabaseResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    return { state: await observedDatabase(context, cluster, name), issues: [] };
  } catch (cause) {
    return { state: prior, issues: [error(null, `Cannot read database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

/** Removes the key, and with it the grants users held on it: destroy users first (a reference does that). */
export async function deleteKubernetesDatabase(context: KubernetesChildContext, prior: DatabaseValues): Promise<PlanIssue[]> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  let written: Postgres;
  try {
    const outcome = await patchClusterEntry(context, cluster, null, (object) =>
      databaseEntryOf(object.spec ?? {}, name) === null ? undefined : { spec: databaseSpecPatch(name, null) },
    );
    if ('issue' in outcome) return outcome.clusterMissing === true ? [] : [outcome.issue];
    if (!outcome.changed) return [];
    written = outcome.object;
  } catch (cause) {
    return [error(null, `Cannot delete database ${childId(cluster, name)}`, messageOf(cause), [])];
  }
  const waited = await waitApplied(context, cluster, `the removal of database ${name}`, written);
  return waited === null ? [] : [waited];
}

export async function importKubernetesDatabase(context: KubernetesChildContext, id: string): Promise<DatabaseResult> {
  const target = parseChildId(id, 'database');
  if ('problem' in target) return { state: null, issues: [error(null, 'Invalid import ID', target.problem, [])] };
  try {
    const state = await observedDatabase(context, target.cluster, target.name);
    if (state === null)
      return {
        state: null,
        issues: [
          error(
            null,
            'Database not found',
            `Cluster ${target.cluster} in namespace ${context.namespace} has no database "${target.name}" (or the cluster does not exist).`,
            [],
          ),
        ],
      };
    return { state, issues: [] };
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot import database ${id}`, messageOf(cause), [])] };
  }
}

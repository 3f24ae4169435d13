// The plan and life cycle of one user on the Cozystack Kubernetes API: the key `spec.users.<name>`
// of its cluster's Postgres object and its own name in the databases' role lists (see
// child-entries). The platform keeps every password in the credentials Secret, which is readable
// here: `password` comes from it, even after an import; a rotation sets a new password in
// `spec.users.<name>.password`, the one way the platform takes a new password. `password_version`
// is kept in an annotation of the cluster object (one key per user), so an import gets it back.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { validatePostgresSpecPatch } from '@hikube/sdk/kubernetes';
import { userEntryOf, userSpecPatch, type DatabaseRole, type UserEntry } from '../kubernetes-children/child-entries.js';
import { applyTimeoutMs, inlineConflict, patchClusterEntry, waitApplied, type KubernetesChildContext } from '../kubernetes-children/cluster-entry-patch.js';
import type { MergePatch } from '../postgres-cluster/merge-patch.js';
import { attr, error, warning, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import type { Postgres } from '@hikube/sdk/kubernetes';
import type { PostgresObject } from '../postgres-cluster/postgres-spec.js';
import { childId, parseChildId } from '../public-api/child-id.js';
import { messageOf } from '../public-api/public-only.js';
import { rotates, rotationWarning, type UserResult, type UserValues } from './user-operations.js';

const roles: readonly string[] = ['admin', 'readonly'];

/** The entry the plan asks for: no replication and no roles unless set. */
function desiredEntry(planned: UserValues): UserEntry {
  return { replication: planned.replication ?? false, databases: (planned.databases ?? {}) as Record<string, DatabaseRole> };
}

export interface KubernetesUserPlanInput {
  config: UserValues;
  prior: UserValues | null;
  known: { name: boolean; databases: boolean; replication: boolean; cluster: boolean };
  /** The cluster as it stands; null when it does not exist yet (then create checks again). */
  object: PostgresObject | null;
}

export function checkKubernetesUserPlan(input: KubernetesUserPlanInput): PlanIssue[] {
  const { config, prior, known, object } = input;
  const issues: PlanIssue[] = [];
  const databases = known.databases ? (config.databases ?? {}) : {};
  for (const [database, role] of Object.entries(databases)) {
    if (!roles.includes(role))
      issues.push(
        error(
          attr('databases', { key: database }),
          'Invalid role',
          `databases["${database}"] is "${role}": use "admin" or "readonly", or leave the database out to give no role on it.`,
          ['databases'],
        ),
      );
  }
  if (known.name && config.name !== null) {
    const spec = { users: { [config.name]: {} }, databases: Object.fromEntries(Object.keys(databases).map((database) => [database, {}])) };
    for (const issue of validatePostgresSpecPatch(spec)) {
      const at = issue.path.includes('databases') ? 'databases' : 'name';
      issues.push(error(attr(at), 'Invalid user setting', `${issue.message} (Cozystack Kubernetes API).`, [at]));
    }
  }
  if (object !== null && known.cluster && config.cluster !== null) {
    const conflict = inlineConflict(object, 'users', config.cluster, prior === null);
    if (conflict !== null) issues.push(conflict);
  }
  const rotation = rotationWarning(prior, config);
  if (rotation !== null) issues.push(rotation);
  return issues;
}

/** The annotation that keeps a user's password_version; null when the name cannot be an annotation name. */
function passwordVersionAnnotation(user: string): string | null {
  return /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(user) ? `password-version.hikube.cloud/${user}` : null;
}

function recordedVersion(object: PostgresObject, user: string): number | null {
  const key = passwordVersionAnnotation(user);
  const text = key === null ? undefined : object.metadata.annotations?.[key];
  return text === undefined || !/^-?\d+(\.\d+)?$/.test(text) ? null : Number(text);
}

/** The whole patch: the user's spec entry and grants, and its password_version annotation when that changes. */
function userPatch(
  object: PostgresObject,
  name: string,
  desired: UserEntry | null,
  options: { password?: string; version: number | null },
): MergePatch | undefined {
  const spec = userSpecPatch({ spec: object.spec ?? {}, name, desired, ...(options.password === undefined ? {} : { password: options.password }) });
  const key = passwordVersionAnnotation(name);
  const version = desired === null ? null : options.version;
  const annotation = key === null || recordedVersion(object, name) === version ? undefined : { [key]: version === null ? null : String(version) };
  if (spec === undefined && annotation === undefined) return undefined;
  return { ...(spec === undefined ? {} : { spec }), ...(annotation === undefined ? {} : { metadata: { annotations: annotation } }) };
}

/** 24 letters and digits, like the platform's own generated passwords but longer. */
export function newPassword(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 248 = 4 * 62: dropping bytes above it keeps every character equally likely.
  const usable = [...randomBytes(64)].filter((byte) => byte < 248);
  return usable
    .slice(0, 24)
    .map((byte) => alphabet[byte % alphabet.length])
    .join('');
}

/** The user as the cluster holds it; null when the key is gone. */
async function observedUser(
  context: KubernetesChildContext,
  cluster: string,
  name: string,
  kept: Pick<UserValues, 'password' | 'password_version'>,
): Promise<UserValues | null> {
  const object = await context.api.get(context.namespace, cluster, context.signal);
  const entry = object === null ? null : userEntryOf(object.spec ?? {}, name);
  if (object === null || entry === null) return null;
  const credentials = (await context.api.observe(context.namespace, cluster, context.signal)).credentials;
  const password_version = recordedVersion(object, name) ?? kept.password_version;
  return {
    id: childId(cluster, name),
    cluster,
    name,
    replication: entry.replication,
    databases: entry.databases,
    password: credentials?.[name] ?? kept.password,
    password_version,
  };
}

const firstPollMs = 250;
const maxPollMs = 5_000;

/**
 * Waits until the credentials Secret holds the user's password (`expected`, after a rotation):
 * the platform writes it with the release that applies the user, which a wait on Ready alone can
 * miss when another change's release ends in between. An issue when it does not come in time.
 */
async function awaitPublishedPassword(context: KubernetesChildContext, cluster: string, name: string, expected: string | undefined): Promise<PlanIssue | null> {
  const deadline = Date.now() + applyTimeoutMs;
  for (let delay = firstPollMs; ; delay = Math.min(delay * 2, maxPollMs)) {
    const credentials = (await context.api.observe(context.namespace, cluster, context.signal)).credentials;
    // Credentials this identity cannot read: nothing to wait for, the password stays unknown.
    if (credentials === null) return null;
    const password = credentials[name];
    if (password !== undefined && (expected === undefined || password === expected)) return null;
    if (Date.now() + delay > deadline) {
      const detail =
        `Cluster ${context.namespace}/${cluster} applied user ${name}, but its credentials Secret does ` +
        `not hold the ${expected === undefined ? '' : 'new '}password yet; \`terraform apply ` +
        `-refresh-only\` reads it once the platform has published it.`;
      return warning(attr('password'), 'Password not published yet', detail, []);
    }
    context.onProgress(`user ${name}: waiting for its password in the credentials Secret`);
    await sleep(delay, undefined, { signal: context.signal });
  }
}

async function finish(
  context: KubernetesChildContext,
  cluster: string,
  name: string,
  kept: Pick<UserValues, 'password' | 'password_version'>,
  fallback: UserValues | null,
  issues: PlanIssue[],
): Promise<UserResult> {
  try {
    const state = await observedUser(context, cluster, name, kept);
    return { state: state ?? fallback, issues };
  } catch (cause) {
    return { state: fallback, issues: [...issues, error(null, `Cannot read user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

export async function createKubernetesUser(context: KubernetesChildContext, planned: UserValues): Promise<UserResult> {
  const cluster = planned.cluster ?? '';
  const name = planned.name ?? '';
  const id = childId(cluster, name);
  let written: Postgres;
  try {
    const outcome = await patchClusterEntry(context, cluster, 'users', (object) => {
      if (userEntryOf(object.spec ?? {}, name) !== null)
        return error(
          attr('name'),
          'User already exists',
          `Cluster ${cluster} already has a user "${name}": import it (terraform import <address> ${id}) instead of creating it.`,
          ['name'],
        );
      return userPatch(object, name, desiredEntry(planned), { version: planned.password_version });
    });
    if ('issue' in outcome) return { state: null, issues: [outcome.issue] };
    written = outcome.object;
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot create user ${id}`, messageOf(cause), [])] };
  }
  const waited = (await waitApplied(context, cluster, `user ${name}`, written)) ?? (await awaitPublishedPassword(context, cluster, name, undefined));
  // The user exists from here on: a failed wait keeps it in state (tainted) with the reason.
  const fallback = { ...planned, id, replication: planned.replication ?? false, databases: planned.databases ?? {} };
  return finish(context, cluster, name, { password: null, password_version: planned.password_version }, fallback, waited === null ? [] : [waited]);
}

export async function updateKubernetesUser(context: KubernetesChildContext, prior: UserValues, planned: UserValues): Promise<UserResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  const password = rotates(prior, planned) ? newPassword() : undefined;
  let written: Postgres | null = null;
  try {
    const outcome = await patchClusterEntry(context, cluster, null, (object) =>
      userPatch(object, name, desiredEntry(planned), { version: planned.password_version, ...(password === undefined ? {} : { password }) }),
    );
    if ('issue' in outcome) return { state: prior, issues: [outcome.issue] };
    if (outcome.changed) written = outcome.object;
  } catch (cause) {
    return { state: prior, issues: [error(null, `Cannot update user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
  const waited =
    written === null
      ? null
      : ((await waitApplied(context, cluster, `user ${name}`, written)) ??
        (password === undefined ? null : await awaitPublishedPassword(context, cluster, name, password)));
  const kept = { password: password ?? prior.password, password_version: planned.password_version };
  return finish(context, cluster, name, kept, { ...prior, ...kept }, waited === null ? [] : [waited]);
}

/** Null state when the user (or its cluster) is gone: Terraform plans to create it again. */
export async function readKubernetesUser(context: KubernetesChildContext, prior: UserValues): Promise<UserResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    return { state: await observedUser(context, cluster, name, prior), issues: [] };
  } catch (cause) {
    return { state: prior, issues: [error(null, `Cannot read user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

export async function deleteKubernetesUser(context: KubernetesChildContext, prior: UserValues): Promise<PlanIssue[]> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  let written: Postgres;
  try {
    const outcome = await patchClusterEntry(context, cluster, null, (object) => userPatch(object, name, null, { version: null }));
    // A cluster already gone took the user with it.
    if ('issue' in outcome) return outcome.clusterMissing === true ? [] : [outcome.issue];
    if (!outcome.changed) return [];
    written = outcome.object;
  } catch (cause) {
    return [error(null, `Cannot delete user ${childId(cluster, name)}`, messageOf(cause), [])];
  }
  const waited = await waitApplied(context, cluster, `the removal of user ${name}`, written);
  return waited === null ? [] : [waited];
}

export async function importKubernetesUser(context: KubernetesChildContext, id: string): Promise<UserResult> {
  const target = parseChildId(id, 'user');
  if ('problem' in target) return { state: null, issues: [error(null, 'Invalid import ID', target.problem, [])] };
  try {
    const state = await observedUser(context, target.cluster, target.name, { password: null, password_version: null });
    if (state === null)
      return {
        state: null,
        issues: [
          error(
            null,
            'User not found',
            `Cluster ${target.cluster} in namespace ${context.namespace} has no user "${target.name}" (or the cluster does not exist).`,
            [],
          ),
        ],
      };
    return { state, issues: [] };
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot import user ${id}`, messageOf(cause), [])] };
  }
}

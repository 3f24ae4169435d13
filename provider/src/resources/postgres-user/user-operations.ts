// The plan and life cycle of one user on Hikube's public API, over the SDK's users client. The
// API replaces a user's whole role map and resets replication when left out, so every update sends
// the complete value this resource manages. Outcomes are values plus issues; nothing throws.
import { PublicNotFoundError, publicBodyIssues, publicSchemas, type PostgresApi, type User, type UserChange } from '@hikube/sdk/public';
import { attr, error, warning, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import { issueAtAttribute } from '../public-api/body-issues.js';
import { childId, parseChildId } from '../public-api/child-id.js';
import { messageOf } from '../public-api/public-only.js';

export interface UserValues {
  id: string | null;
  cluster: string | null;
  name: string | null;
  replication: boolean | null;
  databases: Record<string, string> | null;
  password_version: number | null;
  password: string | null;
}

const bodyPaths = { username: 'name', 'config.databases': 'databases', 'config.privileges': 'replication' };

function fromApi(cluster: string, user: User, kept: Pick<UserValues, 'password' | 'password_version'>): UserValues {
  const databases = Object.fromEntries(
    Object.entries(user.config.databases)
      .filter(([, entry]) => entry.role !== '')
      .map(([database, entry]) => [database, entry.role]),
  );
  return { id: childId(cluster, user.username), cluster, name: user.username, replication: user.config.privileges.replication, databases, ...kept };
}

/** Whether the plan rotates the password: the trigger moved to a new value. */
export function rotates(prior: UserValues | null, planned: UserValues): boolean {
  return prior !== null && planned.password_version !== null && planned.password_version !== prior.password_version;
}

export function checkUserPlan(input: {
  config: UserValues;
  prior: UserValues | null;
  known: { name: boolean; databases: boolean; replication: boolean };
}): PlanIssue[] {
  const { config, prior, known } = input;
  const body: Record<string, unknown> = {};
  if (known.name) body['username'] = config.name;
  const settings: Record<string, unknown> = {};
  if (known.databases && config.databases !== null)
    settings['databases'] = Object.fromEntries(Object.entries(config.databases).map(([database, role]) => [database, { role }]));
  if (known.replication && config.replication !== null) settings['privileges'] = { replication: config.replication };
  body['config'] = settings;
  const issues = publicBodyIssues(publicSchemas.userCreateSchema, body)
    .filter((issue) => issue.rule !== 'required')
    .map((issue) => issueAtAttribute(issue, bodyPaths, 'Invalid user setting'));
  for (const [database, role] of Object.entries(known.databases ? (config.databases ?? {}) : {})) {
    // The API reads "" as no role: leaving the database out says that, without a diff after apply.
    if (role === '')
      issues.push(
        error(
          attr('databases', { key: database }),
          'Empty role',
          `databases["${database}"] is "": use "admin" or "readonly", or leave the database out to give no role on it.`,
          ['databases'],
        ),
      );
  }
  const rotation = rotationWarning(prior, config);
  if (rotation !== null) issues.push(rotation);
  return issues;
}

/** The plan's word on a rotation: the old password stops working at once. */
export function rotationWarning(prior: UserValues | null, config: UserValues): PlanIssue | null {
  if (!rotates(prior, config)) return null;
  return warning(
    attr('password_version'),
    'Password rotation',
    `password_version goes from ${prior?.password_version ?? 'unset'} to ${config.password_version}: ` +
      `apply rotates the password of user ${config.name}; the old password stops working at once, so ` +
      `clients using it are cut off until they get the new one.`,
    ['password_version'],
  );
}

export interface UserResult {
  state: UserValues | null;
  issues: PlanIssue[];
}

function roleMap(databases: Record<string, string>): Record<string, { role: 'admin' | 'readonly' }> {
  return Object.fromEntries(Object.entries(databases).map(([database, role]) => [database, { role: role as 'admin' | 'readonly' }]));
}

export async function createUser(postgres: PostgresApi, planned: UserValues, signal: AbortSignal): Promise<UserResult> {
  const cluster = planned.cluster ?? '';
  const name = planned.name ?? '';
  const config: Record<string, unknown> = {};
  if (planned.databases !== null) config['databases'] = roleMap(planned.databases);
  if (planned.replication !== null) config['privileges'] = { replication: planned.replication };
  try {
    const created = await postgres.users(cluster).create({ username: name, config }, { signal });
    return {
      state: fromApi(cluster, created, { password: created.password === '' ? null : created.password, password_version: planned.password_version }),
      issues: [],
    };
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot create user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

/**
 * The complete change: the planned roles, "" for each database the state knew and the plan drops
 * (so the SDK's merge removes it), and the replication privilege.
 */
export function userChange(prior: UserValues, planned: UserValues): UserChange {
  const databases: Record<string, { role: 'admin' | 'readonly' | '' }> = {};
  for (const database of Object.keys(prior.databases ?? {})) databases[database] = { role: '' };
  Object.assign(databases, roleMap(planned.databases ?? {}));
  return { databases, privileges: { replication: planned.replication ?? false } };
}

export async function updateUser(postgres: PostgresApi, prior: UserValues, planned: UserValues, signal: AbortSignal): Promise<UserResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  const users = postgres.users(cluster);
  let state: UserValues = { ...prior, password_version: planned.password_version };
  try {
    const settingsChanged = JSON.stringify(planned.databases) !== JSON.stringify(prior.databases) || planned.replication !== prior.replication;
    if (settingsChanged)
      state = fromApi(cluster, await users.update(name, userChange(prior, planned), { signal }), {
        password: prior.password,
        password_version: prior.password_version,
      });
    if (rotates(prior, planned)) {
      const rotated = await users.rotatePassword(name, { signal });
      state = { ...state, password: rotated.password };
    }
    return { state: { ...state, password_version: planned.password_version }, issues: [] };
  } catch (cause) {
    return { state, issues: [error(null, `Cannot update user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

/** Null state when the user (or its cluster) is gone. The password is never readable: it stays as stored. */
export async function readUser(postgres: PostgresApi, prior: UserValues, signal: AbortSignal): Promise<UserResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    return {
      state: fromApi(cluster, await postgres.users(cluster).get(name, { signal }), { password: prior.password, password_version: prior.password_version }),
      issues: [],
    };
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return { state: null, issues: [] };
    return { state: prior, issues: [error(null, `Cannot read user ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

export async function deleteUser(postgres: PostgresApi, prior: UserValues, signal: AbortSignal): Promise<PlanIssue[]> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    await postgres.users(cluster).delete(name, { signal });
    return [];
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return [];
    return [error(null, `Cannot delete user ${childId(cluster, name)}`, messageOf(cause), [])];
  }
}

/** An imported user has no password in state until it is rotated. */
export async function importUser(postgres: PostgresApi, id: string, signal: AbortSignal): Promise<UserResult> {
  const target = parseChildId(id, 'user');
  if ('problem' in target) return { state: null, issues: [error(null, 'Invalid import ID', target.problem, [])] };
  try {
    return {
      state: fromApi(target.cluster, await postgres.users(target.cluster).get(target.name, { signal }), { password: null, password_version: null }),
      issues: [],
    };
  } catch (cause) {
    const summary = cause instanceof PublicNotFoundError ? 'User not found' : `Cannot import user ${id}`;
    return { state: null, issues: [error(null, summary, messageOf(cause), [])] };
  }
}

// The plan and life cycle of one database on Hikube's public API, over the SDK's databases client.
// Outcomes are values plus issues; nothing throws to the caller.
import { PublicNotFoundError, publicBodyIssues, publicSchemas, type Database, type PostgresApi } from '@hikube/sdk/public';
import { attr, error, type PlanIssue } from '../postgres-cluster/plan-issue.js';
import { issueAtAttribute } from '../public-api/body-issues.js';
import { childId, parseChildId } from '../public-api/child-id.js';
import { messageOf } from '../public-api/public-only.js';

export interface DatabaseValues {
  id: string | null;
  cluster: string | null;
  name: string | null;
  extensions: string[] | null;
}

const bodyPaths = { databaseName: 'name', extensions: 'extensions' };

function fromApi(cluster: string, database: Database): DatabaseValues {
  return { id: childId(cluster, database.databaseName), cluster, name: database.databaseName, extensions: [...database.extensions].sort() };
}

/**
 * The document's rules on the body the plan would send, then the extensions catalog (a GET), read
 * only when the rest is valid and the list changes.
 */
export async function checkDatabasePlan(input: {
  config: DatabaseValues;
  prior: DatabaseValues | null;
  known: { name: boolean; extensions: boolean };
  extensionsCatalog: () => Promise<string[]>;
}): Promise<PlanIssue[]> {
  const { config, prior } = input;
  const body: Record<string, unknown> = {};
  if (input.known.name) body['databaseName'] = config.name;
  if (input.known.extensions && config.extensions !== null) body['extensions'] = config.extensions;
  const issues = publicBodyIssues(publicSchemas.databaseCreateSchema, body)
    .filter((issue) => issue.rule !== 'required')
    .map((issue) => issueAtAttribute(issue, bodyPaths, 'Invalid database setting'));
  if (issues.length > 0 || !input.known.extensions || config.extensions === null || config.extensions.length === 0) return issues;
  const before = new Set(prior?.extensions ?? []);
  if (prior !== null && config.extensions.every((name) => before.has(name)) && config.extensions.length === before.size) return issues;
  let catalog: string[];
  try {
    catalog = await input.extensionsCatalog();
  } catch (cause) {
    return [error(attr('extensions'), 'Cannot read the extensions catalog', messageOf(cause), [])];
  }
  const unknown = config.extensions.filter((name) => !catalog.includes(name));
  if (unknown.length === 0) return issues;
  return [
    error(
      attr('extensions'),
      'Unknown extension',
      `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in ` +
        `Hikube's extensions catalog: use some of ${catalog.map((name) => `"${name}"`).join(', ')}.`,
      ['extensions'],
    ),
  ];
}

export interface DatabaseResult {
  state: DatabaseValues | null;
  issues: PlanIssue[];
}

export async function createDatabase(postgres: PostgresApi, planned: DatabaseValues, signal: AbortSignal): Promise<DatabaseResult> {
  const cluster = planned.cluster ?? '';
  const name = planned.name ?? '';
  try {
    const created = await postgres
      .databases(cluster)
      .create({ databaseName: name, ...(planned.extensions === null ? {} : { extensions: planned.extensions }) }, { signal });
    return { state: fromApi(cluster, created), issues: [] };
  } catch (cause) {
    return { state: null, issues: [error(null, `Cannot create database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

/** The API replaces the extension list: the whole planned list is sent. */
export async function updateDatabase(postgres: PostgresApi, prior: DatabaseValues, planned: DatabaseValues, signal: AbortSignal): Promise<DatabaseResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    const updated = await postgres.databases(cluster).setExtensions(name, planned.extensions ?? prior.extensions ?? [], { signal });
    return { state: fromApi(cluster, updated), issues: [] };
  } catch (cause) {
    return { state: prior, issues: [error(null, `Cannot update database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

/** Null state when the database (or its cluster) is gone: Terraform plans to create it again. */
export async function readDatabase(postgres: PostgresApi, prior: DatabaseValues, signal: AbortSignal): Promise<DatabaseResult> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    return { state: fromApi(cluster, await postgres.databases(cluster).get(name, { signal })), issues: [] };
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return { state: null, issues: [] };
    return { state: prior, issues: [error(null, `Cannot read database ${childId(cluster, name)}`, messageOf(cause), [])] };
  }
}

export async function deleteDatabase(postgres: PostgresApi, prior: DatabaseValues, signal: AbortSignal): Promise<PlanIssue[]> {
  const cluster = prior.cluster ?? '';
  const name = prior.name ?? '';
  try {
    await postgres.databases(cluster).delete(name, { signal });
    return [];
  } catch (cause) {
    if (cause instanceof PublicNotFoundError) return [];
    return [error(null, `Cannot delete database ${childId(cluster, name)}`, messageOf(cause), [])];
  }
}

export async function importDatabase(postgres: PostgresApi, id: string, signal: AbortSignal): Promise<DatabaseResult> {
  const target = parseChildId(id, 'database');
  if ('problem' in target) return { state: null, issues: [error(null, 'Invalid import ID', target.problem, [])] };
  try {
    return { state: fromApi(target.cluster, await postgres.databases(target.cluster).get(target.name, { signal })), issues: [] };
  } catch (cause) {
    const summary = cause instanceof PublicNotFoundError ? 'Database not found' : `Cannot import database ${id}`;
    return { state: null, issues: [error(null, summary, messageOf(cause), [])] };
  }
}

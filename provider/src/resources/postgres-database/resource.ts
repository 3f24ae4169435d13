// hikube_postgres_database on the plugin framework: converts values and delegates to database-operations.
import { definitions, isUnknown } from '@hikube/tfplugin';
import type { ProviderData } from '../../provider-data.js';
import { reportIssues } from '../../report-issues.js';
import { inlineInstead, publicData } from '../public-api/public-only.js';
import { checkDatabasePlan, createDatabase, deleteDatabase, importDatabase, readDatabase, updateDatabase, type DatabaseValues } from './database-operations.js';
import { postgresDatabaseSchema } from './schema.js';

const { resource } = definitions<ProviderData | undefined>();

const typeName = 'hikube_postgres_database';

function values(raw: unknown): DatabaseValues {
  const value = raw as Record<string, unknown>;
  const text = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : null);
  const list = value['extensions'];
  return { id: text('id'), cluster: text('cluster'), name: text('name'), extensions: Array.isArray(list) && !list.some(isUnknown) ? (list as string[]) : null };
}

const toState = (state: DatabaseValues) => state as never;

export const postgresDatabaseResource = resource({
  schema: postgresDatabaseSchema,

  async modifyPlan(req, resp) {
    if (req.config === null || req.providerData === undefined) return;
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const raw = req.config as Record<string, unknown>;
    const config = values(raw);
    const known = { name: !isUnknown(raw['name']), extensions: !isUnknown(raw['extensions']) && config.extensions !== null };
    const prior = req.state === null ? null : values(req.state);
    reportIssues(resp.diagnostics, await checkDatabasePlan({ config, prior, known, extensionsCatalog: () => data.postgres.extensions({ signal: req.signal }) }));
  },

  async create(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await createDatabase(data.postgres, values(req.plan), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? (null as never) : toState(result.state);
  },

  async read(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await readDatabase(data.postgres, values(req.state), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? null : toState(result.state);
  },

  async update(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await updateDatabase(data.postgres, values(req.state), values(req.plan), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = toState(result.state);
  },

  async delete(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    reportIssues(resp.diagnostics, await deleteDatabase(data.postgres, values(req.state), req.signal));
  },

  async importState(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await importDatabase(data.postgres, req.id, req.signal);
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = toState(result.state);
  },
});

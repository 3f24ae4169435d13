// hikube_postgres_user on the plugin framework: converts values and delegates to user-operations.
import { definitions, isUnknown, unknown } from '@hikube/tfplugin';
import type { ProviderData } from '../../provider-data.js';
import { reportIssues } from '../../report-issues.js';
import { inlineInstead, publicData } from '../public-api/public-only.js';
import { postgresUserSchema } from './schema.js';
import { checkUserPlan, createUser, deleteUser, importUser, readUser, rotates, updateUser, type UserValues } from './user-operations.js';

const { resource } = definitions<ProviderData | undefined>();

const typeName = 'hikube_postgres_user';

function values(raw: unknown): UserValues {
  const value = raw as Record<string, unknown>;
  const known = <T>(name: string, type: string): T | null => (typeof value[name] === type ? (value[name] as T) : null);
  const databases = value['databases'];
  return {
    id: known('id', 'string'),
    cluster: known('cluster', 'string'),
    name: known('name', 'string'),
    replication: known('replication', 'boolean'),
    databases: typeof databases === 'object' && databases !== null && !isUnknown(databases) && !Object.values(databases).some(isUnknown) ? (databases as Record<string, string>) : null,
    password_version: known('password_version', 'number'),
    password: known('password', 'string'),
  };
}

const toState = (state: UserValues) => state as never;

export const postgresUserResource = resource({
  schema: postgresUserSchema,

  async modifyPlan(req, resp) {
    if (req.config === null || req.providerData === undefined) return;
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const raw = req.config as Record<string, unknown>;
    const config = values(raw);
    const prior = req.state === null ? null : values(req.state);
    const known = { name: !isUnknown(raw['name']), databases: config.databases !== null, replication: !isUnknown(raw['replication']) };
    reportIssues(resp.diagnostics, checkUserPlan({ config, prior, known }));
    if (isUnknown(raw['password_version']) || (resp.plan !== null && rotates(prior, config))) {
      (resp.plan as Record<string, unknown>)['password'] = unknown;
    }
  },

  async create(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await createUser(data.postgres, values(req.plan), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? (null as never) : toState(result.state);
  },

  async read(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await readUser(data.postgres, values(req.state), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    resp.state = result.state === null ? null : toState(result.state);
  },

  async update(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await updateUser(data.postgres, values(req.state), values(req.plan), req.signal);
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = toState(result.state);
  },

  async delete(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    reportIssues(resp.diagnostics, await deleteUser(data.postgres, values(req.state), req.signal));
  },

  async importState(req, resp) {
    const data = publicData(req.providerData, typeName, inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const result = await importUser(data.postgres, req.id, req.signal);
    reportIssues(resp.diagnostics, result.issues);
    if (result.state !== null) resp.state = toState(result.state);
  },
});

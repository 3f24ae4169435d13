// hikube_postgres_user on the plugin framework: values in, user-operations for the rest.
import { isUnknown, unknown } from '@hikube/tfplugin';
import { reportIssues } from '../../report-issues.js';
import { childResource } from '../public-api/child-resource.js';
import {
  checkKubernetesUserPlan,
  createKubernetesUser,
  deleteKubernetesUser,
  importKubernetesUser,
  readKubernetesUser,
  updateKubernetesUser,
} from './kubernetes-user-operations.js';
import { postgresUserSchema } from './schema.js';
import { checkUserPlan, createUser, deleteUser, importUser, readUser, rotates, updateUser, type UserValues } from './user-operations.js';

function values(raw: unknown): UserValues {
  const value = raw as Record<string, unknown>;
  const known = <T>(name: string, type: string): T | null => (typeof value[name] === type ? (value[name] as T) : null);
  const databases = value['databases'];
  return {
    id: known('id', 'string'),
    cluster: known('cluster', 'string'),
    name: known('name', 'string'),
    replication: known('replication', 'boolean'),
    databases:
      typeof databases === 'object' && databases !== null && !isUnknown(databases) && !Object.values(databases).some(isUnknown)
        ? (databases as Record<string, string>)
        : null,
    password_version: known('password_version', 'number'),
    password: known('password', 'string'),
  };
}

/** What both backends plan alike: the config's values, what is known yet, and the password a rotation changes. */
function planned(req: { config: unknown; state: unknown }, resp: { plan: unknown }) {
  const raw = req.config as Record<string, unknown>;
  const config = values(raw);
  const prior = req.state === null ? null : values(req.state);
  const known = {
    name: !isUnknown(raw['name']),
    databases: config.databases !== null,
    replication: !isUnknown(raw['replication']),
    cluster: !isUnknown(raw['cluster']),
  };
  // A rotation gives a new password: only apply knows it.
  if (resp.plan !== null && (isUnknown(raw['password_version']) || rotates(prior, config))) (resp.plan as Record<string, unknown>)['password'] = unknown;
  return { config, prior, known };
}

export const postgresUserResource = childResource({
  typeName: 'hikube_postgres_user',
  schema: postgresUserSchema,
  values,
  async plan(_data, req, resp) {
    reportIssues(resp.diagnostics, checkUserPlan(planned(req, resp)));
  },
  create: createUser,
  read: readUser,
  update: updateUser,
  delete: deleteUser,
  importState: importUser,
  kubernetes: {
    async plan(object, req, resp) {
      reportIssues(resp.diagnostics, checkKubernetesUserPlan({ ...planned(req, resp), object }));
    },
    create: createKubernetesUser,
    read: readKubernetesUser,
    update: updateKubernetesUser,
    delete: deleteKubernetesUser,
    importState: importKubernetesUser,
  },
});

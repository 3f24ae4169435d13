// hikube_postgres_database on the plugin framework: values in, database-operations for the rest.
import { isUnknown } from '@hikube/tfplugin';
import { reportIssues } from '../../report-issues.js';
import { childResource } from '../public-api/child-resource.js';
import { checkDatabasePlan, createDatabase, deleteDatabase, importDatabase, readDatabase, updateDatabase, type DatabaseValues } from './database-operations.js';
import {
  checkKubernetesDatabasePlan,
  createKubernetesDatabase,
  deleteKubernetesDatabase,
  importKubernetesDatabase,
  readKubernetesDatabase,
  updateKubernetesDatabase,
} from './kubernetes-database-operations.js';
import { postgresDatabaseSchema } from './schema.js';

function values(raw: unknown): DatabaseValues {
  const value = raw as Record<string, unknown>;
  const text = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : null);
  const list = value['extensions'];
  return { id: text('id'), cluster: text('cluster'), name: text('name'), extensions: Array.isArray(list) && !list.some(isUnknown) ? (list as string[]) : null };
}

export const postgresDatabaseResource = childResource({
  typeName: 'hikube_postgres_database',
  schema: postgresDatabaseSchema,
  values,
  async plan(data, req, resp) {
    const raw = req.config as Record<string, unknown>;
    const config = values(raw);
    const known = { name: !isUnknown(raw['name']), extensions: !isUnknown(raw['extensions']) && config.extensions !== null };
    const prior = req.state === null ? null : values(req.state);
    reportIssues(
      resp.diagnostics,
      await checkDatabasePlan({ config, prior, known, extensionsCatalog: () => data.postgres.extensions({ signal: req.signal }) }),
    );
  },
  create: createDatabase,
  read: readDatabase,
  update: updateDatabase,
  delete: deleteDatabase,
  importState: importDatabase,
  kubernetes: {
    async plan(object, req, resp) {
      const raw = req.config as Record<string, unknown>;
      const known = {
        name: !isUnknown(raw['name']),
        extensions: !isUnknown(raw['extensions']) && values(raw).extensions !== null,
        cluster: !isUnknown(raw['cluster']),
      };
      reportIssues(resp.diagnostics, checkKubernetesDatabasePlan({ config: values(raw), creating: req.state === null, known, object }));
    },
    create: createKubernetesDatabase,
    read: readKubernetesDatabase,
    update: updateKubernetesDatabase,
    delete: deleteKubernetesDatabase,
    importState: importKubernetesDatabase,
  },
});

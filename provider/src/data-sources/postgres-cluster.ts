// data "hikube_postgres_cluster": one cluster by name, as the resource would show it after import.
import { attr, definitions, schema, type AttributeDef } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { importCluster } from '../resources/postgres-cluster/cluster-operations.js';
import { importPublicCluster } from '../resources/postgres-cluster/public-cluster-operations.js';
import { error } from '../resources/postgres-cluster/plan-issue.js';
import { postgresClusterSchema } from '../resources/postgres-cluster/schema.js';
import { modelToTerraform } from '../resources/postgres-cluster/terraform-model.js';
import { computedCopy } from './computed-copy.js';

// Arguments that only steer the resource (placement requests, safety switches) are not shown.
const resourceOnly = new Set(['name', 'namespace', 'zones', 'primary_zone', 'deletion_protection', 'allow_destructive_changes', 'wait_for']);

const shown: Record<string, AttributeDef> = Object.fromEntries(
  Object.entries(postgresClusterSchema.attributes as Record<string, AttributeDef>)
    .filter(([name]) => !resourceOnly.has(name))
    .map(([name, def]) => [name, computedCopy(def)]),
);

const postgresClusterDataSchema = schema({
  markdownDescription:
    'Reads one PostgreSQL cluster by name: its settings, instances, endpoints and (sensitive) ' +
    "credentials and connection URIs (on Hikube's public API: its settings, status, host and port).",
  attributes: {
    name: attr.string({ required: true, markdownDescription: 'Cluster name.' }),
    namespace: attr.string({ optional: true, computed: true, markdownDescription: "Namespace (Kubernetes API); defaults to the provider's." }),
    ...shown,
  },
});

const { dataSource } = definitions<ProviderData | undefined>();

export const postgresClusterDataSource = dataSource({
  schema: postgresClusterDataSchema,
  async read(req, resp) {
    const data = req.providerData;
    const config = req.config as Record<string, unknown>;
    const name = String(config['name']);
    let namespace: string | null = null;
    let result;
    if (data?.backend === 'public') {
      if (config['namespace'] !== null)
        return reportIssues(resp.diagnostics, [
          error(null, 'Not on the public API', "namespace is a Kubernetes API setting; on Hikube's public API the project is the scope: remove it.", []),
        ]);
      result = await importPublicCluster({ id: name, clusters: data.postgres.clusters, signal: req.signal });
    } else {
      namespace = (config['namespace'] as string | null) ?? data?.namespace ?? null;
      if (data === undefined || namespace === null) {
        return reportIssues(resp.diagnostics, [error(null, 'No namespace', 'Set namespace on the data source or the provider.', ['namespace'])]);
      }
      result = await importCluster({ id: `${namespace}/${name}`, api: data.api, signal: req.signal });
    }
    reportIssues(resp.diagnostics, result.issues);
    if (result.state === null) return;
    const full = modelToTerraform(result.state) as Record<string, unknown>;
    const state: Record<string, unknown> = { name: config['name'], namespace };
    for (const attribute of Object.keys(shown)) state[attribute] = full[attribute] ?? null;
    const users = state['users'] as Record<string, Record<string, unknown>> | null;
    for (const user of Object.values(users ?? {})) delete user['password_wo'];
    resp.state = state as never;
  },
});

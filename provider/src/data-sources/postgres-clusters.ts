// data "hikube_postgres_clusters": the clusters of a namespace, optionally filtered by labels.
import { attr, definitions, schema } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { error } from '../resources/postgres-cluster/plan-issue.js';

export const postgresClustersDataSchema = schema({
  markdownDescription: 'Lists the PostgreSQL clusters of a namespace, optionally only those matching a label selector.',
  attributes: {
    namespace: attr.string({ optional: true, computed: true, markdownDescription: 'Namespace; defaults to the provider\'s.' }),
    label_selector: attr.string({ optional: true, markdownDescription: 'Kubernetes label selector, e.g. `team=payments,env=prod`.' }),
    clusters: attr.listNested(
      {
        id: attr.string({ computed: true, markdownDescription: '`<namespace>/<name>`.' }),
        name: attr.string({ computed: true, markdownDescription: 'Cluster name.' }),
        version: attr.string({ computed: true, markdownDescription: 'PostgreSQL major version.' }),
        replicas: attr.number({ computed: true, markdownDescription: 'Number of instances.' }),
        ready: attr.bool({ computed: true, markdownDescription: 'The platform\'s `Ready` condition.' }),
        chart_version: attr.string({ computed: true, markdownDescription: 'Platform chart version.' }),
      },
      { computed: true, markdownDescription: 'Clusters, by name.' },
    ),
  },
});

const kubernetesOnly = error(null, 'Kubernetes API only', 'This data source reads the Cozystack Kubernetes API; the provider is configured for Hikube\'s public API.', []);

const { dataSource } = definitions<ProviderData | undefined>();

export const postgresClustersDataSource = dataSource({
  schema: postgresClustersDataSchema,
  async read(req, resp) {
    const provided = req.providerData;
    if (provided?.backend === 'public') return reportIssues(resp.diagnostics, [kubernetesOnly]);
    const data = provided;
    const namespace = req.config.namespace ?? data?.namespace ?? null;
    if (data === undefined || namespace === null) {
      return reportIssues(resp.diagnostics, [error(null, 'No namespace', 'Set namespace on the data source or the provider.', ['namespace'])]);
    }
    try {
      const items = await data.api.list(namespace, req.config.label_selector, req.signal);
      const clusters = items
        .map((item) => ({
          id: `${namespace}/${item.metadata.name ?? ''}`,
          name: item.metadata.name ?? null,
          version: item.spec?.version ?? null,
          replicas: item.spec?.replicas ?? null,
          ready: item.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false,
          chart_version: item.status?.version ?? null,
        }))
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      resp.state = { namespace, label_selector: req.config.label_selector, clusters };
    } catch (cause) {
      resp.diagnostics.error(`Cannot list clusters in ${namespace}`, cause instanceof Error ? cause.message : String(cause));
    }
  },
});

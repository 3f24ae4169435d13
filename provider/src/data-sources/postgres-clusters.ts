// data "hikube_postgres_clusters": the clusters of a namespace, optionally filtered by labels; on
// the public API, the clusters of the project.
import { attr, definitions, schema, type Diagnostics } from '@hikube/tfplugin';
import type { ProviderData, PublicProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { attr as path, error } from '../resources/postgres-cluster/plan-issue.js';
import { messageOf } from '../resources/public-api/public-only.js';

const postgresClustersDataSchema = schema({
  markdownDescription:
    "Lists the PostgreSQL clusters of a namespace, optionally only those matching a label selector; on Hikube's public API, every cluster of the project.",
  attributes: {
    namespace: attr.string({ optional: true, computed: true, markdownDescription: "Namespace; defaults to the provider's." }),
    label_selector: attr.string({ optional: true, markdownDescription: 'Kubernetes label selector, e.g. `team=payments,env=prod`.' }),
    clusters: attr.listNested(
      {
        id: attr.string({ computed: true, markdownDescription: '`<namespace>/<name>`.' }),
        name: attr.string({ computed: true, markdownDescription: 'Cluster name.' }),
        version: attr.string({ computed: true, markdownDescription: 'PostgreSQL major version.' }),
        replicas: attr.number({ computed: true, markdownDescription: 'Number of instances.' }),
        ready: attr.bool({ computed: true, markdownDescription: "The platform's `Ready` condition." }),
        chart_version: attr.string({ computed: true, markdownDescription: 'Platform chart version (Kubernetes API).' }),
        status: attr.string({
          computed: true,
          markdownDescription: '`provisioning`, `ready`, `error` or `unknown` (Kubernetes API: `ready` or `provisioning`).',
        }),
        host: attr.string({ computed: true, markdownDescription: 'External address, once assigned (public API).' }),
      },
      { computed: true, markdownDescription: 'Clusters, by name.' },
    ),
  },
});

const readiness = (ready: boolean) => ({ ready, status: ready ? 'ready' : 'provisioning' });

type Response = { state: unknown; diagnostics: Diagnostics };

/** The project's clusters on the public API; it has no namespaces and no labels. */
async function readPublic(
  data: PublicProviderData,
  namespace: string | null,
  labelSelector: string | null,
  signal: AbortSignal,
  resp: Response,
): Promise<void> {
  if (namespace !== null || labelSelector !== null) {
    const attribute = namespace !== null ? 'namespace' : 'label_selector';
    return reportIssues(resp.diagnostics, [
      error(
        path(attribute),
        'Not on the public API',
        `${attribute} is a Kubernetes API setting; Hikube's public API lists every cluster of the project: remove it.`,
        [attribute],
      ),
    ]);
  }
  try {
    const clusters = (await data.postgres.clusters.list({ signal }))
      .map((cluster) => ({
        id: cluster.name,
        name: cluster.name,
        version: cluster.version,
        replicas: cluster.replicas,
        ready: cluster.status === 'ready',
        status: cluster.status,
        chart_version: null,
        host: cluster.host === '' ? null : cluster.host,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    resp.state = { namespace: null, label_selector: null, clusters };
  } catch (cause) {
    resp.diagnostics.error('Cannot list clusters', messageOf(cause));
  }
}

const { dataSource } = definitions<ProviderData | undefined>();

export const postgresClustersDataSource = dataSource({
  schema: postgresClustersDataSchema,
  async read(req, resp) {
    const provided = req.providerData;
    if (provided?.backend === 'public') return readPublic(provided, req.config.namespace, req.config.label_selector, req.signal, resp);
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
          ...readiness(item.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false),
          chart_version: item.status?.version ?? null,
          host: null,
        }))
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      resp.state = { namespace, label_selector: req.config.label_selector, clusters };
    } catch (cause) {
      resp.diagnostics.error(`Cannot list clusters in ${namespace}`, cause instanceof Error ? cause.message : String(cause));
    }
  },
});

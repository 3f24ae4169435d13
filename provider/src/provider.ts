// The provider: configuration -> SDK client -> ClusterApi, and the registry of resources and data
// sources. The only module that builds an SDK client.
import { createClient, type HikubeClient } from '@hikube/sdk';
import { attr, definitions, isUnknown, schema } from '@hikube/tfplugin';
import { resolveSettings, settingEnvironment, type ProviderSettings } from './connection-settings.js';
import { postgresClusterDataSource } from './data-sources/postgres-cluster.js';
import { postgresClustersDataSource } from './data-sources/postgres-clusters.js';
import { postgresCredentialsEphemeral } from './ephemeral-resources/postgres-credentials.js';
import { schedulingClassesDataSource } from './data-sources/scheduling-classes.js';
import type { ProviderData } from './provider-data.js';
import { postgresClusterResource } from './resources/postgres-cluster/resource.js';
import { SdkClusterApi } from './sdk-cluster-api.js';

export const providerAddress = 'registry.terraform.io/hikube/hikube';

const env = (name: keyof ProviderSettings) => `Environment variable: \`${settingEnvironment[name]}\`.`;

export const providerSchema = schema({
  markdownDescription:
    'The Hikube provider manages Hikube\'s managed PostgreSQL through the tenant\'s Kubernetes API. ' +
    'Without settings it uses the kubeconfig like `kubectl` (`KUBECONFIG`, else `~/.kube/config`, current context). ' +
    'Explicit settings win over environment variables, which win over the kubeconfig; setting `host` without `kubeconfig_path` ignores the kubeconfig.',
  attributes: {
    kubeconfig_path: attr.string({ optional: true, markdownDescription: `Kubeconfig file(s), \`:\`-separated. ${env('kubeconfig_path')} Otherwise \`KUBECONFIG\`, else \`~/.kube/config\`.` }),
    context: attr.string({ optional: true, markdownDescription: `Kubeconfig context to use instead of the current one. ${env('context')}` }),
    host: attr.string({ optional: true, markdownDescription: `API server URL, e.g. \`https://api.hikube.cloud:6443\`. ${env('host')}` }),
    token: attr.string({ optional: true, sensitive: true, markdownDescription: `Bearer token. ${env('token')}` }),
    client_certificate: attr.string({ optional: true, markdownDescription: `Client certificate, PEM. ${env('client_certificate')}` }),
    client_key: attr.string({ optional: true, sensitive: true, markdownDescription: `Client key, PEM. ${env('client_key')}` }),
    cluster_ca_certificate: attr.string({ optional: true, markdownDescription: `CA certificate of the API server, PEM. ${env('cluster_ca_certificate')}` }),
    insecure: attr.bool({ optional: true, markdownDescription: `Skip TLS verification of the API server (testing only). ${env('insecure')}` }),
    namespace: attr.string({ optional: true, markdownDescription: `Default namespace of resources and data sources; otherwise the kubeconfig context's. ${env('namespace')}` }),
  },
});

const { provider } = definitions<ProviderData | undefined>();

export const hikubeProvider = provider({
  address: providerAddress,
  schema: providerSchema,
  configure(req, resp) {
    const config = req.config as Record<string, unknown>;
    // Settings that come from other resources are unknown while planning: configure at apply.
    if (Object.values(config).some(isUnknown)) return;
    const resolved = resolveSettings(config as unknown as ProviderSettings, process.env);
    if (!resolved.ok) {
      for (const problem of resolved.problems) resp.diagnostics.error('Invalid provider configuration', problem.message, [problem.attribute]);
      return;
    }
    const clients = new Map<string, HikubeClient>();
    let base: HikubeClient;
    try {
      base = createClient(resolved.options);
    } catch (cause) {
      resp.diagnostics.error('Invalid provider configuration', `Cannot connect to Hikube: ${cause instanceof Error ? cause.message : String(cause)}`);
      return;
    }
    clients.set(base.namespace, base);
    const clientFor = (namespace: string | null): HikubeClient => {
      const wanted = namespace ?? base.namespace;
      let client = clients.get(wanted);
      if (client === undefined) {
        client = createClient({ ...resolved.options, namespace: wanted });
        clients.set(wanted, client);
      }
      return client;
    };
    resp.providerData = { api: new SdkClusterApi(clientFor), namespace: resolved.namespace ?? base.namespace };
  },
  resources: { hikube_postgres_cluster: postgresClusterResource },
  dataSources: {
    hikube_postgres_cluster: postgresClusterDataSource,
    hikube_postgres_clusters: postgresClustersDataSource,
    hikube_scheduling_classes: schedulingClassesDataSource,
  },
  ephemeralResources: { hikube_postgres_credentials: postgresCredentialsEphemeral },
});

// The provider: configuration -> SDK client -> ClusterApi, and the registry of resources and data
// sources. The only module that builds an SDK client.
import { createClient, type HikubeClient } from '@hikube/sdk/kubernetes';
import { createPublicClient, defaultPublicApiUrl } from '@hikube/sdk/public';
import { attr, definitions, isUnknown, schema, type Diagnostics } from '@hikube/tfplugin';
import { chooseBackend } from './backend-selection.js';
import { resolveSettings, settingEnvironment, type ProviderSettings } from './connection-settings.js';
import { publicSettingEnvironment, publicValues, resolvePublicOptions, type PublicSettings } from './public-settings.js';
import { postgresClusterDataSource } from './data-sources/postgres-cluster.js';
import { postgresClustersDataSource } from './data-sources/postgres-clusters.js';
import { postgresCredentialsEphemeral } from './ephemeral-resources/postgres-credentials.js';
import { postgresExtensionsDataSource, postgresPresetsDataSource } from './data-sources/public-catalogs.js';
import { postgresDatabaseDataSource, postgresDatabasesDataSource } from './data-sources/public-databases.js';
import { postgresUserDataSource, postgresUsersDataSource } from './data-sources/public-users.js';
import { schedulingClassesDataSource } from './data-sources/scheduling-classes.js';
import type { ProviderData } from './provider-data.js';
import { postgresClusterResource } from './resources/postgres-cluster/resource.js';
import { postgresDatabaseResource } from './resources/postgres-database/resource.js';
import { postgresUserResource } from './resources/postgres-user/resource.js';
import { SdkClusterApi } from './sdk-cluster-api.js';

export const providerAddress = 'registry.terraform.io/hikube/hikube';

const env = (name: keyof ProviderSettings) => `Environment variable: \`${settingEnvironment[name]}\`.`;
const publicEnv = (name: keyof PublicSettings) => `Environment variable: \`${publicSettingEnvironment[name]}\`.`;

export const providerSchema = schema({
  markdownDescription:
    "The Hikube provider manages Hikube's managed PostgreSQL through one of two APIs. " +
    "With `api_key` and `project_id` (or `HIKUBE_API_KEY` and `HIKUBE_PROJECT_ID`) it speaks Hikube's public REST API, as a Hikube customer has it. " +
    'With the Kubernetes settings it speaks the Cozystack Kubernetes API of the tenant; without any setting it uses the kubeconfig like `kubectl` ' +
    '(`KUBECONFIG`, else `~/.kube/config`, current context). Setting both kinds is refused. ' +
    'Explicit settings win over environment variables, which win over the kubeconfig; setting `host` without `kubeconfig_path` ignores the kubeconfig.',
  attributes: {
    api_key: attr.string({
      optional: true,
      sensitive: true,
      markdownDescription:
        `Public API: the project API key, \`sk_hk_<key id>_<secret>\`; selects the public API. Never ` +
        `shown in diagnostics, logs or state. ${publicEnv('api_key')}`,
    }),
    project_id: attr.string({ optional: true, markdownDescription: `Public API: the project's UUID (not its display name). ${publicEnv('project_id')}` }),
    endpoint: attr.string({ optional: true, markdownDescription: `Public API: base URL, default \`${defaultPublicApiUrl}\`. ${publicEnv('endpoint')}` }),
    ca_certificate: attr.string({
      optional: true,
      markdownDescription: `Public API: CA certificate(s) to trust, PEM text or a file path (private endpoints, Hikube Local). ${publicEnv('ca_certificate')}`,
    }),
    kubeconfig_path: attr.string({
      optional: true,
      markdownDescription: `Kubeconfig file(s), \`:\`-separated. ${env('kubeconfig_path')} Otherwise \`KUBECONFIG\`, else \`~/.kube/config\`.`,
    }),
    context: attr.string({ optional: true, markdownDescription: `Kubeconfig context to use instead of the current one. ${env('context')}` }),
    host: attr.string({ optional: true, markdownDescription: `API server URL, e.g. \`https://api.hikube.cloud:6443\`. ${env('host')}` }),
    token: attr.string({ optional: true, sensitive: true, markdownDescription: `Bearer token. ${env('token')}` }),
    client_certificate: attr.string({ optional: true, markdownDescription: `Client certificate, PEM. ${env('client_certificate')}` }),
    client_key: attr.string({ optional: true, sensitive: true, markdownDescription: `Client key, PEM. ${env('client_key')}` }),
    cluster_ca_certificate: attr.string({ optional: true, markdownDescription: `CA certificate of the API server, PEM. ${env('cluster_ca_certificate')}` }),
    insecure: attr.bool({ optional: true, markdownDescription: `Skip TLS verification of the API server (testing only). ${env('insecure')}` }),
    namespace: attr.string({
      optional: true,
      markdownDescription: `Default namespace of resources and data sources; otherwise the kubeconfig context's. ${env('namespace')}`,
    }),
  },
});

const { provider } = definitions<ProviderData | undefined>();

function configurePublic(settings: PublicSettings, resp: { providerData?: ProviderData | undefined; diagnostics: Diagnostics }): void {
  const resolved = resolvePublicOptions(settings, publicValues(settings, process.env));
  if (!resolved.ok) {
    for (const problem of resolved.problems) resp.diagnostics.error('Invalid provider configuration', problem.message, [problem.attribute]);
    return;
  }
  const { apiKey, projectId, baseUrl, ca } = resolved.options;
  try {
    // env: {} so that only what was resolved above (configuration first) is used.
    const client = createPublicClient({ apiKey, projectId, baseUrl, env: {}, ...(ca === undefined ? {} : { ca }) });
    resp.providerData = { backend: 'public', postgres: client.postgres, projectId };
  } catch (cause) {
    // The SDK's configuration errors describe the key, never quote it.
    resp.diagnostics.error('Invalid provider configuration', `Cannot use Hikube's public API: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export const hikubeProvider = provider({
  address: providerAddress,
  schema: providerSchema,
  configure(req, resp) {
    const config = req.config as Record<string, unknown>;
    // Settings that come from other resources are unknown while planning: configure at apply.
    if (Object.values(config).some(isUnknown)) return;
    const settings = config as unknown as ProviderSettings & PublicSettings;
    const choice = chooseBackend(settings, process.env);
    if (!choice.ok) {
      resp.diagnostics.error('Invalid provider configuration', choice.message, choice.attribute === null ? undefined : [choice.attribute]);
      return;
    }
    if (choice.backend === 'public') return configurePublic(settings, resp);
    const resolved = resolveSettings(settings, process.env);
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
    resp.providerData = { backend: 'kubernetes', api: new SdkClusterApi(clientFor), namespace: resolved.namespace ?? base.namespace };
  },
  resources: {
    hikube_postgres_cluster: postgresClusterResource,
    hikube_postgres_database: postgresDatabaseResource,
    hikube_postgres_user: postgresUserResource,
  },
  dataSources: {
    hikube_postgres_cluster: postgresClusterDataSource,
    hikube_postgres_clusters: postgresClustersDataSource,
    hikube_scheduling_classes: schedulingClassesDataSource,
    hikube_postgres_presets: postgresPresetsDataSource,
    hikube_postgres_extensions: postgresExtensionsDataSource,
    hikube_postgres_database: postgresDatabaseDataSource,
    hikube_postgres_databases: postgresDatabasesDataSource,
    hikube_postgres_user: postgresUserDataSource,
    hikube_postgres_users: postgresUsersDataSource,
  },
  ephemeralResources: { hikube_postgres_credentials: postgresCredentialsEphemeral },
});

// ephemeral "hikube_postgres_credentials": one user's password from the credentials Secret the
// platform publishes for a cluster (`postgres-<name>-credentials`), for the length of one
// Terraform run. Terraform passes it to provider blocks and write-only arguments and never
// writes it to a plan or a state.
import { attr, definitions, matches, schema } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { connectionUri } from '../resources/postgres-cluster/outputs.js';

const clusterPattern = /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const postgresCredentialsSchema = schema({
  markdownDescription:
    "Reads one user's password of a PostgreSQL cluster from the credentials Secret the platform publishes (`postgres-<cluster>-credentials`), " +
    'without storing it: Terraform opens it during each plan and apply that needs it and keeps the values in memory only. ' +
    'Use it in provider blocks (e.g. a `postgresql` provider) and in write-only arguments such as `users.<name>.password_wo` of `hikube_postgres_cluster`. ' +
    'Needs the Kubernetes (Cozystack) settings of the provider and the right to read Secrets in the namespace.',
  attributes: {
    cluster: attr.string({
      required: true,
      validators: [matches(clusterPattern, 'must be a cluster name or `<namespace>/<name>` (the `id` of a hikube_postgres_cluster)')],
      markdownDescription:
        'Cluster name, or `<namespace>/<name>` (a `hikube_postgres_cluster` id). The cluster must ' +
        'exist when Terraform plans: Terraform reads an ephemeral resource whose arguments are ' +
        'known during the plan.',
    }),
    user: attr.string({ required: true, markdownDescription: "User name: a key of the cluster's `users`." }),
    namespace: attr.string({ optional: true, computed: true, markdownDescription: "Namespace; defaults to the one in `cluster`, else the provider's." }),
    database: attr.string({ optional: true, computed: true, markdownDescription: 'Database `uri` points at; default `postgres`.' }),
    password: attr.string({ computed: true, sensitive: true, markdownDescription: "The user's password." }),
    host: attr.string({
      computed: true,
      markdownDescription: 'Host of the read-write endpoint (`postgres-<cluster>-rw`); null until the platform publishes it.',
    }),
    port: attr.number({ computed: true, markdownDescription: 'Port of the read-write endpoint.' }),
    uri: attr.string({
      computed: true,
      sensitive: true,
      markdownDescription: '`postgresql://` URI of the user to `database` through the read-write endpoint; null without endpoint.',
    }),
  },
});

const { ephemeralResource } = definitions<ProviderData | undefined>();

export const postgresCredentialsEphemeral = ephemeralResource({
  schema: postgresCredentialsSchema,
  async open(req, resp) {
    const data = req.providerData;
    const { cluster, user } = req.config as { cluster: string; user: string };
    const slash = cluster.indexOf('/');
    const name = slash < 0 ? cluster : cluster.slice(slash + 1);
    const fromId = slash < 0 ? null : cluster.slice(0, slash);
    if (fromId !== null && req.config.namespace !== null && req.config.namespace !== fromId) {
      resp.diagnostics.error('Conflicting namespace', `cluster names namespace "${fromId}" and namespace is "${req.config.namespace}"; set one of them.`, [
        'namespace',
      ]);
      return;
    }
    if (data === undefined) {
      resp.diagnostics.error(
        'Provider not configured',
        'The provider settings are not known yet (they come from resources that do not exist yet), so ' +
          'the credentials cannot be read in this run; create those resources first, or give ' +
          'the settings directly.',
      );
      return;
    }
    if (data.backend !== 'kubernetes') {
      resp.diagnostics.error(
        'Not available on the public API',
        "hikube_postgres_credentials reads the platform's credentials Secret, which only the " +
          'Kubernetes API serves. The public API returns a password only when a user is created or ' +
          "rotated: use hikube_postgres_user's password (sensitive, in state), or see this ephemeral " +
          "resource's docs for why rotating on every run is not done.",
        ['cluster'],
      );
      return;
    }
    const namespace = fromId ?? req.config.namespace ?? data.namespace;
    if (namespace === null) {
      resp.diagnostics.error('No namespace', 'Set namespace here, as `<namespace>/<name>` in cluster, or on the provider.', ['namespace']);
      return;
    }
    if ((await data.api.get(namespace, name, req.signal)) === null) {
      resp.diagnostics.error(
        'No such cluster',
        `There is no PostgreSQL cluster ${namespace}/${name}. Check cluster and namespace; a cluster ` +
          `must exist before the plan that reads its credentials (create it first, in its own ` +
          `workspace or apply).`,
        ['cluster'],
      );
      return;
    }
    const observed = await data.api.observe(namespace, name, req.signal);
    if (observed.credentials === null) {
      resp.diagnostics.error(
        'Credentials not readable',
        `The Secret postgres-${name}-credentials of ${namespace}/${name} cannot be read: the platform ` +
          `has not published it yet (wait until the cluster is ready), or these credentials may not ` +
          `read Secrets in ${namespace}.`,
        ['cluster'],
      );
      return;
    }
    const password = observed.credentials[user];
    if (password === undefined) {
      const known = Object.keys(observed.credentials).sort().join(', ') || 'none';
      resp.diagnostics.error(
        'No such user',
        `${namespace}/${name} has no user "${user}" in postgres-${name}-credentials (it has: ` +
          `${known}). Add the user to the cluster's users, and apply it before reading its password.`,
        ['user'],
      );
      return;
    }
    const database = req.config.database ?? 'postgres';
    const rw = observed.endpoints.rw;
    resp.result = {
      ...req.config,
      namespace,
      database,
      password,
      host: rw?.host ?? null,
      port: rw?.port ?? null,
      uri: connectionUri(user, password, rw, database),
    };
  },
});

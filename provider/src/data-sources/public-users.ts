// data "hikube_postgres_user" (one, by cluster and name) and "hikube_postgres_users" (all of a
// cluster) on the public API. The API never returns a password, so neither do these.
import type { User } from '@hikube/sdk/public';
import { attr, definitions, schema, types } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { childId } from '../resources/public-api/child-id.js';
import { inlineInstead, messageOf, publicData } from '../resources/public-api/public-only.js';

const { dataSource } = definitions<ProviderData | undefined>();

const fields = {
  id: attr.string({ computed: true, markdownDescription: '`<cluster>/<name>`.' }),
  replication: attr.bool({ computed: true, markdownDescription: 'Whether it has the replication privilege.' }),
  databases: attr.map(types.string, { computed: true, markdownDescription: 'Role by database: `admin` or `readonly`.' }),
};

function view(cluster: string, user: User) {
  const databases = Object.fromEntries(
    Object.entries(user.config.databases)
      .filter(([, entry]) => entry.role !== '')
      .map(([database, entry]) => [database, entry.role]),
  );
  return { id: childId(cluster, user.username), name: user.username, replication: user.config.privileges.replication, databases };
}

export const postgresUserDataSource = dataSource({
  schema: schema({
    markdownDescription: "Reads one user of a cluster on Hikube's public API: its privileges and roles (never its password, which the API does not return).",
    attributes: {
      cluster: attr.string({ required: true, markdownDescription: 'Cluster name.' }),
      name: attr.string({ required: true, markdownDescription: 'User name.' }),
      ...fields,
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_user', inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const cluster = req.config.cluster ?? '';
    const name = req.config.name ?? '';
    try {
      resp.state = { cluster, ...view(cluster, await data.postgres.users(cluster).get(name, { signal: req.signal })) };
    } catch (cause) {
      resp.diagnostics.error(`Cannot read user ${childId(cluster, name)}`, messageOf(cause));
    }
  },
});

export const postgresUsersDataSource = dataSource({
  schema: schema({
    markdownDescription: "Lists the users of a cluster on Hikube's public API (without passwords).",
    attributes: {
      cluster: attr.string({ required: true, markdownDescription: 'Cluster name.' }),
      users: attr.listNested(
        { name: attr.string({ computed: true, markdownDescription: 'User name.' }), ...fields },
        { computed: true, markdownDescription: 'Users, by name.' },
      ),
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_users', inlineInstead('users'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const cluster = req.config.cluster ?? '';
    try {
      const users = (await data.postgres.users(cluster).list({ signal: req.signal }))
        .map((user) => view(cluster, user))
        .sort((a, b) => a.name.localeCompare(b.name));
      resp.state = { cluster, users };
    } catch (cause) {
      resp.diagnostics.error(`Cannot list the users of cluster ${cluster}`, messageOf(cause));
    }
  },
});

// data "hikube_postgres_database" (one, by cluster and name) and "hikube_postgres_databases" (all
// of a cluster) on the public API, with the users that hold a role on each.
import type { Database } from '@hikube/sdk/public';
import { attr, definitions, schema, types } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { childId } from '../resources/public-api/child-id.js';
import { inlineInstead, messageOf, publicData } from '../resources/public-api/public-only.js';

const { dataSource } = definitions<ProviderData | undefined>();

const fields = {
  id: attr.string({ computed: true, markdownDescription: '`<cluster>/<name>`.' }),
  extensions: attr.list(types.string, { computed: true, markdownDescription: 'Enabled extensions, sorted.' }),
  admin: attr.list(types.string, { computed: true, markdownDescription: 'Users with the `admin` role on it, sorted.' }),
  readonly: attr.list(types.string, { computed: true, markdownDescription: 'Users with the `readonly` role on it, sorted.' }),
};

function view(cluster: string, database: Database) {
  return {
    id: childId(cluster, database.databaseName),
    name: database.databaseName,
    extensions: [...database.extensions].sort(),
    admin: [...database.roles.admin].sort(),
    readonly: [...database.roles.readonly].sort(),
  };
}

export const postgresDatabaseDataSource = dataSource({
  schema: schema({
    markdownDescription: "Reads one database of a cluster on Hikube's public API: its extensions and the users holding a role on it.",
    attributes: {
      cluster: attr.string({ required: true, markdownDescription: 'Cluster name.' }),
      name: attr.string({ required: true, markdownDescription: 'Database name.' }),
      ...fields,
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_database', inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const cluster = req.config.cluster ?? '';
    const name = req.config.name ?? '';
    try {
      resp.state = { cluster, ...view(cluster, await data.postgres.databases(cluster).get(name, { signal: req.signal })) };
    } catch (cause) {
      resp.diagnostics.error(`Cannot read database ${childId(cluster, name)}`, messageOf(cause));
    }
  },
});

export const postgresDatabasesDataSource = dataSource({
  schema: schema({
    markdownDescription: "Lists the databases of a cluster on Hikube's public API.",
    attributes: {
      cluster: attr.string({ required: true, markdownDescription: 'Cluster name.' }),
      databases: attr.listNested(
        { name: attr.string({ computed: true, markdownDescription: 'Database name.' }), ...fields },
        { computed: true, markdownDescription: 'Databases, by name.' },
      ),
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_databases', inlineInstead('databases'));
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    const cluster = req.config.cluster ?? '';
    try {
      const databases = (await data.postgres.databases(cluster).list({ signal: req.signal }))
        .map((database) => view(cluster, database))
        .sort((a, b) => a.name.localeCompare(b.name));
      resp.state = { cluster, databases };
    } catch (cause) {
      resp.diagnostics.error(`Cannot list the databases of cluster ${cluster}`, messageOf(cause));
    }
  },
});

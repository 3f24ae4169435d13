// The Terraform schema of `hikube_postgres_database` (Hikube's public API).
import { attr, requiresReplace, schema, types, useStateForUnknown } from '@hikube/tfplugin';

export const postgresDatabaseSchema = schema({
  version: 0,
  markdownDescription:
    'A database of a PostgreSQL cluster, with its extensions, on both backends. Users get their role ' +
    "on it from `hikube_postgres_user`'s `databases`. Deleting it erases its data.\n\n" +
    "**Cozystack Kubernetes API**: the database is the key `spec.databases.<name>` of the cluster's " +
    "`Postgres` object (looked up in the provider's namespace). " +
    'This resource owns its `extensions` and sends them with a JSON merge patch of only that key; the ' +
    '`roles` lists under it belong to the users (`hikube_postgres_user`), which edit only ' +
    'their own names there. ' +
    'Deleting it removes the key, grants included. There is no extensions catalog on that API: names ' +
    'are checked at plan against the schema, and the platform refuses an extension it does not have. ' +
    'Apply waits until the cluster has applied the change.\n\n' +
    '**Inline or separate**: a cluster declares its `databases` inline (Kubernetes API only) or ' +
    'leaves them to this resource, not both. Creating a database on a cluster that ' +
    'manages `databases` inline ' +
    '(its annotation `hikube.cloud/terraform-inline-maps` says so) is refused at plan when the ' +
    'cluster exists (at apply, before any change, when both are created together); one that already ' +
    'exists there gets a warning. ' +
    'The cluster reads back only the databases it declares, so databases of this resource cause no drift on it.',
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()], markdownDescription: '`<cluster>/<name>`; also the import ID.' }),
    cluster: attr.string({
      required: true,
      planModifiers: [requiresReplace()],
      markdownDescription: 'Name of the cluster. Changing it replaces the database.',
    }),
    name: attr.string({
      required: true,
      planModifiers: [requiresReplace()],
      markdownDescription:
        'Database name: a lowercase letter, then lowercase letters, digits and hyphens, at most 63 ' +
        'characters. Changing it replaces the database (and erases its data).',
    }),
    extensions: attr.set(types.string, {
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription:
        'Extensions enabled in the database; on the public API checked at plan against the extensions ' +
        'catalog (`data.hikube_postgres_extensions`). Sent whole on every change (the API replaces ' +
        'the list). Set `[]` to remove them all.',
    }),
  },
});

// The Terraform schema of `hikube_postgres_database` (Hikube's public API).
import { attr, requiresReplace, schema, types, useStateForUnknown } from '@hikube/tfplugin';

export const postgresDatabaseSchema = schema({
  version: 0,
  markdownDescription:
    'A database of a PostgreSQL cluster on Hikube\'s public API, with its extensions. Users get their role on it from `hikube_postgres_user`\'s `databases`.\n\n' +
    'Deleting it erases its data. The cluster\'s inline `databases` exist only on the Kubernetes API, and the public API refuses them at plan, so the two never manage the same database. ' +
    'On the Kubernetes API this resource is refused at plan: declare the database inline there.',
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()], markdownDescription: '`<cluster>/<name>`; also the import ID.' }),
    cluster: attr.string({ required: true, planModifiers: [requiresReplace()], markdownDescription: 'Name of the cluster. Changing it replaces the database.' }),
    name: attr.string({ required: true, planModifiers: [requiresReplace()], markdownDescription: 'Database name: a lowercase letter, then lowercase letters, digits and hyphens, at most 63 characters. Changing it replaces the database (and erases its data).' }),
    extensions: attr.set(types.string, {
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription: 'Extensions enabled in the database, checked at plan against the extensions catalog (`data.hikube_postgres_extensions`). Sent whole on every change (the API replaces the list). Set `[]` to remove them all.',
    }),
  },
});

// The Terraform schema of `hikube_postgres_user` (Hikube's public API).
import { attr, requiresReplace, schema, types, useStateForUnknown } from '@hikube/tfplugin';

export const postgresUserSchema = schema({
  version: 0,
  markdownDescription:
    'A PostgreSQL user of a cluster on Hikube\'s public API, with its role on each database. The platform generates the password and returns it only when the user is created ' +
    'and when it is rotated: `password` keeps it in state (sensitive). Changing `password_version` rotates it in place, and the old password stops working at once.\n\n' +
    'An imported user has no password in state until it is rotated (set or change `password_version`). ' +
    'The cluster\'s inline `users` exist only on the Kubernetes API, and the public API refuses them at plan, so the two never manage the same user. ' +
    'On the Kubernetes API this resource is refused at plan: declare the user inline there.',
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()], markdownDescription: '`<cluster>/<name>`; also the import ID.' }),
    cluster: attr.string({ required: true, planModifiers: [requiresReplace()], markdownDescription: 'Name of the cluster. Changing it replaces the user.' }),
    name: attr.string({
      required: true,
      planModifiers: [requiresReplace()],
      markdownDescription: 'User name: a lowercase letter or underscore, then lowercase letters, digits and underscores, at most 63 characters; not `postgres`, not starting with `pg_`. Changing it replaces the user.',
    }),
    replication: attr.bool({ optional: true, computed: true, planModifiers: [useStateForUnknown()], markdownDescription: 'Grant the replication privilege (backup tools, read replicas).' }),
    databases: attr.map(types.string, {
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription:
        'Role by database: `admin` or `readonly`. Sent whole on every change (the API replaces the map): a database left out loses the user\'s role. ' +
        'A database named here that does not exist is created by the platform; prefer a `hikube_postgres_database` and a reference to it.',
    }),
    password_version: attr.number({ optional: true, markdownDescription: 'Change it (e.g. increase it) to rotate the password in place; the old password stops working at once. Setting it the first time on an imported user rotates too, so the state gets a password.' }),
    password: attr.string({ computed: true, sensitive: true, planModifiers: [useStateForUnknown()], markdownDescription: 'The generated password, from the creation or the last rotation; null after an import until rotated.' }),
  },
});

// The Terraform schema of `hikube_postgres_user` (Hikube's public API).
import { attr, requiresReplace, schema, types, useStateForUnknown } from '@hikube/tfplugin';

export const postgresUserSchema = schema({
  version: 0,
  markdownDescription:
    'A PostgreSQL user of a cluster, with its role on each database, on both backends.\n\n' +
    '**Public API**: the platform generates the password and returns it only when the user is created ' +
    'and when it is rotated: `password` keeps it in state (sensitive). ' +
    'Changing `password_version` rotates it in place, and the old password stops working at once. ' +
    'An imported user has no password in state until it is rotated (set or change `password_version`).\n\n' +
    "**Cozystack Kubernetes API**: the user is the key `spec.users.<name>` of the cluster's " +
    "`Postgres` object (looked up in the provider's namespace), and its roles are its own name in " +
    '`spec.databases.<db>.roles.admin` / `.readonly`, where the platform keeps grants. Every change ' +
    "is a JSON merge patch of only those, conditioned on the object's `resourceVersion` " +
    '(a role list another resource changed in between is read again, never overwritten), so users and ' +
    'databases sharing a cluster never undo each other; apply waits until the ' +
    'cluster has applied it. ' +
    "`password` is read from the platform's credentials Secret, also after an import. A rotation sets " +
    'a new generated password in `spec.users.<name>.password`, the one way the platform ' +
    'takes a new password ' +
    '(so it can be read by whoever can read the `Postgres` object, like an inline `password`); ' +
    "`password_version` is kept in the object's annotation `password-version.hikube.cloud/<name>`, so " +
    'an import plans no rotation.\n\n' +
    '**Inline or separate**: a cluster declares its `users` inline (Kubernetes API only) or leaves ' +
    'them to this resource, not both. The cluster records the maps it manages ' +
    'inline in its annotation ' +
    '`hikube.cloud/terraform-inline-maps`: creating a user on a cluster that manages `users` inline ' +
    'is refused at plan when the cluster exists (at apply, before any change, when both ' +
    'are created together); ' +
    'a user that already exists there gets a warning, so it can still be destroyed. The cluster reads ' +
    'back only the users it declares, so users of this resource cause no drift on it.',
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()], markdownDescription: '`<cluster>/<name>`; also the import ID.' }),
    cluster: attr.string({ required: true, planModifiers: [requiresReplace()], markdownDescription: 'Name of the cluster. Changing it replaces the user.' }),
    name: attr.string({
      required: true,
      planModifiers: [requiresReplace()],
      markdownDescription:
        'User name: a lowercase letter or underscore, then lowercase letters, digits and underscores, ' +
        'at most 63 characters; not `postgres`, not starting with `pg_`. Changing ' +
        'it replaces the user.',
    }),
    replication: attr.bool({
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription: 'Grant the replication privilege (backup tools, read replicas).',
    }),
    databases: attr.map(types.string, {
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription:
        'Role by database: `admin` or `readonly`. Sent whole on every change (the public API replaces ' +
        "the map; on the Kubernetes API the user's name leaves the lists of the databases left out): " +
        "a database left out loses the user's role. " +
        'A database named here that does not exist is created by the platform; prefer a ' +
        '`hikube_postgres_database` and a reference to it (which also destroys the user first).',
    }),
    password_version: attr.number({
      optional: true,
      markdownDescription:
        'Change it (e.g. increase it) to rotate the password in place; the old password stops working ' +
        'at once. Setting it the first time on an imported user rotates too, so the state gets a ' +
        'password (on the Kubernetes API an import reads the version back from the cluster object, so ' +
        'only a user made outside Terraform rotates).',
    }),
    password: attr.string({
      computed: true,
      sensitive: true,
      planModifiers: [useStateForUnknown()],
      markdownDescription:
        'The password. Public API: from the creation or the last rotation; null after an import until ' +
        'rotated. Kubernetes API: read from the credentials Secret.',
    }),
  },
});

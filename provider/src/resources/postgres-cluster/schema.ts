// The Terraform schema of `hikube_postgres_cluster`. Descriptions are Markdown and feed the
// generated docs (docs/resources/postgres_cluster.md).
import { attr, oneOf, schema, timeoutsBlock, types } from '@hikube/tfplugin';
import { syncModeValues, waitForValues } from './config-rules.js';
import { defaultTimeoutsMs } from './cluster-operations.js';

const minutes = (ms: number) => `${ms / 60_000}m`;

const endpoint = (what: string) =>
  attr.singleNested(
    {
      host: attr.string({ computed: true, markdownDescription: 'Host name or address.' }),
      port: attr.number({ computed: true, markdownDescription: 'TCP port.' }),
    },
    { computed: true, markdownDescription: what },
  );

const uri = (what: string) => attr.string({ computed: true, sensitive: true, markdownDescription: what });

export const postgresClusterSchema = schema({
  version: 0,
  markdownDescription:
    'A managed PostgreSQL cluster on Hikube: one primary and `replicas - 1` streaming standbys (CloudNativePG), ' +
    "asynchronous or with a synchronous quorum, placed over Hikube's datacenters (Gland, Lucerne, Geneva).\n\n" +
    'Every rule the API enforces is checked at plan time, updates send only the fields Terraform manages (a JSON merge patch), ' +
    'and create and update wait until the cluster is ready (see `wait_for`). Removing a user or a database drops it on the platform, ' +
    'so such a plan is refused unless `allow_destructive_changes` is set.\n\n' +
    "On Hikube's public API (provider `api_key`) the same resource sends the complete configuration " +
    'with every update (the API resets what a PATCH leaves out), ' +
    'waits for status `ready`, and refuses at plan, on the attribute, what that API has no field for ' +
    '(`zones`, `scheduling_class`, `storage_class`, `cpu`/`memory`, ' +
    '`backup`, `restore`, `parameters` other than `max_connections`, inline `users`/`databases`: use `hikube_postgres_user` and `hikube_postgres_database`).',
  attributes: {
    id: attr.string({ computed: true, markdownDescription: '`<namespace>/<name>` (public API: the name); also the import ID.' }),
    name: attr.string({
      required: true,
      markdownDescription:
        'Cluster name: a DNS-1035 label of at most 44 characters (the platform prefixes `postgres-`); ' +
        'on the public API 3 to 16 lowercase letters and digits. Changing it replaces the cluster.',
    }),
    namespace: attr.string({
      optional: true,
      computed: true,
      markdownDescription: "Tenant namespace. Defaults to the provider's `namespace`. Changing it replaces the cluster.",
    }),
    version: attr.string({
      optional: true,
      computed: true,
      markdownDescription:
        'PostgreSQL major version: `v18`, `v17`, `v16`, `v15`, `v14` or `v13`. Pin it: the platform ' +
        'default may change. A higher version is an in-place major upgrade; a lower one is refused at ' +
        'plan. The public API has `v15` to `v18` and needs it at creation.',
    }),
    replicas: attr.number({
      optional: true,
      computed: true,
      markdownDescription:
        'Number of instances (one primary and `replicas - 1` standbys). Hikube advises 3 for ' +
        'production. Scales in place; on the public API within 2-8, while a change across 1 <-> 2-8 ' +
        'replaces the cluster (the API refuses it in place).',
    }),
    sync_mode: attr.string({
      optional: true,
      computed: true,
      validators: [oneOf(...syncModeValues)],
      markdownDescription:
        '`async` (commits do not wait for standbys) or `quorum` (commits wait for `min_sync_replicas`..`max_sync_replicas` standbys, `ANY n`). ' +
        'The quorum is best effort: when fewer standbys are healthy, CloudNativePG lowers it rather than blocking writes.',
    }),
    min_sync_replicas: attr.number({
      optional: true,
      computed: true,
      markdownDescription: 'With `sync_mode = "quorum"`: the fewest synchronous standbys. Defaults to `max_sync_replicas`.',
    }),
    max_sync_replicas: attr.number({
      optional: true,
      computed: true,
      markdownDescription: 'With `sync_mode = "quorum"`: the most synchronous standbys; 1 or more and lower than `replicas`.',
    }),
    zones: attr.set(types.string, {
      optional: true,
      computed: true,
      markdownDescription:
        'Datacenters the instances may run in (e.g. `["gland", "lucerne", "geneva"]`). Resolved at ' +
        'plan to an existing SchedulingClass whose node selector and required node affinity ' +
        'allow exactly these zones (one that spreads over them first); when none does, the plan fails and lists the classes with their zones. ' +
        'Tenants may only read classes, so none is ever created. The zones are those the classes name ' +
        '(a tenant sees no nodes). Conflicts with `scheduling_class`. ' +
        'Read back from the class on import. Needs a platform whose published Postgres schema has ' +
        '`spec.schedulingClass`: no Cozystack release up to v1.6.2 has it, so there the ' +
        'plan refuses `zones` ' +
        "(the tenant's class is chosen by the namespace label " +
        '`scheduler.cozystack.io/scheduling-class`, which the administrator sets; ask them for ' +
        'the class you need).',
    }),
    primary_zone: attr.string({
      optional: true,
      computed: true,
      deprecated: 'No SchedulingClass can place the primary: remove primary_zone.',
      markdownDescription:
        'Refused at plan: a SchedulingClass gives every instance the same constraints and ' +
        'CloudNativePG elects the primary, so no class can place the primary in a zone. Kept only so ' +
        'older configurations get that error.',
    }),
    scheduling_class: attr.string({
      optional: true,
      computed: true,
      markdownDescription:
        "Name of an existing SchedulingClass to place this cluster's instances with (checked at " +
        'plan); unset means the class the namespace names (label ' +
        '`scheduler.cozystack.io/scheduling-class`). Set by `zones` when those are used. ' +
        'Needs a platform whose published Postgres schema has `spec.schedulingClass`. No Cozystack ' +
        'release up to v1.6.2 has it: there the resource refuses this attribute at plan, and the ' +
        'namespace label, set by the administrator, is the only way to choose the class.',
    }),
    resources_preset: attr.string({
      optional: true,
      computed: true,
      markdownDescription:
        'Sizing preset (`nano` … `2xlarge`, or `t1.`/`c1.`/`s1.`/`u1.`/`m1.` classes). Legacy and ' +
        'current names of one preset (`micro`, `t1.micro`) are equal. Conflicts with `cpu`/`memory`. ' +
        'On the public API, checked at plan against the presets catalog.',
    }),
    cpu: attr.string({
      optional: true,
      markdownDescription:
        'CPU per instance, a Kubernetes quantity (`1`, `500m`). Set with `memory`, instead of `resources_preset`. A change restarts instances one by one.',
    }),
    memory: attr.string({ optional: true, markdownDescription: 'Memory per instance, a Kubernetes quantity (`2Gi`). Set with `cpu`.' }),
    storage_size: attr.string({
      optional: true,
      computed: true,
      markdownDescription:
        'Volume size per instance (`10Gi`); equal quantities (`10Gi`, `10240Mi`) are the same. Grows ' +
        'in place; shrinking is refused at plan. On the public API, whole GiB from 1 to 4096 (`10Gi`; ' +
        '`10G` does not convert exactly and is refused), needed at creation.',
    }),
    storage_class: attr.string({
      optional: true,
      computed: true,
      markdownDescription:
        'Storage class of the volumes: `local`, `replicated` or `replicated-async`; empty is the platform default. Changing it replaces the cluster.',
    }),
    external: attr.bool({
      optional: true,
      computed: true,
      markdownDescription: 'Publish the primary through a LoadBalancer (`endpoints.external`; on the public API, `host`).',
    }),
    tls_enabled: attr.bool({
      optional: true,
      markdownDescription:
        "Add the external hostname to the server certificate's names (`spec.tls.enabled`); unset = " +
        'only with `external = true`. TLS itself is always on. Cozystack Kubernetes API only: refused ' +
        'at plan on the public API.',
    }),
    max_connections: attr.number({
      optional: true,
      computed: true,
      markdownDescription:
        "Public API: the most concurrent connections (`config.maxConnections`, 1 to 10000); the platform's default when unset. " +
        'On the Kubernetes API set `parameters = { max_connections = "..." }` instead.',
    }),
    parameters: attr.map(types.string, {
      optional: true,
      markdownDescription:
        'PostgreSQL parameters (`postgresql.conf`), values as strings. Parameters that can execute ' +
        'code are refused; some (e.g. `max_connections`, `shared_buffers`) restart instances, which ' +
        'the plan warns about.',
    }),
    users: attr.mapNested(
      {
        password: attr.string({
          optional: true,
          computed: true,
          sensitive: true,
          markdownDescription: 'Password; generated by the platform when not set. Stored in state: prefer `password_wo`.',
        }),
        password_wo: attr.string({
          optional: true,
          sensitive: true,
          writeOnly: true,
          markdownDescription: 'Write-only password (Terraform 1.11+): sent to the platform, never stored in plan or state. Needs `password_wo_version`.',
        }),
        password_wo_version: attr.number({
          optional: true,
          markdownDescription: 'Increase it to send `password_wo` again (Terraform cannot compare write-only values).',
        }),
        replication: attr.bool({ optional: true, markdownDescription: 'Grant the `REPLICATION` attribute.' }),
      },
      {
        optional: true,
        markdownDescription:
          'Users by name (Kubernetes API). Removing one drops it (its objects are reassigned to `postgres`): refused unless `allow_destructive_changes`. ' +
          'Setting this map (even `{}`) manages users inline: `hikube_postgres_user` then refuses to ' +
          'add users to this cluster. Users this map does not name (made by `hikube_postgres_user` or ' +
          'kubectl) are neither read back nor removed.',
      },
    ),
    databases: attr.mapNested(
      {
        admin: attr.set(types.string, { optional: true, markdownDescription: 'Users granted `<db>_admin` (owner, full rights).' }),
        readonly: attr.set(types.string, { optional: true, markdownDescription: 'Users granted `<db>_readonly` (connect, usage, select).' }),
        extensions: attr.set(types.string, { optional: true, markdownDescription: 'Extensions created in the database.' }),
      },
      {
        optional: true,
        markdownDescription:
          'Databases by name (Kubernetes API). Removing one runs `DROP DATABASE`: refused unless `allow_destructive_changes`. ' +
          'Setting this map (even `{}`) manages databases inline: `hikube_postgres_database` then ' +
          'refuses to add databases to this cluster. Databases this map does not name are neither ' +
          'read back nor removed.',
      },
    ),
    backup: attr.singleNested(
      {
        enabled: attr.bool({ optional: true, markdownDescription: 'Run scheduled backups and WAL archiving.' }),
        schedule: attr.string({
          optional: true,
          markdownDescription: "Cron schedule. Five fields (`0 2 * * *` = 02:00 daily) are converted to the platform's six-field form (seconds first).",
        }),
        retention_policy: attr.string({ optional: true, markdownDescription: 'How long backups are kept (`30d`).' }),
        destination_path: attr.string({ optional: true, markdownDescription: 'S3 destination, `s3://bucket/path/`.' }),
        endpoint_url: attr.string({ optional: true, markdownDescription: 'S3 endpoint URL.' }),
        s3_access_key: attr.string({ optional: true, sensitive: true, markdownDescription: 'S3 access key.' }),
        s3_secret_key: attr.string({ optional: true, sensitive: true, markdownDescription: 'S3 secret key.' }),
        use_system_bucket: attr.bool({
          optional: true,
          markdownDescription:
            "Back up to the platform's system bucket through its default BackupClass instead of the " +
            'S3 settings here; WAL archiving starts with the first backup job. Not with `restore`.',
        }),
        s3_credentials_secret: attr.string({
          optional: true,
          markdownDescription:
            'Name of an existing Secret of the namespace holding the S3 keys (`AWS_ACCESS_KEY_ID`, ' +
            '`AWS_SECRET_ACCESS_KEY`), instead of `s3_access_key`/`s3_secret_key`.',
        }),
        endpoint_ca_secret: attr.string({
          optional: true,
          markdownDescription:
            'Name of an existing Secret of the namespace holding the CA bundle (`ca.crt`) of a self-signed S3 endpoint, for backups and restores.',
        }),
      },
      { optional: true, markdownDescription: 'Backups to S3-compatible object storage (barman).' },
    ),
    restore: attr.singleNested(
      {
        source_cluster: attr.string({ required: true, markdownDescription: "Name of the cluster whose backups are restored (read from `backup`'s storage)." }),
        recovery_time: attr.string({
          optional: true,
          markdownDescription: 'Point in time: `2026-01-02 03:04:05[.ffffff][+hh[:mm]]`, RFC 3339, or `2026-01-02T03:04:05` without a zone; latest when unset.',
        }),
        server_name: attr.string({
          optional: true,
          markdownDescription: 'S3 path prefix the source cluster wrote its backups under, when it differs from `source_cluster`.',
        }),
      },
      {
        optional: true,
        markdownDescription: "Create this cluster from another cluster's backups (point-in-time recovery). Only at creation: changing it replaces the cluster.",
      },
    ),
    deletion_protection: attr.bool({
      optional: true,
      computed: true,
      default: false,
      markdownDescription: 'When true, destroy (and any replacement) fails before anything is touched.',
    }),
    allow_destructive_changes: attr.bool({
      optional: true,
      computed: true,
      default: false,
      markdownDescription: 'Allow a plan that drops users or databases (the plan still names them in a warning).',
    }),
    wait_for: attr.string({
      optional: true,
      computed: true,
      default: 'all_instances',
      validators: [oneOf(...waitForValues)],
      markdownDescription:
        'What create and update wait for: `released` (the platform applied the release), `primary` ' +
        '(the primary accepts connections) or `all_instances` (every instance ready). ' +
        'On the public API, which reports one status, they wait for status `ready` whatever this says.',
    }),
    ready: attr.bool({ computed: true, markdownDescription: "The platform's `Ready` condition." }),
    chart_version: attr.string({ computed: true, markdownDescription: 'Version of the platform chart running the cluster.' }),
    current_primary: attr.string({ computed: true, markdownDescription: 'Instance currently primary.' }),
    instances: attr.listNested(
      {
        name: attr.string({ computed: true, markdownDescription: 'Instance (pod) name.' }),
        zone: attr.string({
          computed: true,
          markdownDescription:
            "Datacenter it runs in, read off its node's name (`gld-` gland, `luc-` lucerne, `plo-` " +
            'geneva: pods carry no zone label); null when the name does not tell.',
        }),
        role: attr.string({ computed: true, markdownDescription: '`primary` or `replica`.' }),
        ready: attr.bool({ computed: true, markdownDescription: 'Whether it is ready.' }),
      },
      { computed: true, markdownDescription: 'Instances, by name.' },
    ),
    endpoints: attr.singleNested(
      {
        rw: endpoint('Read-write service (the primary).'),
        ro: endpoint('Read-only service (standbys only).'),
        r: endpoint('Any instance.'),
        external: endpoint('LoadBalancer address of the primary, with `external = true`.'),
      },
      { computed: true, markdownDescription: 'Where to connect.' },
    ),
    credentials: attr.map(types.string, { computed: true, sensitive: true, markdownDescription: 'Passwords by user, except users with `password_wo`.' }),
    status: attr.string({
      computed: true,
      markdownDescription: '`provisioning`, `ready`, `error` or `unknown` (on the Kubernetes API, `ready` or `provisioning` from the `Ready` condition).',
    }),
    host: attr.string({
      computed: true,
      markdownDescription: 'Address clients connect to from outside: set with `external = true` once the platform assigned it, else null.',
    }),
    port: attr.number({ computed: true, markdownDescription: 'Port with `host` (5432).' }),
    created_at: attr.string({ computed: true, markdownDescription: 'Creation time, RFC 3339.' }),
    connection_uris: attr.mapNested(
      {
        rw: uri('`postgresql://` URI through the read-write endpoint.'),
        ro: uri('URI through the read-only endpoint.'),
        r: uri('URI through the any-instance endpoint.'),
        external: uri('URI through the external endpoint.'),
      },
      {
        computed: true,
        sensitive: true,
        markdownDescription:
          'Connection URIs by user, to the first database the user administers (else reads, else ' +
          '`postgres`). Users with `password_wo` get URIs without password.',
      },
    ),
  },
  blocks: {
    timeouts: timeoutsBlock('create', 'update', 'delete'),
  },
});

export const defaultTimeoutsText = {
  create: minutes(defaultTimeoutsMs.create),
  update: minutes(defaultTimeoutsMs.update),
  delete: minutes(defaultTimeoutsMs.delete),
};

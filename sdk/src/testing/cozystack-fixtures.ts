// Postgres objects as the current Cozystack (v1.6.2) returns them on GET, written from its sources,
// not from our document, so tests can show that our model reads and round-trips the real thing.
// Source of each field, in cozystack/cozystack at v1.6.2:
//   [values]   packages/apps/postgres/values.yaml (the defaults; values.schema.json carries the same)
//   [default]  pkg/registry/apps/application/rest_defaulting.go: the API fills every schema default
//              on write, like kube-apiserver's structural defaulting, so a GET shows them all
//   [convert]  pkg/registry/apps/application/rest.go convertHelmReleaseToApplication: metadata
//              (name without the `postgres-` release prefix, namespace, uid, resourceVersion,
//              creationTimestamp; no generation, no appVersion), status.version (the HelmRelease's
//              last attempted chart revision) and the Ready/Released/WorkloadsReady conditions
//   [user]     what the tenant wrote

/** The spec the API stores for `spec: {}` ([default] of every [values] field). */
export function cozystackDefaultSpec(): Record<string, unknown> {
  return {
    replicas: 2, // [values] replicas
    resources: {}, // [values] resources
    resourcesPreset: 't1.micro', // [values] resourcesPreset
    size: '10Gi', // [values] size
    storageClass: '', // [values] storageClass
    external: false, // [values] external
    version: 'v18', // [values] version
    tls: {}, // [values] tls (tls.enabled has no default: unset means "when external")
    postgresql: { parameters: { max_connections: '100' } }, // [values] postgresql.parameters, a string
    quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 }, // [values] quorum
    users: {}, // [values] users
    databases: {}, // [values] databases
    backup: {
      enabled: false, // [values] backup.enabled
      useSystemBucket: false, // [values] backup.useSystemBucket
      retentionPolicy: '30d', // [values] backup.retentionPolicy
      destinationPath: 's3://bucket/path/to/folder/', // [values] backup.destinationPath (placeholder)
      endpointURL: 'http://minio-gateway-service:9000', // [values] backup.endpointURL (placeholder)
      schedule: '', // [values] backup.schedule
      s3AccessKey: '', // [values] backup.s3AccessKey
      s3SecretKey: '', // [values] backup.s3SecretKey
      s3CredentialsSecret: { name: '', accessKeyIDKey: '', secretAccessKeyKey: '' }, // [values] backup.s3CredentialsSecret
      endpointCA: { name: '', key: '' }, // [values] backup.endpointCA
    },
    bootstrap: { enabled: false, recoveryTime: '', oldName: '', serverName: '' }, // [values] bootstrap
  };
}

function readyStatus(): Record<string, unknown> {
  const at = '2026-08-21T10:00:00Z';
  return {
    version: '0.0.0', // [convert] status.version; the chart's version (packages/apps/postgres/Chart.yaml, set at build)
    conditions: [
      // [convert] Ready and Released from the HelmRelease, WorkloadsReady from the WorkloadMonitor
      { type: 'Ready', status: 'True', reason: 'InstallSucceeded', message: 'Helm install succeeded', lastTransitionTime: at },
      { type: 'Released', status: 'True', reason: 'InstallSucceeded', message: 'Helm install succeeded', lastTransitionTime: at },
      { type: 'WorkloadsReady', status: 'True', reason: 'WorkloadMonitorCheck', message: 'All workloads are operational', lastTransitionTime: at },
    ],
  };
}

function metadata(
  name: string,
  namespace: string,
  uid: string,
  resourceVersion: string,
): { name: string; namespace: string; uid: string; resourceVersion: string; creationTimestamp: string } {
  // [convert] only these: no generation, labels and annotations only when set with the apps.cozystack.io- prefix
  return { name, namespace, uid, resourceVersion, creationTimestamp: '2026-08-21T09:58:00Z' };
}

export interface CozystackFixture {
  /** What the fixture shows. */
  readonly title: string;
  /** The spec a tenant wrote ([user]); the API returns `object`. */
  readonly written: Record<string, unknown>;
  /** The object as a GET returns it. */
  readonly object: Record<string, unknown> & { metadata: { name: string; namespace: string; resourceVersion: string } };
  /** True when the platform would restore from backups (Hikube Local has none to restore from). */
  readonly restores: boolean;
}

/** The fixture set, in namespace `namespace`. Fresh objects on each call. */
export function cozystackFixtures(namespace = 'tenant-demo'): CozystackFixture[] {
  const defaults = cozystackDefaultSpec();
  const ordersWritten = {
    replicas: 3,
    resourcesPreset: 's1.small',
    external: true,
    quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 },
    postgresql: { parameters: { max_connections: '200', work_mem: '8MB' } },
    users: { app: { password: 'fixture-password-1' }, reader: {} },
    databases: { orders: { roles: { admin: ['app'], readonly: ['reader'] }, extensions: ['hstore', 'pg_trgm'] } },
    backup: { enabled: true, useSystemBucket: true },
  };
  const restoredWritten = {
    backup: { s3CredentialsSecret: { name: 'orders-s3' }, endpointCA: { name: 'seaweedfs-ca' } },
    bootstrap: { enabled: true, oldName: 'orders', recoveryTime: '2020-11-26 15:22:00.00000+00' }, // [values] the recoveryTime example's form
  };
  return [
    {
      title: 'created with an empty spec: every chart default filled in',
      written: {},
      object: {
        apiVersion: 'apps.cozystack.io/v1alpha1',
        kind: 'Postgres',
        metadata: metadata('plain', namespace, '6f1c0d62-1111-4c4e-9f57-000000000001', '40001'),
        spec: defaults,
        status: readyStatus(),
      },
      restores: false,
    },
    {
      title: 'a tuned cluster on the system bucket: what the tenant wrote, the rest defaulted',
      written: ordersWritten,
      object: {
        apiVersion: 'apps.cozystack.io/v1alpha1',
        kind: 'Postgres',
        metadata: metadata('orders', namespace, '6f1c0d62-1111-4c4e-9f57-000000000002', '40002'),
        spec: {
          ...defaults,
          ...ordersWritten, // [user] replicas, resourcesPreset, external, quorum, parameters, users, databases
          backup: { ...(defaults['backup'] as object), enabled: true, useSystemBucket: true }, // [user] + [values] backup.*
        },
        status: readyStatus(),
      },
      restores: false,
    },
    {
      title: 'a point-in-time restore with an existing S3 Secret and CA (legacy flow)',
      written: restoredWritten,
      object: {
        apiVersion: 'apps.cozystack.io/v1alpha1',
        kind: 'Postgres',
        metadata: metadata('orders-restored', namespace, '6f1c0d62-1111-4c4e-9f57-000000000003', '40003'),
        spec: {
          ...defaults,
          backup: {
            ...(defaults['backup'] as object),
            s3CredentialsSecret: { name: 'orders-s3', accessKeyIDKey: '', secretAccessKeyKey: '' }, // [user] name + [values] keys
            endpointCA: { name: 'seaweedfs-ca', key: '' }, // [user] name + [values] key
          },
          bootstrap: { enabled: true, recoveryTime: '2020-11-26 15:22:00.00000+00', oldName: 'orders', serverName: '' }, // [user] + [values] serverName
        },
        status: readyStatus(),
      },
      restores: true,
    },
  ];
}

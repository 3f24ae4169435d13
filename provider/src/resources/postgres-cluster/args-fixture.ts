// Test helper: a configuration with everything unset, overridden per case.
import { emptyArgs, type PostgresClusterArgs, type UserModel } from './model.js';
import type { PostgresSpec } from './postgres-spec.js';

export function argsWith(overrides: Partial<PostgresClusterArgs>): PostgresClusterArgs {
  return { ...emptyArgs, name: 'orders', namespace: 'tenant-demo', ...overrides };
}

export function user(overrides: Partial<UserModel> = {}): UserModel {
  return { password: null, passwordWo: null, passwordWoVersion: null, replication: null, ...overrides };
}

/** What the platform fills into an empty spec, per the API reference. */
export const platformDefaults: PostgresSpec = {
  replicas: 2,
  resourcesPreset: 'micro',
  size: '10Gi',
  storageClass: '',
  external: false,
  schedulingClass: '',
  version: 'v18',
  postgresql: { parameters: { max_connections: 100 } },
  quorum: { minSyncReplicas: 0, maxSyncReplicas: 0 },
  users: {},
  databases: {},
  backup: { enabled: false, retentionPolicy: '30d', schedule: '0 2 * * * *', destinationPath: 's3://bucket/path/to/folder/', endpointURL: 'http://minio-gateway-service:9000', s3AccessKey: 'placeholder', s3SecretKey: 'placeholder' },
  bootstrap: { enabled: false, oldName: '', recoveryTime: '' },
};

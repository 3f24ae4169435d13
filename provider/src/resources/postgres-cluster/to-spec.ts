// Terraform model -> Postgres spec. Only fields the model sets are written, so the object carries
// nothing Terraform does not manage.
import { toSixFieldCron } from '../../normalize/cron-schedule.js';
import type { BackupModel, DatabaseModel, PostgresClusterArgs, UserModel } from './model.js';
import type { PostgresBackupSpec, PostgresDatabaseSpec, PostgresSpec, PostgresUserSpec } from './postgres-spec.js';

export interface ToSpecOptions {
  /** The SchedulingClass that `zones`/`primary_zone` resolved to; wins over `scheduling_class`. */
  resolvedSchedulingClass?: string | null;
  /** Include `password_wo` values (create, or a `password_wo_version` change). */
  includeWriteOnlyPasswords?: boolean;
}

function sortedUnique(values: string[] | null): string[] | undefined {
  return values === null ? undefined : [...new Set(values)].sort();
}

function userSpec(user: UserModel, includeWriteOnly: boolean): PostgresUserSpec {
  const spec: PostgresUserSpec = {};
  const password = user.password ?? (includeWriteOnly ? user.passwordWo : null);
  if (password !== null) spec.password = password;
  if (user.replication !== null) spec.replication = user.replication;
  return spec;
}

function databaseSpec(database: DatabaseModel): PostgresDatabaseSpec {
  const spec: PostgresDatabaseSpec = {};
  const admin = sortedUnique(database.admin);
  const readonly = sortedUnique(database.readonly);
  const extensions = sortedUnique(database.extensions);
  if (admin !== undefined || readonly !== undefined) {
    spec.roles = {};
    if (admin !== undefined) spec.roles.admin = admin;
    if (readonly !== undefined) spec.roles.readonly = readonly;
  }
  if (extensions !== undefined) spec.extensions = extensions;
  return spec;
}

function backupSpec(backup: BackupModel): PostgresBackupSpec {
  const spec: PostgresBackupSpec = {};
  if (backup.enabled !== null) spec.enabled = backup.enabled;
  if (backup.schedule !== null) {
    const converted = toSixFieldCron(backup.schedule);
    spec.schedule = converted.ok ? converted.sixField : backup.schedule;
  }
  if (backup.retentionPolicy !== null) spec.retentionPolicy = backup.retentionPolicy;
  if (backup.destinationPath !== null) spec.destinationPath = backup.destinationPath;
  if (backup.endpointUrl !== null) spec.endpointURL = backup.endpointUrl;
  if (backup.s3AccessKey !== null) spec.s3AccessKey = backup.s3AccessKey;
  if (backup.s3SecretKey !== null) spec.s3SecretKey = backup.s3SecretKey;
  if (backup.useSystemBucket !== null && backup.useSystemBucket !== undefined) spec.useSystemBucket = backup.useSystemBucket;
  // Only the name: a merge patch leaves the keys the platform filled in alone.
  if (backup.s3CredentialsSecret !== null && backup.s3CredentialsSecret !== undefined) spec.s3CredentialsSecret = { name: backup.s3CredentialsSecret };
  if (backup.endpointCaSecret !== null && backup.endpointCaSecret !== undefined) spec.endpointCA = { name: backup.endpointCaSecret };
  return spec;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

export function toSpec(args: PostgresClusterArgs, options: ToSpecOptions = {}): PostgresSpec {
  const spec: PostgresSpec = {};
  // Enum values are checked by the SDK's validatePostgres at plan time, before any request.
  if (args.version !== null) spec.version = args.version as NonNullable<PostgresSpec['version']>;
  if (args.replicas !== null) spec.replicas = args.replicas;
  if (args.syncMode === 'async') spec.quorum = { minSyncReplicas: 0, maxSyncReplicas: 0 };
  if (args.syncMode === 'quorum' && args.maxSyncReplicas !== null) {
    spec.quorum = { minSyncReplicas: args.minSyncReplicas ?? args.maxSyncReplicas, maxSyncReplicas: args.maxSyncReplicas };
  }
  if (args.resourcesPreset !== null) spec.resourcesPreset = args.resourcesPreset as NonNullable<PostgresSpec['resourcesPreset']>;
  if (args.cpu !== null || args.memory !== null) {
    spec.resources = {};
    if (args.cpu !== null) spec.resources.cpu = args.cpu;
    if (args.memory !== null) spec.resources.memory = args.memory;
  }
  if (args.storageSize !== null) spec.size = args.storageSize;
  if (args.storageClass !== null) spec.storageClass = args.storageClass;
  if (args.external !== null) spec.external = args.external;
  const schedulingClass = options.resolvedSchedulingClass ?? args.schedulingClass;
  if (schedulingClass !== null) spec.schedulingClass = schedulingClass;
  if (args.parameters !== null) spec.postgresql = { parameters: { ...args.parameters } };
  const includeWriteOnly = options.includeWriteOnlyPasswords ?? false;
  if (args.users !== null) spec.users = mapValues(args.users, (user) => userSpec(user, includeWriteOnly));
  if (args.databases !== null) spec.databases = mapValues(args.databases, databaseSpec);
  if (args.tlsEnabled !== null) spec.tls = { enabled: args.tlsEnabled };
  if (args.backup !== null) spec.backup = backupSpec(args.backup);
  if (args.restore !== null && args.restore.sourceCluster !== null) {
    spec.bootstrap = { enabled: true, oldName: args.restore.sourceCluster };
    if (args.restore.recoveryTime !== null) spec.bootstrap.recoveryTime = args.restore.recoveryTime;
    if (args.restore.serverName !== null && args.restore.serverName !== undefined) spec.bootstrap.serverName = args.restore.serverName;
  }
  return spec;
}

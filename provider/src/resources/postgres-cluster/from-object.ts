// Postgres object -> Terraform model, for refresh and import. Where the server's value means the
// same as the prior state's (10240Mi vs 10Gi, t1.micro vs micro, a six-field schedule vs five),
// the prior spelling is kept; values the platform filled in that Terraform never set stay null.
import { schedulesEqual, toFiveFieldCron } from '../../normalize/cron-schedule.js';
import { presetsEqual } from '../../normalize/preset-names.js';
import { quantitiesEqual } from '../../normalize/quantity.js';
import type { BackupModel, DatabaseModel, PostgresClusterArgs, RestoreModel, UserModel } from './model.js';
import type { PostgresBackupSpec, PostgresObject, PostgresSpec } from './postgres-spec.js';
import { declaredInlineMaps, type InlineMap } from './inline-maps.js';
import type { PlacementClass } from './scheduling-class-placement.js';

export interface ReadContext {
  /** Prior state; null on import. */
  prior: PostgresClusterArgs | null;
  /** What the platform fills in for an empty spec (the SDK's defaults). */
  platformDefaults: PostgresSpec;
  /** user -> password from the credentials Secret; null when it could not be read. */
  credentials: Record<string, string> | null;
  /** SchedulingClasses as placements, to read `zones` back on import; absent otherwise. */
  placements?: readonly PlacementClass[] | null;
}

export const providerDefaults = { deletionProtection: false, allowDestructiveChanges: false, waitFor: 'all_instances' } as const;

function keepIfEquivalent<T>(prior: T | null | undefined, server: T | null, equal: (a: T, b: T) => boolean): T | null {
  if (server === null) return null;
  return prior !== null && prior !== undefined && equal(prior, server) ? prior : server;
}

function quantityText(value: string | number | undefined): string | null {
  return value === undefined ? null : String(value);
}

function sortedOrNull(values: string[] | undefined, prior: string[] | null | undefined): string[] | null {
  const sorted = [...new Set(values ?? [])].sort();
  return sorted.length === 0 && (prior === null || prior === undefined) ? null : sorted;
}

function readParameters(spec: PostgresSpec, context: ReadContext): Record<string, string> | null {
  const prior = context.prior?.parameters ?? null;
  const defaults = context.platformDefaults.postgresql?.parameters ?? {};
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.postgresql?.parameters ?? {})) {
    const text = String(value);
    const priorText = prior?.[key];
    if (priorText !== undefined) result[key] = priorText === text ? priorText : text;
    else if (defaults[key] === undefined || String(defaults[key]) !== text) result[key] = text;
  }
  return Object.keys(result).length === 0 && prior === null ? null : result;
}

/**
 * The entries of `spec.users` or `spec.databases` this resource manages: the keys of the prior
 * state (keys added by hikube_postgres_user/_database or kubectl are not its to show or remove),
 * or on import every key when the object says the map is managed inline (or says nothing).
 */
function managedEntries<T>(
  map: InlineMap,
  entries: Record<string, T> | undefined,
  prior: Record<string, unknown> | null,
  context: ReadContext,
  object: PostgresObject,
): [string, T][] | null {
  const all = Object.entries(entries ?? {});
  if (context.prior !== null) return prior === null ? null : all.filter(([name]) => name in prior);
  const declared = declaredInlineMaps(object);
  if (declared !== null && !declared.has(map)) return null;
  return all.length === 0 ? null : all;
}

function readUsers(spec: PostgresSpec, context: ReadContext, object: PostgresObject): Record<string, UserModel> | null {
  const prior = context.prior?.users ?? null;
  const entries = managedEntries('users', spec.users, prior, context, object);
  if (entries === null) return null;
  const result: Record<string, UserModel> = {};
  for (const [name, user] of entries) {
    const before = prior?.[name];
    const passwordWoVersion = before?.passwordWoVersion ?? null;
    // A user whose password is write-only never gets a password in state.
    const password = passwordWoVersion !== null ? null : (context.credentials?.[name] ?? user.password ?? before?.password ?? null);
    const replication = user.replication === undefined || (user.replication === false && (before?.replication ?? null) === null) ? null : user.replication;
    result[name] = { password, passwordWo: null, passwordWoVersion, replication };
  }
  return result;
}

function readDatabases(spec: PostgresSpec, context: ReadContext, object: PostgresObject): Record<string, DatabaseModel> | null {
  const prior = context.prior?.databases ?? null;
  const entries = managedEntries('databases', spec.databases, prior, context, object);
  if (entries === null) return null;
  const result: Record<string, DatabaseModel> = {};
  for (const [name, database] of entries) {
    const before = prior?.[name];
    result[name] = {
      admin: sortedOrNull(database.roles?.admin, before?.admin),
      readonly: sortedOrNull(database.roles?.readonly, before?.readonly),
      extensions: sortedOrNull(database.extensions, before?.extensions),
    };
  }
  return result;
}

// The platform fills an empty name in: shown only when set, or when Terraform set it before.
function secretName(server: string | undefined, prior: string | null | undefined): string | null {
  if (server === undefined) return null;
  return server !== '' || (prior !== null && prior !== undefined) ? server : null;
}

function readBackup(spec: PostgresSpec, context: ReadContext): BackupModel | null {
  const server: PostgresBackupSpec = spec.backup ?? {};
  const defaults: PostgresBackupSpec = context.platformDefaults.backup ?? {};
  const prior = context.prior?.backup ?? null;
  // A value is shown when Terraform set it before, or when it differs from what the platform fills in.
  function field<K extends keyof PostgresBackupSpec>(key: K, priorValue: PostgresBackupSpec[K] | null | undefined): NonNullable<PostgresBackupSpec[K]> | null {
    const value = server[key];
    if (value === undefined) return null;
    const managed = priorValue !== null && priorValue !== undefined;
    if (!managed && value === defaults[key]) return null;
    return value as NonNullable<PostgresBackupSpec[K]>;
  }
  const schedule = field('schedule', prior?.schedule);
  const backup: BackupModel = {
    enabled: field('enabled', prior?.enabled),
    schedule: schedule === null ? null : prior?.schedule && schedulesEqual(prior.schedule, schedule) ? prior.schedule : toFiveFieldCron(schedule),
    retentionPolicy: field('retentionPolicy', prior?.retentionPolicy),
    destinationPath: field('destinationPath', prior?.destinationPath),
    endpointUrl: field('endpointURL', prior?.endpointUrl),
    s3AccessKey: field('s3AccessKey', prior?.s3AccessKey),
    s3SecretKey: field('s3SecretKey', prior?.s3SecretKey),
    useSystemBucket: field('useSystemBucket', prior?.useSystemBucket),
    s3CredentialsSecret: secretName(server.s3CredentialsSecret?.name, prior?.s3CredentialsSecret),
    endpointCaSecret: secretName(server.endpointCA?.name, prior?.endpointCaSecret),
  };
  const allNull = Object.values(backup).every((value) => value === null);
  return allNull && prior === null ? null : backup;
}

function readRestore(spec: PostgresSpec, context: ReadContext): RestoreModel | null {
  // Bootstrap only matters at creation: keep what Terraform planned rather than the echo.
  if (context.prior !== null) return context.prior.restore;
  const bootstrap = spec.bootstrap;
  if (bootstrap?.enabled !== true) return null;
  return {
    sourceCluster: bootstrap.oldName ?? null,
    recoveryTime: bootstrap.recoveryTime ? bootstrap.recoveryTime : null,
    serverName: bootstrap.serverName ? bootstrap.serverName : null,
  };
}

function placementOf(name: string | undefined, context: ReadContext): PlacementClass | undefined {
  if (name === undefined || name === '') return undefined;
  return context.placements?.find((placement) => placement.name === name);
}

export function fromObject(object: PostgresObject, context: ReadContext): PostgresClusterArgs {
  const spec = object.spec ?? {};
  const prior = context.prior;
  const maxSync = spec.quorum?.maxSyncReplicas ?? 0;
  const minSync = spec.quorum?.minSyncReplicas ?? 0;
  const cpu = quantityText(spec.resources?.cpu);
  const memory = quantityText(spec.resources?.memory);
  const size = quantityText(spec.size);
  return {
    name: object.metadata.name ?? prior?.name ?? null,
    namespace: object.metadata.namespace ?? prior?.namespace ?? null,
    version: spec.version ?? null,
    replicas: spec.replicas ?? null,
    syncMode: maxSync > 0 ? 'quorum' : 'async',
    minSyncReplicas: minSync,
    maxSyncReplicas: maxSync,
    // Zones are not on the object: keep what was planned, or on import read them off the class.
    zones: prior !== null ? prior.zones : (placementOf(spec.schedulingClass, context)?.zones.slice().sort() ?? null),
    // No class can place the primary (see zone-placement.ts): never read back from a class.
    primaryZone: prior !== null ? prior.primaryZone : null,
    schedulingClass: spec.schedulingClass ?? null,
    resourcesPreset: keepIfEquivalent(prior?.resourcesPreset, spec.resourcesPreset ?? null, presetsEqual),
    cpu: keepIfEquivalent(prior?.cpu, cpu, quantitiesEqual),
    memory: keepIfEquivalent(prior?.memory, memory, quantitiesEqual),
    storageSize: keepIfEquivalent(prior?.storageSize, size, quantitiesEqual),
    storageClass: spec.storageClass ?? null,
    external: spec.external ?? null,
    tlsEnabled: spec.tls?.enabled ?? null,
    maxConnections: null,
    parameters: readParameters(spec, context),
    users: readUsers(spec, context, object),
    databases: readDatabases(spec, context, object),
    backup: readBackup(spec, context),
    restore: readRestore(spec, context),
    deletionProtection: prior?.deletionProtection ?? providerDefaults.deletionProtection,
    allowDestructiveChanges: prior?.allowDestructiveChanges ?? providerDefaults.allowDestructiveChanges,
    waitFor: prior?.waitFor ?? providerDefaults.waitFor,
    timeouts: prior?.timeouts ?? null,
  };
}

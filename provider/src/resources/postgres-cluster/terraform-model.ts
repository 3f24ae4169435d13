// Converts between the framework's values (snake_case, possibly unknown while planning) and the
// resource's model (camelCase, null for unset), in both directions.
import { isUnknown, type ModelOf, type PlanModelOf } from '@hikube/tfplugin';
import type {
  BackupModel,
  ConnectionUrisModel,
  DatabaseModel,
  EndpointModel,
  PostgresClusterArgs,
  PostgresClusterComputed,
  PostgresClusterModel,
  SyncMode,
  UserModel,
  WaitFor,
} from './model.js';
import type { AttributePath } from './plan-issue.js';
import type { postgresClusterSchema } from './schema.js';

export type TerraformState = ModelOf<typeof postgresClusterSchema>;
export type TerraformPlan = PlanModelOf<typeof postgresClusterSchema>;

/** The value with every unknown replaced by null, and whether there was one. */
function stripUnknown(value: unknown): { value: unknown; hadUnknown: boolean } {
  if (isUnknown(value)) return { value: null, hadUnknown: true };
  if (Array.isArray(value)) {
    const items = value.map(stripUnknown);
    return { value: items.map((item) => item.value), hadUnknown: items.some((item) => item.hadUnknown) };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, stripUnknown(item)] as const);
    return { value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])), hadUnknown: entries.some(([, item]) => item.hadUnknown) };
  }
  return { value, hadUnknown: false };
}

/** The arguments of a configuration or plan, and the top-level attributes not known yet. */
export function argsFromTerraform(value: TerraformPlan | TerraformState): { args: PostgresClusterArgs; unknownAttributes: Set<string> } {
  const unknownAttributes = new Set<string>();
  const raw = value as Record<string, unknown>;
  // Unknown leaves read as null; the attribute is remembered so checks on it wait for apply.
  const known = <T>(name: string): T | null => {
    const stripped = stripUnknown(raw[name] ?? null);
    if (stripped.hadUnknown) unknownAttributes.add(name);
    return stripped.value as T | null;
  };
  const users =
    known<Record<string, { password: string | null; password_wo: string | null; password_wo_version: number | null; replication: boolean | null }>>('users');
  const databases = known<Record<string, { admin: string[] | null; readonly: string[] | null; extensions: string[] | null }>>('databases');
  const backup = known<{
    enabled: boolean | null;
    schedule: string | null;
    retention_policy: string | null;
    destination_path: string | null;
    endpoint_url: string | null;
    s3_access_key: string | null;
    s3_secret_key: string | null;
    use_system_bucket?: boolean | null;
    s3_credentials_secret?: string | null;
    endpoint_ca_secret?: string | null;
  }>('backup');
  const restore = known<{ source_cluster: string | null; recovery_time: string | null; server_name?: string | null }>('restore');
  const timeouts = known<{ create: string | null; update: string | null; delete: string | null }>('timeouts');
  const args: PostgresClusterArgs = {
    name: known('name'),
    namespace: known('namespace'),
    version: known('version'),
    replicas: known('replicas'),
    syncMode: known<SyncMode>('sync_mode'),
    minSyncReplicas: known('min_sync_replicas'),
    maxSyncReplicas: known('max_sync_replicas'),
    zones: known('zones'),
    primaryZone: known('primary_zone'),
    schedulingClass: known('scheduling_class'),
    resourcesPreset: known('resources_preset'),
    cpu: known('cpu'),
    memory: known('memory'),
    storageSize: known('storage_size'),
    storageClass: known('storage_class'),
    external: known('external'),
    tlsEnabled: known('tls_enabled'),
    maxConnections: known('max_connections'),
    parameters: known('parameters'),
    users:
      users === null
        ? null
        : Object.fromEntries(
            Object.entries(users).map(([name, u]): [string, UserModel] => [
              name,
              { password: u.password, passwordWo: u.password_wo, passwordWoVersion: u.password_wo_version, replication: u.replication },
            ]),
          ),
    databases:
      databases === null
        ? null
        : Object.fromEntries(
            Object.entries(databases).map(([name, d]): [string, DatabaseModel] => [name, { admin: d.admin, readonly: d.readonly, extensions: d.extensions }]),
          ),
    backup:
      backup === null
        ? null
        : {
            enabled: backup.enabled,
            schedule: backup.schedule,
            retentionPolicy: backup.retention_policy,
            destinationPath: backup.destination_path,
            endpointUrl: backup.endpoint_url,
            s3AccessKey: backup.s3_access_key,
            s3SecretKey: backup.s3_secret_key,
            useSystemBucket: backup.use_system_bucket ?? null,
            s3CredentialsSecret: backup.s3_credentials_secret ?? null,
            endpointCaSecret: backup.endpoint_ca_secret ?? null,
          },
    restore: restore === null ? null : { sourceCluster: restore.source_cluster, recoveryTime: restore.recovery_time, serverName: restore.server_name ?? null },
    deletionProtection: known('deletion_protection'),
    allowDestructiveChanges: known('allow_destructive_changes'),
    waitFor: known<WaitFor>('wait_for'),
    timeouts: timeouts === null ? null : { create: timeouts.create, update: timeouts.update, delete: timeouts.delete },
  };
  return { args, unknownAttributes };
}

function computedFromTerraform(state: TerraformState): PostgresClusterComputed {
  const endpoints = state.endpoints;
  const endpoint = (value: { host: string | null; port: number | null } | null | undefined): EndpointModel | null =>
    value && value.host !== null && value.port !== null ? { host: value.host, port: value.port } : null;
  return {
    id: state.id,
    ready: state.ready,
    chartVersion: state.chart_version,
    currentPrimary: state.current_primary,
    instances:
      state.instances === null ? null : state.instances.map((i) => ({ name: i.name ?? '', zone: i.zone, role: i.role ?? '', ready: i.ready ?? false })),
    endpoints:
      endpoints === null ? null : { rw: endpoint(endpoints.rw), ro: endpoint(endpoints.ro), r: endpoint(endpoints.r), external: endpoint(endpoints.external) },
    credentials: state.credentials,
    connectionUris:
      state.connection_uris === null
        ? null
        : Object.fromEntries(
            Object.entries(state.connection_uris).map(([user, uris]): [string, ConnectionUrisModel] => [
              user,
              { rw: uris.rw, ro: uris.ro, r: uris.r, external: uris.external },
            ]),
          ),
    status: state.status,
    host: state.host,
    port: state.port,
    createdAt: state.created_at,
  };
}

export function modelFromTerraform(state: TerraformState): PostgresClusterModel {
  return { ...argsFromTerraform(state).args, ...computedFromTerraform(state) };
}

function endpointToTerraform(value: EndpointModel | null) {
  return value === null ? null : { host: value.host, port: value.port };
}

/** A full model as Terraform state; write-only values are always null. */
export function modelToTerraform(model: PostgresClusterModel): TerraformState {
  const backup = model.backup as BackupModel | null;
  return {
    id: model.id,
    name: model.name,
    namespace: model.namespace,
    version: model.version,
    replicas: model.replicas,
    sync_mode: model.syncMode,
    min_sync_replicas: model.minSyncReplicas,
    max_sync_replicas: model.maxSyncReplicas,
    zones: model.zones,
    primary_zone: model.primaryZone,
    scheduling_class: model.schedulingClass,
    resources_preset: model.resourcesPreset,
    cpu: model.cpu,
    memory: model.memory,
    storage_size: model.storageSize,
    storage_class: model.storageClass,
    external: model.external,
    tls_enabled: model.tlsEnabled,
    max_connections: model.maxConnections,
    parameters: model.parameters,
    users:
      model.users === null
        ? null
        : Object.fromEntries(
            Object.entries(model.users).map(([name, u]) => [
              name,
              { password: u.password, password_wo: null, password_wo_version: u.passwordWoVersion, replication: u.replication },
            ]),
          ),
    databases:
      model.databases === null
        ? null
        : Object.fromEntries(Object.entries(model.databases).map(([name, d]) => [name, { admin: d.admin, readonly: d.readonly, extensions: d.extensions }])),
    backup:
      backup === null
        ? null
        : {
            enabled: backup.enabled,
            schedule: backup.schedule,
            retention_policy: backup.retentionPolicy,
            destination_path: backup.destinationPath,
            endpoint_url: backup.endpointUrl,
            s3_access_key: backup.s3AccessKey,
            s3_secret_key: backup.s3SecretKey,
            use_system_bucket: backup.useSystemBucket ?? null,
            s3_credentials_secret: backup.s3CredentialsSecret ?? null,
            endpoint_ca_secret: backup.endpointCaSecret ?? null,
          },
    restore:
      model.restore === null
        ? null
        : { source_cluster: model.restore.sourceCluster, recovery_time: model.restore.recoveryTime, server_name: model.restore.serverName ?? null },
    deletion_protection: model.deletionProtection,
    allow_destructive_changes: model.allowDestructiveChanges,
    wait_for: model.waitFor,
    ready: model.ready,
    chart_version: model.chartVersion,
    current_primary: model.currentPrimary,
    instances: model.instances === null ? null : model.instances.map((i) => ({ name: i.name, zone: i.zone, role: i.role, ready: i.ready })),
    endpoints:
      model.endpoints === null
        ? null
        : {
            rw: endpointToTerraform(model.endpoints.rw),
            ro: endpointToTerraform(model.endpoints.ro),
            r: endpointToTerraform(model.endpoints.r),
            external: endpointToTerraform(model.endpoints.external),
          },
    credentials: model.credentials,
    connection_uris: model.connectionUris,
    status: model.status,
    host: model.host,
    port: model.port,
    created_at: model.createdAt,
    timeouts: model.timeouts,
  };
}

const computedNames: Record<keyof PostgresClusterComputed, string> = {
  id: 'id',
  ready: 'ready',
  chartVersion: 'chart_version',
  currentPrimary: 'current_primary',
  instances: 'instances',
  endpoints: 'endpoints',
  credentials: 'credentials',
  connectionUris: 'connection_uris',
  status: 'status',
  host: 'host',
  port: 'port',
  createdAt: 'created_at',
};

/**
 * The plan as the framework wants it: known values, `unknown` where only apply will tell, and
 * the configuration's own unknowns passed through untouched.
 */
export function planToTerraform(
  model: PostgresClusterModel,
  unknownArgs: readonly AttributePath[],
  unknownComputed: readonly (keyof PostgresClusterComputed)[],
  config: TerraformPlan,
  unknownValue: unknown,
): TerraformPlan {
  const plan = overlayUnknowns(modelToTerraform(model), config) as Record<string, unknown>;
  for (const key of unknownComputed) plan[computedNames[key]] = unknownValue;
  for (const path of unknownArgs) setAt(plan, path, unknownValue);
  // Write-only values never appear in a plan, even when the configuration's is unknown.
  const users = plan['users'];
  if (typeof users === 'object' && users !== null && !isUnknown(users)) {
    for (const user of Object.values(users as Record<string, Record<string, unknown>>)) if (!isUnknown(user)) user['password_wo'] = null;
  }
  return plan as unknown as TerraformPlan;
}

/** Where the configuration is unknown, the plan must be that same unknown. */
function overlayUnknowns(planned: unknown, config: unknown): unknown {
  if (isUnknown(config)) return config;
  if (Array.isArray(planned) && Array.isArray(config)) return planned.map((item, index) => overlayUnknowns(item, config[index]));
  if (typeof planned === 'object' && planned !== null && typeof config === 'object' && config !== null && !Array.isArray(config)) {
    const source = config as Record<string, unknown>;
    return Object.fromEntries(Object.entries(planned).map(([key, item]) => [key, overlayUnknowns(item, source[key])]));
  }
  return planned;
}

function setAt(target: Record<string, unknown>, path: AttributePath, value: unknown): void {
  let node: unknown = target;
  path.forEach((step, index) => {
    const key = 'attribute' in step ? step.attribute : 'key' in step ? step.key : step.index;
    if (typeof node !== 'object' || node === null) return;
    const container = node as Record<string | number, unknown>;
    if (index === path.length - 1) container[key] = value;
    else node = container[key];
  });
}

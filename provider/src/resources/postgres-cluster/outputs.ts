// Computed outputs from what the SDK observes: readiness, instances, endpoints, credentials and
// ready-to-use connection URIs. Write-only passwords never reach any of them.
import type { ConnectionUrisModel, EndpointModel, EndpointsModel, InstanceModel, PostgresClusterArgs, PostgresClusterComputed } from './model.js';
import { clusterId } from './model.js';
import type { PostgresObject } from './postgres-spec.js';

export interface ObservedInstance {
  name: string;
  zone: string | null;
  role: string;
  ready: boolean;
}

export interface Observed {
  object: PostgresObject;
  instances: readonly ObservedInstance[];
  endpoints: EndpointsModel;
  /** user -> password; null when the credentials could not be read. */
  credentials: Record<string, string> | null;
}

function isReady(object: PostgresObject): boolean {
  return object.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}

/** The database a user's URI points at: the first one it administers, else reads, else `postgres`. */
export function defaultDatabaseFor(user: string, args: PostgresClusterArgs): string {
  const databases = Object.entries(args.databases ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const admin = databases.find(([, database]) => database.admin?.includes(user));
  const reader = databases.find(([, database]) => database.readonly?.includes(user));
  return admin?.[0] ?? reader?.[0] ?? 'postgres';
}

export function connectionUri(user: string, password: string | null, endpoint: EndpointModel | null, database: string): string | null {
  if (endpoint === null) return null;
  const credentials = password === null ? encodeURIComponent(user) : `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `postgresql://${credentials}@${host}:${endpoint.port}/${encodeURIComponent(database)}`;
}

/** Users whose password Terraform may keep: everyone except write-only ones. */
function storablePasswords(args: PostgresClusterArgs, credentials: Record<string, string> | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, user] of Object.entries(args.users ?? {})) {
    if (user.passwordWoVersion !== null) continue;
    const password = credentials?.[name] ?? user.password;
    if (password !== null) result[name] = password;
  }
  return result;
}

export function computeOutputs(args: PostgresClusterArgs, observed: Observed): PostgresClusterComputed {
  const instances: InstanceModel[] = [...observed.instances]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((instance) => ({ name: instance.name, zone: instance.zone, role: instance.role, ready: instance.ready }));
  const passwords = storablePasswords(args, observed.credentials);
  const connectionUris: Record<string, ConnectionUrisModel> = {};
  for (const user of Object.keys(args.users ?? {}).sort()) {
    const password = passwords[user] ?? null;
    const database = defaultDatabaseFor(user, args);
    connectionUris[user] = {
      rw: connectionUri(user, password, observed.endpoints.rw, database),
      ro: connectionUri(user, password, observed.endpoints.ro, database),
      r: connectionUri(user, password, observed.endpoints.r, database),
      external: connectionUri(user, password, observed.endpoints.external, database),
    };
  }
  const ready = isReady(observed.object);
  const external = observed.endpoints.external;
  const namespace = observed.object.metadata.namespace ?? args.namespace;
  const name = observed.object.metadata.name ?? args.name;
  return {
    id: namespace && name ? clusterId(namespace, name) : null,
    ready,
    chartVersion: observed.object.status?.version ?? null,
    currentPrimary: instances.find((instance) => instance.role === 'primary')?.name ?? null,
    instances,
    endpoints: observed.endpoints,
    credentials: passwords,
    connectionUris,
    status: ready ? 'ready' : 'provisioning',
    host: external?.host ?? null,
    port: external?.port ?? null,
    createdAt: observed.object.metadata.creationTimestamp ?? null,
  };
}

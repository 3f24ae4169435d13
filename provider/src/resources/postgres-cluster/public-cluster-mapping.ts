// hikube_postgres_cluster <-> the public API's cluster, both ways. Reading back keeps the prior
// spelling of equal values (`10Gi`/`10240Mi`, `micro`/`t1.micro`, `"200"`/200 in parameters), so a
// spelling the API prefers, an int64 sent as a string or an omitted zero never shows as a change.
import type { Cluster } from '@hikube/sdk/public';
import { presetsEqual } from '../../normalize/preset-names.js';
import { parseQuantity, quantitiesEqual } from '../../normalize/quantity.js';
import { emptyArgs, type PostgresClusterArgs, type PostgresClusterComputed, type PostgresClusterModel } from './model.js';

/** PostgreSQL's port; the API documents it in its guides, not in the cluster. */
export const publicPort = 5432;

const gib = 1024n ** 3n;

/**
 * The API's size (whole GB per node) for a `storage_size` quantity, or null when it does not
 * convert exactly. The platform stores a size of N as `NGi` (the chart's unit), so GB here is GiB.
 */
export function sizeFromQuantity(quantity: string): number | null {
  let value;
  try {
    value = parseQuantity(quantity);
  } catch {
    return null;
  }
  const bytes = value.numerator;
  if (value.denominator !== 1n || bytes <= 0n || bytes % gib !== 0n) return null;
  return Number(bytes / gib);
}

function quantityFromSize(size: number): string {
  return `${size}Gi`;
}

/** The effective max_connections: the attribute, else `parameters.max_connections` (the only parameter the API has). */
export function maxConnectionsOf(args: PostgresClusterArgs): number | null {
  if (args.maxConnections !== null) return args.maxConnections;
  const text = args.parameters?.['max_connections'];
  return text === undefined || !/^[0-9]+$/.test(text) ? null : Number(text);
}

/** The quorum the API is sent: `async` is 0/0; the minimum defaults to the maximum. */
export function quorumOf(args: PostgresClusterArgs): { minSyncReplicas: number; maxSyncReplicas: number } | null {
  if (args.syncMode === 'async') return { minSyncReplicas: 0, maxSyncReplicas: 0 };
  if (args.syncMode !== 'quorum' || args.maxSyncReplicas === null) return null;
  return { minSyncReplicas: args.minSyncReplicas ?? args.maxSyncReplicas, maxSyncReplicas: args.maxSyncReplicas };
}

/** The API's preset name for a configured one: legacy and current names of one preset are equal. */
export function catalogPreset(name: string, catalog: readonly string[]): string | null {
  return catalog.find((entry) => presetsEqual(entry, name)) ?? null;
}

/**
 * The create body for planned arguments; fields not known (null) are left out for the API to
 * default. `preset` is the catalog's spelling when the plan resolved one.
 */
export function createBody(planned: PostgresClusterArgs, preset: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = { name: planned.name, version: planned.version };
  const size = planned.storageSize === null ? null : sizeFromQuantity(planned.storageSize);
  body['size'] = size ?? undefined;
  if (planned.replicas !== null) body['replicas'] = planned.replicas;
  if (planned.external !== null) body['external'] = planned.external;
  if (preset !== null) body['preset'] = preset;
  const maxConnections = maxConnectionsOf(planned);
  if (maxConnections !== null) body['config'] = { maxConnections };
  const quorum = quorumOf(planned);
  if (quorum !== null) body['quorum'] = quorum;
  return body;
}

/** Keep the prior text when it means the same as the API's value. */
function same<T>(prior: T | null | undefined, value: T, equal: (a: T, b: T) => boolean): T {
  return prior !== null && prior !== undefined && equal(prior, value) ? prior : value;
}

/** The arguments a cluster stands for, in the prior state's spelling where equal. */
export function argsFromCluster(cluster: Cluster, prior: PostgresClusterArgs | null): PostgresClusterArgs {
  const quorum = cluster.quorum.maxSyncReplicas > 0;
  const maxConnections = cluster.config.maxConnections;
  // Configured through parameters: read back there (and mirrored in max_connections).
  const viaParameters = prior?.parameters?.['max_connections'] !== undefined;
  const parameters = viaParameters
    ? { max_connections: same(prior?.parameters?.['max_connections'], String(maxConnections), (a, b) => Number(a) === Number(b)) }
    : null;
  return {
    ...emptyArgs,
    name: cluster.name,
    version: cluster.version === '' ? null : cluster.version,
    replicas: cluster.replicas === 0 ? null : cluster.replicas,
    syncMode: quorum ? 'quorum' : 'async',
    minSyncReplicas: quorum ? cluster.quorum.minSyncReplicas : (prior?.minSyncReplicas ?? null),
    maxSyncReplicas: quorum ? cluster.quorum.maxSyncReplicas : (prior?.maxSyncReplicas ?? null),
    resourcesPreset: cluster.preset === '' ? null : same(prior?.resourcesPreset, cluster.preset, presetsEqual),
    storageSize: cluster.size === 0 ? null : same(prior?.storageSize, quantityFromSize(cluster.size), quantitiesEqualSafe),
    external: cluster.external,
    // 0 is "not set": the platform's default applies; the API does not say which.
    maxConnections: maxConnections === 0 ? null : maxConnections,
    parameters,
    deletionProtection: prior?.deletionProtection ?? false,
    allowDestructiveChanges: prior?.allowDestructiveChanges ?? false,
    waitFor: prior?.waitFor ?? 'all_instances',
    timeouts: prior?.timeouts ?? null,
  };
}

function quantitiesEqualSafe(a: string, b: string): boolean {
  try {
    return quantitiesEqual(a, b);
  } catch {
    return false;
  }
}

/** Attributes only the provider sets, from what the API reports. */
export function computedFromCluster(cluster: Cluster): PostgresClusterComputed {
  const host = cluster.host === '' ? null : cluster.host;
  return {
    id: cluster.name,
    ready: cluster.status === 'ready',
    chartVersion: null,
    currentPrimary: null,
    instances: null,
    endpoints: null,
    credentials: null,
    connectionUris: null,
    status: cluster.status === '' ? null : cluster.status,
    host,
    port: host === null ? null : publicPort,
    createdAt: cluster.createdAt ?? null,
  };
}

export function modelFromCluster(cluster: Cluster, prior: PostgresClusterArgs | null): PostgresClusterModel {
  return { ...argsFromCluster(cluster, prior), ...computedFromCluster(cluster) };
}

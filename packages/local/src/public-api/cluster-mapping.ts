// The public API's cluster is a view of the Kubernetes `Postgres` object the store keeps: one
// platform, two fronts. This module is the whole translation between them, both ways, as data.
import type { PostgresSpec } from '@hikube/sdk/kubernetes';
import type { Condition, KubeObject } from '../store/kube-object.js';

/** What the public API configures on a cluster; an absent field is left to the platform's default. */
export interface ClusterSettings {
  version: string;
  size: number;
  replicas?: number;
  preset?: string;
  external?: boolean;
  /** 0 or absent: the platform's default. */
  maxConnections?: number;
  quorum?: { minSyncReplicas?: number; maxSyncReplicas?: number };
}

/** A cluster as the public API sends it: int64 values are JSON strings, times RFC 3339. */
export interface ClusterView {
  id: string;
  projectId: string;
  name: string;
  createdAt?: string;
  updatedAt?: string;
  version: string;
  replicas: string;
  external: boolean;
  size: string;
  preset: string;
  config: { maxConnections: string };
  quorum: { minSyncReplicas: string; maxSyncReplicas: string };
  host: string;
  status: PublicStatus;
}

export type PublicStatus = 'provisioning' | 'ready' | 'error' | 'unknown';

/** The port Hikube serves every cluster on. */
const POSTGRES_PORT = 5432;

/** The Kubernetes defaults the admission step fills in; a stored spec normally has them already. */
const specDefaults = { replicas: 2, resourcesPreset: 't1.micro', size: '10Gi', version: 'v18', external: false } as const;

/** Ready=False reasons of a failed Helm action (InstallFailed, UpgradeFailed...): in error until the spec changes. */
const failureReason = /Failed$/;

const binaryUnits: Record<string, number> = {
  '': 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
};

/** The volume quantity for a public size: sizes are whole GB, stored as Gi as the chart does. */
function sizeQuantity(gb: number): string {
  return `${gb}Gi`;
}

/** The public size (GB, rounded up) of a volume quantity; 0 when it cannot be read. */
export function sizeGb(quantity: string | number | undefined): number {
  if (quantity === undefined) return 0;
  if (typeof quantity === 'number') return Math.ceil(quantity / 2 ** 30);
  const match = /^([0-9]+(?:\.[0-9]+)?)([KMGTP]i?|k)?$/.exec(quantity.trim());
  const unit = binaryUnits[match?.[2] ?? ''];
  if (!match || unit === undefined) return 0;
  return Math.ceil((Number(match[1]) * unit) / 2 ** 30);
}

/**
 * The spec after applying a cluster's public settings to `base` (the stored spec, or `{}` on a
 * create). Users, databases and every field the public API does not know are kept.
 */
export function specFromSettings(settings: ClusterSettings, base: PostgresSpec = {}): PostgresSpec {
  const spec: PostgresSpec = { ...base, version: settings.version as NonNullable<PostgresSpec['version']>, size: sizeQuantity(settings.size) };
  if (settings.replicas !== undefined) spec.replicas = settings.replicas;
  if (settings.preset !== undefined && settings.preset !== '') spec.resourcesPreset = settings.preset as NonNullable<PostgresSpec['resourcesPreset']>;
  if (settings.external !== undefined) spec.external = settings.external;
  if (settings.quorum !== undefined) {
    spec.quorum = { minSyncReplicas: settings.quorum.minSyncReplicas ?? 0, maxSyncReplicas: settings.quorum.maxSyncReplicas ?? 0 };
  }
  if (settings.maxConnections !== undefined) {
    const { max_connections: _dropped, ...parameters } = base.postgresql?.parameters ?? {};
    if (settings.maxConnections > 0) parameters['max_connections'] = settings.maxConnections;
    spec.postgresql = { ...base.postgresql, parameters };
  }
  return spec;
}

/** The public settings a stored spec stands for (every field filled in). */
export function settingsFromSpec(spec: PostgresSpec): Required<ClusterSettings> & { quorum: { minSyncReplicas: number; maxSyncReplicas: number } } {
  const maxConnections = Number(spec.postgresql?.parameters?.['max_connections'] ?? 0);
  return {
    version: spec.version ?? specDefaults.version,
    size: sizeGb(spec.size ?? specDefaults.size),
    replicas: spec.replicas ?? specDefaults.replicas,
    preset: spec.resourcesPreset ?? specDefaults.resourcesPreset,
    external: spec.external ?? specDefaults.external,
    maxConnections: Number.isInteger(maxConnections) ? maxConnections : 0,
    quorum: { minSyncReplicas: spec.quorum?.minSyncReplicas ?? 0, maxSyncReplicas: spec.quorum?.maxSyncReplicas ?? 0 },
  };
}

/**
 * The public status from the platform's conditions (the release's Ready; the platform reports no
 * observedGeneration): ready when Ready is True, error when a release failed, provisioning while
 * one runs (Ready Unknown, Progressing) or before the first status.
 */
export function publicStatus(conditions: readonly Condition[] | undefined): PublicStatus {
  const ready = conditions?.find((c) => c.type === 'Ready');
  if (!ready) return 'provisioning';
  if (ready.status === 'Unknown') return ready.reason === 'Progressing' ? 'provisioning' : 'unknown';
  if (ready.status === 'True') return 'ready';
  return failureReason.test(ready.reason) ? 'error' : 'provisioning';
}

/** The last time the object was written, as the managed fields record it, else its creation time. */
function lastWrite(object: KubeObject): string | undefined {
  const times = (object.metadata.managedFields ?? []).map((entry) => entry.time).filter((time): time is string => time !== undefined);
  return times.sort().at(-1) ?? object.metadata.creationTimestamp;
}

/** The name of the LoadBalancer Service the platform makes for an external cluster. */
export function externalServiceName(clusterName: string): string {
  return `postgres-${clusterName}-external-write`;
}

/**
 * The public `host` of an external cluster, read from its LoadBalancer Service as Hikube reads its
 * public IP: the ingress address, alone when the Service listens on 5432 (what Hikube's guides
 * and the SDK's connectionString assume), `address:port` when Hikube Local had to take another
 * port; '' until the address is assigned.
 */
export function externalHost(service: KubeObject | undefined): string {
  const ip = (service?.['status'] as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress?.[0]?.ip;
  const port = (service?.['spec'] as { ports?: { port?: number }[] } | undefined)?.ports?.[0]?.port;
  if (ip === undefined || ip === '' || port === undefined) return '';
  if (port === POSTGRES_PORT) return ip;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The public view of a stored Postgres object. `host` is the external cluster's address (ignored otherwise). */
export function clusterView(object: KubeObject, projectId: string, host = ''): ClusterView {
  const spec = (object['spec'] ?? {}) as PostgresSpec;
  const conditions = (object['status'] as { conditions?: Condition[] } | undefined)?.conditions;
  const settings = settingsFromSpec(spec);
  const updatedAt = lastWrite(object);
  return {
    id: object.metadata.uid ?? '',
    projectId,
    name: object.metadata.name,
    ...(object.metadata.creationTimestamp !== undefined ? { createdAt: object.metadata.creationTimestamp } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    version: settings.version,
    replicas: String(settings.replicas),
    external: settings.external,
    size: String(settings.size),
    preset: settings.preset,
    config: { maxConnections: String(settings.maxConnections) },
    quorum: { minSyncReplicas: String(settings.quorum.minSyncReplicas), maxSyncReplicas: String(settings.quorum.maxSyncReplicas) },
    host: settings.external ? host : '',
    status: publicStatus(conditions),
  };
}

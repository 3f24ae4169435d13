// What npm start prints about a cluster, from the Postgres object. Pure: the tests feed it objects.
// The per-instance detail (instancesStatus, synchronousStandbys, currentPrimary) is optional extra
// status Hikube Local publishes; without it the pods' zone, role and readiness are used.

export interface EndpointView {
  host: string;
  port: number;
}

export interface InstanceView {
  name: string;
  zone: string;
  role: 'primary' | 'standby';
  ready: boolean;
  /** Hikube Local's reason: Primary, Streaming, NotStreaming, Starting, ... */
  reason: string | undefined;
  lagBytes: number | undefined;
}

export interface ClusterView {
  name: string;
  version: string;
  ready: boolean;
  readyReason: string;
  primary: string | undefined;
  sync: { number: number; names: readonly string[] } | undefined;
  instances: readonly InstanceView[];
  endpoints: { rw?: EndpointView; ro?: EndpointView; r?: EndpointView };
}

export interface PodInstance {
  pod: string;
  zone: string | undefined;
  role: 'primary' | 'replica' | undefined;
  ready: boolean;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Builds the view of one cluster from its Postgres object, its endpoints and (fallback) its pods. */
export function clusterViewFrom(object: unknown, endpoints: ClusterView['endpoints'], pods: readonly PodInstance[]): ClusterView {
  const o = record(object);
  const spec = record(o['spec']);
  const status = record(o['status']);
  const conditions = Array.isArray(status['conditions']) ? status['conditions'].map(record) : [];
  const ready = conditions.find((c) => c['type'] === 'Ready');
  const sync = record(status['synchronousStandbys']);
  const detailed = Array.isArray(status['instancesStatus']) ? status['instancesStatus'].map(record) : undefined;
  const instances: InstanceView[] = detailed
    ? detailed.map((i) => ({
        name: text(i['name']) ?? '?',
        zone: text(i['site']) ?? '?',
        role: i['role'] === 'primary' ? 'primary' : 'standby',
        ready: i['ready'] === true,
        reason: text(i['reason']),
        lagBytes: typeof i['lagBytes'] === 'number' ? i['lagBytes'] : undefined,
      }))
    : pods.map((p) => ({
        name: p.pod,
        zone: p.zone ?? '?',
        role: p.role === 'primary' ? 'primary' : 'standby',
        ready: p.ready,
        reason: undefined,
        lagBytes: undefined,
      }));
  return {
    name: text(record(o['metadata'])['name']) ?? '?',
    version: text(spec['version']) ?? '?',
    ready: ready?.['status'] === 'True',
    readyReason: text(ready?.['reason']) ?? 'Pending',
    primary: text(status['currentPrimary']) ?? instances.find((i) => i.role === 'primary')?.name,
    sync:
      typeof sync['number'] === 'number'
        ? { number: sync['number'], names: Array.isArray(sync['names']) ? sync['names'].filter((n): n is string => typeof n === 'string') : [] }
        : undefined,
    instances: [...instances].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
    endpoints,
  };
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '-';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Replication state in PostgreSQL's words (pg_stat_replication.sync_state: sync, quorum, async). */
export function replicationState(instance: InstanceView, sync: ClusterView['sync']): string {
  if (instance.role === 'primary') return instance.ready ? 'accepts writes' : `down (${instance.reason ?? 'not ready'})`;
  if (!instance.ready) return `not streaming (${instance.reason ?? 'not ready'})`;
  if (instance.reason !== undefined && instance.reason !== 'Streaming') return instance.reason;
  if (sync === undefined) return 'streaming';
  if (sync.number === 0 || !sync.names.includes(instance.name)) return 'streaming, async';
  return sync.names.length > sync.number ? 'streaming, quorum' : 'streaming, sync';
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function endpointText(endpoints: ClusterView['endpoints'], standbys: number): string {
  const parts: string[] = [];
  if (endpoints.rw) parts.push(`rw ${endpoints.rw.host}:${endpoints.rw.port} (primary)`);
  // ro serves standbys only: with none it has nothing behind it.
  if (endpoints.ro && standbys > 0) parts.push(`ro ${endpoints.ro.host}:${endpoints.ro.port} (standbys)`);
  if (endpoints.r) parts.push(`r ${endpoints.r.host}:${endpoints.r.port} (any instance)`);
  return parts.length > 0 ? parts.join('   ') : 'none published yet';
}

function syncText(sync: ClusterView['sync']): string {
  if (sync === undefined) return 'replication: as configured';
  if (sync.number === 0) return 'replication: asynchronous';
  return `synchronous: ANY ${sync.number} of ${sync.names.length} standby${sync.names.length === 1 ? '' : 's'}`;
}

/** The cluster, readable at a glance: a header, one row per instance, the endpoints. */
export function renderCluster(view: ClusterView): string[] {
  const header = [
    view.name,
    `PostgreSQL ${view.version}`,
    view.ready ? 'Ready' : `not ready (${view.readyReason})`,
    syncText(view.sync),
    `primary ${view.primary ?? 'none'}`,
  ].join(' · ');
  const rows = [
    ['INSTANCE', 'ZONE', 'ROLE', 'REPLICATION', 'LAG'],
    ...view.instances.map((i) => [i.name, i.zone, i.role, replicationState(i, view.sync), i.role === 'primary' ? '-' : formatBytes(i.lagBytes)]),
  ];
  const lines = [header, ...table(rows).map((line) => `  ${line}`)];
  // Hikube Local refreshes lagBytes only with other status changes: say what the number is.
  if (view.instances.some((i) => i.role === 'standby' && i.lagBytes !== undefined))
    lines.push('  (lag: WAL bytes a standby had not replayed, as of the last status update)');
  lines.push(`  endpoints: ${endpointText(view.endpoints, view.instances.filter((i) => i.role === 'standby').length)}`);
  return lines;
}

// Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the columns
// `kubectl get` shows per kind, as Hikube prints them (`NAME READY AGE VERSION` for postgreses).

import type { KubeObject } from '../store/kube-object.js';
import type { ResourceType } from '../store/resource-types.js';

export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

interface Column {
  name: string;
  type: 'string' | 'date' | 'integer';
  format?: string;
  priority?: number;
  cell: (o: KubeObject, now: Date) => string | number;
}

/** Kubernetes' HumanDuration: the short ages kubectl users read. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), o);

function age(o: KubeObject, now: Date): string {
  const t = o.metadata.creationTimestamp;
  return t ? humanDuration(now.getTime() - Date.parse(t)) : '<unknown>';
}

function condition(o: KubeObject, type: string): string {
  const conds = get(o, 'status', 'conditions');
  if (!Array.isArray(conds)) return '';
  const c = conds.find((x: { type?: string }) => x.type === type) as { status?: string } | undefined;
  return str(c?.status);
}

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
const ageCol: Column = { name: 'Age', type: 'date', cell: age };

const COLUMNS: Record<string, Column[]> = {
  Postgres: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => condition(o, 'Ready') },
    ageCol,
    { name: 'Version', type: 'string', cell: (o) => str(get(o, 'status', 'version')) },
  ],
  Secret: [
    name,
    { name: 'Type', type: 'string', cell: (o) => str(o['type']) },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys((o['data'] as object | undefined) ?? {}).length },
    ageCol,
  ],
  Service: [
    name,
    { name: 'Type', type: 'string', cell: (o) => str(get(o, 'spec', 'type')) || 'ClusterIP' },
    { name: 'Cluster-IP', type: 'string', cell: (o) => str(get(o, 'spec', 'clusterIP')) || '<none>' },
    { name: 'External-IP', type: 'string', cell: (o) => str(get(o, 'status', 'loadBalancer', 'ingress', '0', 'ip')) || '<none>' },
    {
      name: 'Port(s)',
      type: 'string',
      cell: (o) =>
        ((get(o, 'spec', 'ports') as { port: number; protocol?: string }[] | undefined) ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') ||
        '<none>',
    },
    ageCol,
    {
      name: 'Selector',
      type: 'string',
      priority: 1,
      cell: (o) =>
        Object.entries((get(o, 'spec', 'selector') as Record<string, string> | undefined) ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    },
  ],
  Pod: [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const cs = (get(o, 'status', 'containerStatuses') as { ready?: boolean }[] | undefined) ?? [];
        return `${cs.filter((c) => c.ready).length}/${Math.max(cs.length, 1)}`;
      },
    },
    { name: 'Status', type: 'string', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : str(get(o, 'status', 'phase')) || 'Pending') },
    { name: 'Restarts', type: 'integer', cell: (o) => Number(get(o, 'status', 'containerStatuses', '0', 'restartCount') ?? 0) },
    ageCol,
    { name: 'IP', type: 'string', priority: 1, cell: (o) => str(get(o, 'status', 'podIP')) || '<none>' },
    { name: 'Node', type: 'string', priority: 1, cell: (o) => str(get(o, 'spec', 'nodeName')) || '<none>' },
  ],
  Event: [
    {
      name: 'Last Seen',
      type: 'string',
      cell: (o, now) => (o['lastTimestamp'] ? humanDuration(now.getTime() - Date.parse(String(o['lastTimestamp']))) : age(o, now)),
    },
    { name: 'Type', type: 'string', cell: (o) => str(o['type']) },
    { name: 'Reason', type: 'string', cell: (o) => str(o['reason']) },
    { name: 'Object', type: 'string', cell: (o) => `${str(get(o, 'involvedObject', 'kind')).toLowerCase()}/${str(get(o, 'involvedObject', 'name'))}` },
    { name: 'Message', type: 'string', cell: (o) => str(o['message']) },
  ],
  Namespace: [name, { name: 'Status', type: 'string', cell: () => 'Active' }, ageCol],
};
COLUMNS['TenantSecret'] = COLUMNS['Secret'] as Column[];

function columnsFor(type: ResourceType): Column[] {
  return COLUMNS[type.kind] ?? [name, ageCol];
}

export interface TableRow {
  cells: (string | number)[];
  object: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: { name: string; type: string; format: string; description: string; priority: number }[] | null;
  rows: TableRow[];
}

function partial(o: KubeObject): unknown {
  const { managedFields: _mf, ...meta } = o.metadata;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta };
}

export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  resourceVersion: string,
  options: { includeObject?: string; now?: Date; continueToken?: string; withColumns?: boolean } = {},
): Table {
  const now = options.now ?? new Date();
  const cols = columnsFor(type);
  const table: Table = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions:
      options.withColumns === false
        ? null
        : cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o, now)),
      object: options.includeObject === 'None' ? undefined : options.includeObject === 'Object' ? o : partial(o),
    })),
  };
  if (options.continueToken) table.metadata.continue = options.continueToken;
  return table;
}

/** True when the Accept header asks for a Table before plain JSON. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(',')[0] ?? '';
  return /as=Table/.test(first) && /g=meta\.k8s\.io/.test(first);
}

// A Postgres spec, read for the engine: the cluster it should be (ClusterDesired); the users'
// passwords come from the model (cluster-objects.ts credentialsData).

import type { Placement } from '../reconciler.js';
import type { ClusterDesired } from './cluster-types.js';
import { OPERATOR_PARAMETERS } from './parameter-plan.js';
import { resourceSettings } from './resources-plan.js';
import { siteOfInstance } from '../placement.js';

/** The fields of a Postgres spec the engine reads. */
export interface PostgresSpec {
  replicas?: number;
  version?: string;
  external?: boolean;
  resources?: { cpu?: string | number; memory?: string | number };
  resourcesPreset?: string;
  postgresql?: { parameters?: Record<string, string | number> };
  quorum?: { minSyncReplicas?: number; maxSyncReplicas?: number };
  users?: Record<string, { password?: string; replication?: boolean } | null>;
  databases?: Record<string, { roles?: { admin?: string[]; readonly?: string[] }; extensions?: string[] } | null>;
}

export function majorOf(version: string): number | undefined {
  const m = /^v(\d+)$/.exec(version);
  return m?.[1] ? Number(m[1]) : undefined;
}

export function desiredCluster(spec: PostgresSpec, major: number, placement: Placement, passwords: Record<string, string>): ClusterDesired {
  const params: Record<string, string> = { ...resourceSettings(spec.resources, spec.resourcesPreset).parameters };
  for (const [k, v] of Object.entries(spec.postgresql?.parameters ?? { max_connections: 100 })) {
    if (!OPERATOR_PARAMETERS.has(k.toLowerCase())) params[k] = String(v);
  }
  const databases: ClusterDesired['roles']['databases'] = Object.fromEntries(
    Object.entries(spec.databases ?? {}).map(([db, d]) => [
      db,
      { admins: d?.roles?.admin ?? [], readonly: d?.roles?.readonly ?? [], extensions: d?.extensions ?? [] },
    ]),
  );
  return {
    major,
    replicas: Math.max(1, spec.replicas ?? 2),
    quorum: { minSyncReplicas: spec.quorum?.minSyncReplicas ?? 0, maxSyncReplicas: spec.quorum?.maxSyncReplicas ?? 0 },
    parameters: params,
    siteOf: (n) => siteOfInstance(placement, n),
    roles: {
      users: Object.fromEntries(
        Object.entries(spec.users ?? {}).map(([u, cfg]) => [u, { password: passwords[u] ?? '', replication: cfg?.replication === true }]),
      ),
      databases,
    },
    external: spec.external === true,
  };
}

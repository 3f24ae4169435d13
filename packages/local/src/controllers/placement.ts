// Placement decisions: the built-in SchedulingClasses (in the real `cozystack.io/v1alpha1` shape),
// which class applies to a cluster, and the node and site of each instance under it.

import type { SchedulingClassSpec } from '@hikube/sdk/kubernetes';
import type { KubeObject } from '../store/kube-object.js';
import { LOCAL_NODES, siteOfNode } from './nodes.js';
import { SITES, type Placement, type Site } from './reconciler.js';
import { scheduleInstances } from './schedule-instances.js';

/** The namespace label that names a tenant's class (Cozystack's tenant chart sets it). */
export const SCHEDULING_CLASS_LABEL = 'scheduler.cozystack.io/scheduling-class';

const ZONE = 'topology.kubernetes.io/zone';
const zoneSpread = { maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule' as const };
const zonesIn = (zones: readonly string[]): SchedulingClassSpec => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: 'In', values: [...zones] }] }] },
  },
  topologySpreadConstraints: [zoneSpread],
});

/** Built-in classes created at first start: spread over the three sites, pin to one, or spread over two. */
export function builtinSchedulingClasses(): KubeObject[] {
  const make = (name: string, spec: SchedulingClassSpec, description: string): KubeObject => ({
    apiVersion: 'cozystack.io/v1alpha1',
    kind: 'SchedulingClass',
    metadata: { name, labels: { 'local.hikube.io/builtin': 'true' }, annotations: { 'local.hikube.io/description': description } },
    spec: spec as Record<string, unknown>,
  });
  const pairs = SITES.flatMap((a, i) => SITES.slice(i + 1).map((b) => [a, b] as const));
  return [
    make('spread', { topologySpreadConstraints: [zoneSpread] }, 'instances spread evenly over gland, lucerne and geneva'),
    ...SITES.map((s) => make(s, { nodeSelector: { [ZONE]: s } }, `every instance in ${s}`)),
    ...pairs.map(([a, b]) => make(`${a}-${b}`, zonesIn([a, b]), `instances spread over ${a} and ${b}`)),
  ];
}

/**
 * The class that applies: the cluster's own `spec.schedulingClass` when set (only a platform
 * started with that field keeps it: api/platform-fields.ts), else the one its
 * namespace's label names (a missing class named by the label is skipped, as Cozystack's webhook
 * does). `explicit` tells a missing class named by the spec (an error) from no class at all.
 */
export function chosenClassName(
  specClass: string | undefined,
  namespaceLabels: Readonly<Record<string, string>> | undefined,
): { name: string | undefined; explicit: boolean } {
  if (specClass) return { name: specClass, explicit: true };
  const fromLabel = namespaceLabels?.[SCHEDULING_CLASS_LABEL];
  return { name: fromLabel || undefined, explicit: false };
}

/** Nodes for the cluster's instances under the class (undefined: none applies). */
export function resolvePlacement(className: string | undefined, schedulingClass: KubeObject | undefined, clusterName: string, replicas: number): Placement {
  const spec = schedulingClass?.['spec'] as SchedulingClassSpec | undefined;
  const podLabels = {
    'cnpg.io/cluster': `postgres-${clusterName}`,
    'apps.cozystack.io/application.group': 'apps.cozystack.io',
    'apps.cozystack.io/application.kind': 'Postgres',
    'apps.cozystack.io/application.name': clusterName,
  };
  const result = scheduleInstances(spec, LOCAL_NODES, Math.max(1, replicas), podLabels);
  return { className, nodes: result.nodes, ...(result.unschedulable !== undefined ? { unschedulable: result.unschedulable } : {}) };
}

/** Site of instance n (1-based) under the placement. */
export function siteOfInstance(placement: Placement, n: number): Site {
  const node = placement.nodes[n - 1];
  return (node === undefined ? undefined : siteOfNode(node)) ?? SITES[(n - 1) % SITES.length] ?? 'gland';
}

/** The node instance n runs on: its planned node, or (when it lives on in another site) a node there. */
export function nodeOfInstance(placement: Placement, site: string, n: number): string {
  const planned = placement.nodes[n - 1];
  if (planned !== undefined && siteOfNode(planned) === site) return planned;
  const inSite = LOCAL_NODES.filter((node) => node.site === site);
  return inSite[(n - 1) % Math.max(1, inSite.length)]?.name ?? `${site}-worker-1`;
}

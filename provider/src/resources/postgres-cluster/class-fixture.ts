// SchedulingClasses in the real shape, for the provider's tests.
import type { SchedulingClass, SchedulingClassSpec } from '@hikube/sdk/kubernetes';

const zone = 'topology.kubernetes.io/zone';
const zoneSpread = { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule' as const };

export function schedulingClass(name: string, spec: SchedulingClassSpec): SchedulingClass {
  return { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name }, spec };
}

/** Every instance in one zone (node selector). */
export const pinnedClass = (name: string, to: string): SchedulingClass => schedulingClass(name, { nodeSelector: { [zone]: to } });

/** Instances in these zones (required node affinity), spread evenly over them unless `spread` is false. */
export function zonesClass(name: string, zones: string[], spread = true): SchedulingClass {
  return schedulingClass(name, {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: zone, operator: 'In', values: zones }] }] },
    },
    ...(spread ? { topologySpreadConstraints: [zoneSpread] } : {}),
  });
}

/** Spread evenly over every zone, constraining none. */
export const spreadClass = (name: string): SchedulingClass => schedulingClass(name, { topologySpreadConstraints: [zoneSpread] });

/** Hikube Local's built-in classes, as a tenant lists them. */
export const builtinClasses = (): SchedulingClass[] => [
  spreadClass('spread'),
  pinnedClass('gland', 'gland'),
  pinnedClass('lucerne', 'lucerne'),
  pinnedClass('geneva', 'geneva'),
  zonesClass('gland-lucerne', ['gland', 'lucerne']),
  zonesClass('gland-geneva', ['gland', 'geneva']),
  zonesClass('lucerne-geneva', ['lucerne', 'geneva']),
];

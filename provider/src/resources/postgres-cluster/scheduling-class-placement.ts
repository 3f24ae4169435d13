// SchedulingClass objects seen as placements, and the object created for a new placement.
import type { SchedulingClass } from '@hikube/sdk/kubernetes';
import type { PlacementClass } from './zone-placement.js';

const zoneKey = 'topology.kubernetes.io/zone';

/** Every zone some class names: what "all zones" means for a class that lists none. */
export function knownZones(classes: readonly SchedulingClass[]): string[] {
  return [...new Set(classes.flatMap((sc) => sc.spec?.zones ?? []))].sort();
}

/**
 * The placement a class expresses, or null when it constrains more than zones (a node selector,
 * a spread over another key, a hard primary) and so cannot stand for a zones list.
 */
export function placementOf(sc: SchedulingClass, allZones: readonly string[]): PlacementClass | null {
  const name = sc.metadata.name;
  const spec = sc.spec ?? {};
  if (name === undefined) return null;
  if (Object.keys(spec.nodeSelector ?? {}).length > 0) return null;
  if (spec.spread?.topologyKey !== undefined && spec.spread.topologyKey !== zoneKey) return null;
  if (spec.primary?.required === true) return null;
  const zones = spec.zones && spec.zones.length > 0 ? spec.zones : allZones;
  return { name, zones, primaryZone: spec.primary?.zone ?? null };
}

export function placementsOf(classes: readonly SchedulingClass[]): PlacementClass[] {
  const allZones = knownZones(classes);
  return classes.map((sc) => placementOf(sc, allZones)).filter((placement): placement is PlacementClass => placement !== null);
}

/** The SchedulingClass to create for zones no existing class expresses. */
export function schedulingClassFor(name: string, zones: readonly string[], primaryZone: string | null): SchedulingClass {
  return {
    apiVersion: 'cozystack.io/v1alpha1',
    kind: 'SchedulingClass',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'terraform-provider-hikube' } },
    spec: { zones: [...zones], spread: { topologyKey: zoneKey, maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }, ...(primaryZone === null ? {} : { primary: { zone: primaryZone } }) },
  };
}

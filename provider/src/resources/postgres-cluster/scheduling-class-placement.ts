// SchedulingClass objects seen as placements: which zones each one's real constraints allow. A
// tenant sees no nodes, so the zones are those the classes themselves name.
import { zoneTopologyKey, zonesNamedBySchedulingClass, zonesOfSchedulingClass, type SchedulingClass } from '@hikube/sdk/kubernetes';

/** A class as placement: the zones it allows and whether it spreads instances over them. */
export interface PlacementClass {
  name: string;
  zones: readonly string[];
  /** A topology spread or a required anti-affinity over the zone label. */
  spreadsOverZones: boolean;
}

/** Every zone some class names: what "all zones" means for a class that constrains none. */
export function knownZones(classes: readonly SchedulingClass[]): string[] {
  return [...new Set(classes.flatMap((sc) => zonesNamedBySchedulingClass(sc.spec)))].sort();
}

function spreadsOverZones(sc: SchedulingClass): boolean {
  const spec = sc.spec ?? {};
  return (
    (spec.topologySpreadConstraints ?? []).some((c) => c.topologyKey === zoneTopologyKey) ||
    (spec.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some((t) => t.topologyKey === zoneTopologyKey)
  );
}

/**
 * The placement a class expresses, or null when its zones cannot be told (it selects nodes by
 * another label or by name) or it gathers instances together (a required pod affinity).
 */
export function placementOf(sc: SchedulingClass, allZones: readonly string[]): PlacementClass | null {
  const name = sc.metadata.name;
  if (name === undefined) return null;
  if ((sc.spec?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0) return null;
  const zones = zonesOfSchedulingClass(sc.spec, allZones);
  if (zones === undefined || zones.length === 0) return null;
  return { name, zones: [...zones].sort(), spreadsOverZones: spreadsOverZones(sc) };
}

export function placementsOf(classes: readonly SchedulingClass[]): PlacementClass[] {
  const allZones = knownZones(classes);
  return classes.map((sc) => placementOf(sc, allZones)).filter((placement): placement is PlacementClass => placement !== null);
}

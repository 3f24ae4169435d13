// `zones` resolved to an existing SchedulingClass whose real constraints allow exactly those
// zones, or a plan error naming the classes that exist. Tenants may only read classes, so the
// provider never creates one.
import { attr, error, warning, type PlanIssue } from './plan-issue.js';
import type { PlacementClass } from './scheduling-class-placement.js';

export type Placement = { kind: 'reuse'; name: string } | { kind: 'unavailable'; issue: PlanIssue };

function sameZones(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((zone, index) => zone === right[index]);
}

function describeClass(placement: PlacementClass): string {
  return `${placement.name} (${[...placement.zones].sort().join(', ')}${placement.spreadsOverZones ? ', spread' : ''})`;
}

/** Why `primary_zone` cannot be honoured: said in the plan error and the docs. */
export const primaryZoneUnsupported =
  'A SchedulingClass gives every instance the same constraints and CloudNativePG elects the primary, ' +
  'so no class can place the primary in a zone. Remove primary_zone.';

/** The class for these zones: one that spreads over them first, then by name. */
export function resolvePlacement(zones: readonly string[], classes: readonly PlacementClass[]): Placement {
  const known = new Set(classes.flatMap((placement) => placement.zones));
  const unknown = zones.filter((zone) => !known.has(zone));
  if (known.size > 0 && unknown.length > 0) {
    return {
      kind: 'unavailable',
      issue: error(
        attr('zones'),
        'Unknown zone',
        `${unknown.map((zone) => `"${zone}"`).join(', ')} is not a zone any SchedulingClass names. Zones: ${[...known].sort().join(', ')}.`,
        ['zones'],
      ),
    };
  }
  const [best] = classes
    .filter((placement) => sameZones(placement.zones, zones))
    .sort((a, b) => Number(b.spreadsOverZones) - Number(a.spreadsOverZones) || a.name.localeCompare(b.name));
  if (best !== undefined) return { kind: 'reuse', name: best.name };
  const available =
    classes.length === 0
      ? 'none'
      : [...classes]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(describeClass)
          .join('; ');
  return {
    kind: 'unavailable',
    issue: error(
      attr('zones'),
      'No SchedulingClass for these zones',
      `No SchedulingClass allows exactly the zones ${[...zones].sort().join(', ')}, and tenants cannot create one. ` +
        `Classes by the zones they allow: ${available}. Set scheduling_class to one of them, change zones, or ask the platform administrator for such a class.`,
      ['zones'],
    ),
  };
}

/** A warning when the instances cannot survive the loss of a datacenter. */
export function zoneCoverageWarning(replicas: number | null, zones: readonly string[] | null): PlanIssue | null {
  if (replicas !== null && replicas < 2) {
    return warning(
      attr('replicas'),
      'Single instance',
      'With replicas = 1 there is no standby: losing its zone or its node loses the database until it ' +
        'is restored. Use replicas = 3 across three zones for production.',
      ['replicas'],
    );
  }
  if (zones !== null && new Set(zones).size === 1) {
    return warning(
      attr('zones'),
      'All instances in one zone',
      `Every instance runs in ${zones[0]}: losing that datacenter stops the database. Spread over at least two zones for failover across datacenters.`,
      ['zones', 'scheduling_class'],
    );
  }
  return null;
}

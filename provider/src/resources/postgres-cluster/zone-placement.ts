// `zones` + `primary_zone` resolved to a SchedulingClass that expresses exactly that placement:
// reuse one that exists, else create one when allowed, else name the classes that exist.
import { createHash } from 'node:crypto';
import { attr, error, warning, type PlanIssue } from './plan-issue.js';

/** A SchedulingClass as placement: the zones it spreads over and the zone it prefers for the primary. */
export interface PlacementClass {
  name: string;
  zones: readonly string[];
  primaryZone: string | null;
}

export interface PlacementRequest {
  zones: readonly string[];
  primaryZone: string | null;
}

export type Placement =
  | { kind: 'reuse'; name: string }
  | { kind: 'create'; name: string; zones: string[]; primaryZone: string | null }
  | { kind: 'unavailable'; issue: PlanIssue };

function sameZones(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((zone, index) => zone === right[index]);
}

function describeClass(placement: PlacementClass): string {
  const primary = placement.primaryZone === null ? '' : `, primary in ${placement.primaryZone}`;
  return `${placement.name} (${[...placement.zones].sort().join(', ')}${primary})`;
}

/** A DNS-1123 name that says what the class does; hashed when it would exceed 63 characters. */
export function placementClassName(request: PlacementRequest): string {
  const zones = [...new Set(request.zones)].sort();
  const readable = ['zones', ...zones, ...(request.primaryZone === null ? [] : ['primary', request.primaryZone])]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  if (readable.length <= 63) return readable;
  const digest = createHash('sha256').update(readable).digest('hex').slice(0, 10);
  return `${readable.slice(0, 52).replace(/-+$/, '')}-${digest}`;
}

export function resolvePlacement(request: PlacementRequest, classes: readonly PlacementClass[], canCreate: boolean): Placement {
  const knownZones = new Set(classes.flatMap((placement) => placement.zones));
  const unknown = request.zones.filter((zone) => !knownZones.has(zone));
  if (knownZones.size > 0 && unknown.length > 0) {
    return {
      kind: 'unavailable',
      issue: error(
        attr('zones'),
        'Unknown zone',
        `${unknown.map((zone) => `"${zone}"`).join(', ')} is not a zone of this platform. Zones: ${[...knownZones].sort().join(', ')}.`,
        ['zones'],
      ),
    };
  }
  const matches = classes
    .filter((placement) => sameZones(placement.zones, request.zones) && placement.primaryZone === request.primaryZone)
    .map((placement) => placement.name)
    .sort();
  const [first] = matches;
  if (first !== undefined) return { kind: 'reuse', name: first };
  if (canCreate) {
    return { kind: 'create', name: placementClassName(request), zones: [...new Set(request.zones)].sort(), primaryZone: request.primaryZone };
  }
  const wanted = `zones ${[...request.zones].sort().join(', ')}${request.primaryZone === null ? '' : ` with the primary in ${request.primaryZone}`}`;
  const available = classes.length === 0 ? 'none' : [...classes].sort((a, b) => a.name.localeCompare(b.name)).map(describeClass).join('; ');
  return {
    kind: 'unavailable',
    issue: error(
      attr('zones'),
      'No SchedulingClass for these zones',
      `No SchedulingClass places instances in exactly ${wanted}, and these credentials cannot create one. ` +
        `Available classes: ${available}. Set scheduling_class to one of them, change zones, or ask an administrator to create the class.`,
      ['zones', 'primary_zone'],
    ),
  };
}

/** A warning when the instances cannot survive the loss of a datacenter. */
export function zoneCoverageWarning(replicas: number | null, zones: readonly string[] | null): PlanIssue | null {
  if (replicas !== null && replicas < 2) {
    return warning(attr('replicas'), 'Single instance', 'With replicas = 1 there is no standby: losing its zone or its node loses the database until it is restored. Use replicas = 3 across three zones for production.', ['replicas']);
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

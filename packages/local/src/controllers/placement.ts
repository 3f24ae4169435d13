// Placement decisions: the built-in SchedulingClasses for the three sites, how a class resolves to
// an ordered site list, and which site instance n runs in.

import type { KubeObject } from '../store/kube-object.js';
import { SITES, SITE_NODE_PREFIX, type Placement, type Site } from './reconciler.js';

export const DEFAULT_SCHEDULING_CLASS = 'spread';

interface ClassSpec {
  zones?: string[];
  primary?: { zone?: string; required?: boolean };
}

/** Built-in classes created at first start: pin to one site, spread, and prefer the primary in a site. */
export function builtinSchedulingClasses(): KubeObject[] {
  const make = (name: string, spec: ClassSpec, description: string): KubeObject => ({
    apiVersion: 'cozystack.io/v1alpha1',
    kind: 'SchedulingClass',
    metadata: { name, labels: { 'local.hikube.io/builtin': 'true' }, annotations: { 'local.hikube.io/description': description } },
    spec,
  });
  return [
    make(DEFAULT_SCHEDULING_CLASS, { zones: [...SITES] }, 'instances spread over gland, lucerne and geneva (the default)'),
    ...SITES.map((s) => make(s, { zones: [s] }, `every instance in ${s}`)),
    ...SITES.map((s) => make(`primary-${s}`, { zones: [...SITES], primary: { zone: s } }, `spread over the three sites, primary preferably in ${s}`)),
  ];
}

export function resolvePlacement(className: string, schedulingClass: KubeObject | undefined): Placement | undefined {
  if (!schedulingClass) return undefined;
  const spec = (schedulingClass['spec'] ?? {}) as ClassSpec;
  const zones = (spec.zones?.length ? spec.zones : [...SITES]).filter((z): z is Site => (SITES as readonly string[]).includes(z));
  if (zones.length === 0) return undefined;
  const primary = spec.primary?.zone;
  const primarySite = primary && (zones as string[]).includes(primary) ? (primary as Site) : undefined;
  const sites = primarySite ? [primarySite, ...zones.filter((z) => z !== primarySite)] : zones;
  return { className, sites, ...(primarySite ? { primarySite } : {}), primaryRequired: spec.primary?.required === true };
}

/** Site of instance n (1-based): round-robin over the ordered sites, instance 1 in the first. */
export function siteOfInstance(placement: Placement, n: number): Site {
  return placement.sites[(n - 1) % placement.sites.length] as Site;
}

/** A stable node name in a site, as on Hikube (`gld-…`, `luc-…`, `gva-…`). */
export function nodeName(site: Site, n: number): string {
  return `${SITE_NODE_PREFIX[site]}-worker-${((n - 1) % 3) + 1}`;
}

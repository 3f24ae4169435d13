/** The part of a resolved SchedulingClass placement the controller needs. */
export interface SitePlacement {
  /** Allowed sites in preference order (the primary's preferred site first). */
  readonly sites: readonly string[];
  readonly primarySite?: string | undefined;
}

/**
 * Site of instance n (1-based). Instances go round-robin over the allowed sites, so the default
 * class spreads 3 instances over gland, lucerne and geneva, a pinned class puts all in one, and
 * a primary-preferring class puts instance 1 (the first primary) in its site.
 */
export function siteForInstance(placement: SitePlacement, n: number): string {
  const sites = placement.sites.length > 0 ? placement.sites : ['gland', 'lucerne', 'geneva'];
  return sites[(n - 1) % sites.length] as string;
}

// What the deterministic driver decides for a cluster: one instance per replica, each on the site
// its placement gives, ready unless that site is down; the primary stays where it is while it can
// run, else moves to the lowest instance that can. Pure, so the provider's test double derives its
// instances from the same rule (exported on `@hikube/local/model`).

import { instanceName, type ObservedInstance } from '../cluster-objects.js';
import { siteOfInstance } from '../placement.js';
import type { Placement, Site } from '../reconciler.js';

export interface DeterministicFacts {
  readonly postgresName: string;
  readonly placement: Placement;
  readonly replicas: number;
  /** Sites taken down by the site operation. */
  readonly downSites?: ReadonlySet<Site> | undefined;
  /** The ordinal of the pod published as primary, if any. */
  readonly currentPrimaryOrdinal?: number | undefined;
}

export function deterministicInstances(facts: DeterministicFacts): ObservedInstance[] {
  const { replicas, placement } = facts;
  const sites = Array.from({ length: replicas }, (_, i) => siteOfInstance(placement, i + 1));
  const up = (i: number): boolean => !(facts.downSites?.has(sites[i] as Site) ?? false);
  const currentIndex = facts.currentPrimaryOrdinal !== undefined ? facts.currentPrimaryOrdinal - 1 : -1;
  let primaryIndex = currentIndex >= 0 && currentIndex < replicas && up(currentIndex) ? currentIndex : -1;
  if (primaryIndex < 0) primaryIndex = sites.findIndex((_, i) => up(i));
  // No site can run one: the primary stays (or the nearest instance left) while every pod is down.
  if (primaryIndex < 0) primaryIndex = Math.max(0, Math.min(currentIndex, replicas - 1));
  return sites.map((site, i) => {
    const ready = up(i);
    return {
      name: instanceName(facts.postgresName, i + 1),
      ordinal: i + 1,
      site,
      role: i === primaryIndex ? 'primary' : 'replica',
      ready,
      reason: ready ? 'InstanceReady' : 'SiteDown',
    };
  });
}

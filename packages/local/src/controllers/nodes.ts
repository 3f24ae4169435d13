// Hikube Local's nodes: three per datacenter, named and labelled the way Hikube's are (the name
// starts with the site; the zone and hostname are node labels, never pod labels).
import { SITES, SITE_NODE_PREFIX, type Site } from './reconciler.js';

export interface LocalNode {
  name: string;
  site: Site;
  labels: Readonly<Record<string, string>>;
}

export const NODES_PER_SITE = 3;

/** Every node, site by site (gland, lucerne, geneva), in the order ties are broken. */
export const LOCAL_NODES: readonly LocalNode[] = SITES.flatMap((site) =>
  Array.from({ length: NODES_PER_SITE }, (_, i) => {
    const name = `${SITE_NODE_PREFIX[site]}-worker-${i + 1}`;
    return { name, site, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': site, 'topology.kubernetes.io/region': 'ch' } };
  }),
);

/** The site of one of Local's nodes, by its name prefix. */
export function siteOfNode(name: string): Site | undefined {
  return SITES.find((site) => name.startsWith(`${SITE_NODE_PREFIX[site]}-`));
}

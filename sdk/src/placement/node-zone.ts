// The datacenter of an instance, from what a tenant can see. Pods carry no zone label and tenants
// cannot read Node objects, but Hikube names each node after its site.

/** Hikube's datacenters by node-name prefix (Plan-les-Ouates is the Geneva site). */
export const hikubeNodePrefixes: Readonly<Record<string, string>> = { 'gld-': 'gland', 'luc-': 'lucerne', 'plo-': 'geneva' };

/** The zone a node name reveals (`gld-…` gland, `luc-…` lucerne, `plo-…` geneva), else undefined (unknown). */
export function zoneOfNode(nodeName: string | undefined): string | undefined {
  if (nodeName === undefined) return undefined;
  const lower = nodeName.toLowerCase();
  for (const [prefix, zone] of Object.entries(hikubeNodePrefixes)) if (lower.startsWith(prefix)) return zone;
  return undefined;
}

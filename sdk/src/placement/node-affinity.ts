// Which nodes a SchedulingClass lets its pods run on, as the Kubernetes scheduler decides it:
// every `nodeSelector` label, and any one required node term. Hikube Local places instances with
// this, and the provider uses it to tell which zones a class allows.
import type { LabelSelector, NodeSelectorRequirement, NodeSelectorTerm, SchedulingClassSpec } from '../generated/types.js';

/** A node as the scheduler sees it: its name (for `matchFields` on `metadata.name`) and labels. */
export interface NodeView {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/** The well-known node label that names a node's zone (datacenter). */
export const zoneTopologyKey = 'topology.kubernetes.io/zone';

function requirementHolds(requirement: NodeSelectorRequirement | { key: string; operator: string; values?: string[] }, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?[0-9]+$/.test(value) || values.length !== 1) return false;
      const have = Number(value);
      const limit = Number(values[0]);
      return requirement.operator === 'Gt' ? have > limit : have < limit;
    }
    default:
      return false;
  }
}

/** A term matches when all its requirements hold; an empty term matches nothing. */
export function nodeTermMatches(term: NodeSelectorTerm, node: NodeView): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => requirementHolds(r, node.labels[r.key])) &&
    fields.every((r) => requirementHolds(r, r.key === 'metadata.name' ? node.name : undefined))
  );
}

/** Whether the class lets a pod run on this node (node selector and required node affinity). */
export function nodeFitsSchedulingClass(spec: SchedulingClassSpec | undefined, node: NodeView): boolean {
  for (const [key, value] of Object.entries(spec?.nodeSelector ?? {})) if (node.labels[key] !== value) return false;
  const terms = spec?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms === undefined || terms.some((term) => nodeTermMatches(term, node));
}

/** The sum of the weights of the class's preferred node terms that this node matches. */
export function nodePreferenceScore(spec: SchedulingClassSpec | undefined, node: NodeView): number {
  return (spec?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).reduce(
    (sum, p) => sum + (nodeTermMatches(p.preference, node) ? p.weight : 0),
    0,
  );
}

/** Whether pod labels match a label selector; an empty selector matches every pod. */
export function labelSelectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((r) => requirementHolds(r, labels[r.key]));
}

/** Node label keys the class's node selector and required node terms test. */
export function nodeKeysOfSchedulingClass(spec: SchedulingClassSpec | undefined): string[] {
  const terms = spec?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const keys = [
    ...Object.keys(spec?.nodeSelector ?? {}),
    ...terms.flatMap((t) => [...(t.matchExpressions ?? []).map((r) => r.key), ...(t.matchFields ?? []).map((r) => `field:${r.key}`)]),
  ];
  return [...new Set(keys)].sort();
}

/**
 * The zones among `zones` whose nodes the class allows, or undefined when the class also selects
 * nodes by another label or field (then its zones depend on nodes a tenant cannot see).
 */
export function zonesOfSchedulingClass(spec: SchedulingClassSpec | undefined, zones: readonly string[]): string[] | undefined {
  if (nodeKeysOfSchedulingClass(spec).some((key) => key !== zoneTopologyKey)) return undefined;
  return zones.filter((zone) => nodeFitsSchedulingClass(spec, { name: '', labels: { [zoneTopologyKey]: zone } }));
}

/** Every zone a class's node selector or required node terms name: what "all zones" can mean to a tenant. */
export function zonesNamedBySchedulingClass(spec: SchedulingClassSpec | undefined): string[] {
  const named = new Set<string>();
  const selected = spec?.nodeSelector?.[zoneTopologyKey];
  if (selected !== undefined) named.add(selected);
  for (const term of spec?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const r of term.matchExpressions ?? []) if (r.key === zoneTopologyKey) for (const v of r.values ?? []) named.add(v);
  }
  return [...named].sort();
}

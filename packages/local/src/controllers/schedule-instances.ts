// Places a cluster's instances one after the other the way the Kubernetes scheduler would: filter
// the nodes by the class's required constraints, score the rest by its preferences, take the best
// (ties: the first node in inventory order). Only the cluster's own pods are counted by affinity
// and spread terms: Hikube Local runs nothing else on its nodes that a selector could match.
import {
  labelSelectorMatches,
  nodeFitsSchedulingClass,
  nodePreferenceScore,
  type LabelSelector,
  type PodAffinityTerm,
  type SchedulingClassSpec,
  type TopologySpreadConstraint,
  type WeightedPodAffinityTerm,
} from '@hikube/sdk/kubernetes';
import type { LocalNode } from './nodes.js';

/** What a pod gets besides its class: CloudNativePG's default and the platform's own spread. */
const CNPG_HOST_ANTI_AFFINITY: WeightedPodAffinityTerm = { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } };
// Cozystack injects `globalAppTopologySpreadConstraints` when the operator configured one;
// Hikube Local models it as a preference so a class alone decides what is required.
const PLATFORM_SPREAD: TopologySpreadConstraint = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' };
const SPREAD_WEIGHT = 10;

export interface ScheduleResult {
  /** Node of instance n at index n - 1, for the instances that fit. */
  nodes: string[];
  /** Why the next instance fits no node, as a Pending pod's FailedScheduling event says it. */
  unschedulable?: string;
}

interface Placed {
  node: LocalNode;
}

/** The nodes spread domains are counted over: all of them, or those the class allows. */
interface Domains {
  all: readonly LocalNode[];
  eligible: readonly LocalNode[];
}

function domainOf(node: LocalNode, key: string): string | undefined {
  return node.labels[key];
}

function matching(selector: LabelSelector | undefined, podLabels: Readonly<Record<string, string>>): boolean {
  // No selector: the scheduler fills it with the application's labels, i.e. this cluster's pods.
  return selector === undefined ? true : labelSelectorMatches(selector, podLabels);
}

function countIn(
  placed: readonly Placed[],
  key: string,
  domain: string | undefined,
  selector: LabelSelector | undefined,
  podLabels: Readonly<Record<string, string>>,
): number {
  if (domain === undefined || !matching(selector, podLabels)) return 0;
  return placed.filter((p) => domainOf(p.node, key) === domain).length;
}

function affinityHolds(term: PodAffinityTerm, node: LocalNode, placed: readonly Placed[], podLabels: Readonly<Record<string, string>>): boolean {
  const anyMatching = matching(term.labelSelector, podLabels) && placed.length > 0;
  // The first pod of a group that matches its own selector may go anywhere (as in Kubernetes).
  if (!anyMatching) return matching(term.labelSelector, podLabels);
  return countIn(placed, term.topologyKey, domainOf(node, term.topologyKey), term.labelSelector, podLabels) > 0;
}

function antiAffinityHolds(term: PodAffinityTerm, node: LocalNode, placed: readonly Placed[], podLabels: Readonly<Record<string, string>>): boolean {
  return countIn(placed, term.topologyKey, domainOf(node, term.topologyKey), term.labelSelector, podLabels) === 0;
}

/** The counts per domain of a spread constraint over the nodes the class allows (nodeAffinityPolicy Honor). */
function spreadCounts(
  constraint: TopologySpreadConstraint,
  domains: Domains,
  placed: readonly Placed[],
  podLabels: Readonly<Record<string, string>>,
): Map<string, number> {
  const nodes = constraint.nodeAffinityPolicy === 'Ignore' ? domains.all : domains.eligible;
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const d = domainOf(n, constraint.topologyKey);
    if (d !== undefined) counts.set(d, countIn(placed, constraint.topologyKey, d, constraint.labelSelector, podLabels));
  }
  return counts;
}

function spreadHolds(constraint: TopologySpreadConstraint, node: LocalNode, counts: Map<string, number>): boolean {
  const d = domainOf(node, constraint.topologyKey);
  if (d === undefined) return false;
  const values = [...counts.values()];
  const min = values.length < (constraint.minDomains ?? 1) ? 0 : Math.min(...values);
  return (counts.get(d) ?? 0) + 1 - min <= constraint.maxSkew;
}

type Refusal = 'node affinity/selector' | 'pod affinity rules' | 'pod anti-affinity rules' | 'pod topology spread constraints';

function refusalOf(
  spec: SchedulingClassSpec | undefined,
  node: LocalNode,
  domains: Domains,
  placed: readonly Placed[],
  podLabels: Readonly<Record<string, string>>,
): Refusal | undefined {
  if (!nodeFitsSchedulingClass(spec, node)) return 'node affinity/selector';
  if (!(spec?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).every((t) => affinityHolds(t, node, placed, podLabels)))
    return 'pod affinity rules';
  if (!(spec?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).every((t) => antiAffinityHolds(t, node, placed, podLabels)))
    return 'pod anti-affinity rules';
  const hard = (spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  if (!hard.every((c) => spreadHolds(c, node, spreadCounts(c, domains, placed, podLabels)))) return 'pod topology spread constraints';
  return undefined;
}

function scoreOf(
  spec: SchedulingClassSpec | undefined,
  node: LocalNode,
  domains: Domains,
  placed: readonly Placed[],
  podLabels: Readonly<Record<string, string>>,
): number {
  let score = nodePreferenceScore(spec, node);
  for (const w of spec?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (countIn(placed, w.podAffinityTerm.topologyKey, domainOf(node, w.podAffinityTerm.topologyKey), w.podAffinityTerm.labelSelector, podLabels) > 0)
      score += w.weight;
  }
  for (const w of [...(spec?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []), CNPG_HOST_ANTI_AFFINITY]) {
    if (countIn(placed, w.podAffinityTerm.topologyKey, domainOf(node, w.podAffinityTerm.topologyKey), w.podAffinityTerm.labelSelector, podLabels) > 0)
      score -= w.weight;
  }
  const soft = [...(spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway'), PLATFORM_SPREAD];
  for (const c of soft) score -= SPREAD_WEIGHT * (spreadCounts(c, domains, placed, podLabels).get(domainOf(node, c.topologyKey) ?? '') ?? 0);
  return score;
}

/**
 * Nodes for `count` instances of one cluster under a class (undefined: no class). `podLabels` are
 * the labels every instance pod carries, which explicit label selectors are matched against.
 */
export function scheduleInstances(
  spec: SchedulingClassSpec | undefined,
  nodes: readonly LocalNode[],
  count: number,
  podLabels: Readonly<Record<string, string>>,
): ScheduleResult {
  const domains: Domains = { all: nodes, eligible: nodes.filter((n) => nodeFitsSchedulingClass(spec, n)) };
  const placed: Placed[] = [];
  for (let n = 1; n <= count; n++) {
    const refusals = new Map<Refusal, number>();
    let best: { node: LocalNode; score: number } | undefined;
    for (const node of nodes) {
      const refusal = refusalOf(spec, node, domains, placed, podLabels);
      if (refusal !== undefined) {
        refusals.set(refusal, (refusals.get(refusal) ?? 0) + 1);
        continue;
      }
      const score = scoreOf(spec, node, domains, placed, podLabels);
      if (best === undefined || score > best.score) best = { node, score };
    }
    if (best === undefined) {
      const why = [...refusals].map(([reason, k]) => `${k} node(s) didn't match ${reason}`).join(', ');
      return { nodes: placed.map((p) => p.node.name), unschedulable: `instance ${n}: 0/${nodes.length} nodes are available: ${why}` };
    }
    placed.push({ node: best.node });
  }
  return { nodes: placed.map((p) => p.node.name) };
}

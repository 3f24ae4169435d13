import { describe, expect, it } from 'vitest';
import { validateSchedulingClass } from './validate-scheduling-class.js';

const schedulingClass = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'cozystack.io/v1alpha1',
  kind: 'SchedulingClass',
  metadata: { name },
  spec,
});
const zoneIn = (...values: string[]) => ({ nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values }] }] });

describe('validateSchedulingClass', () => {
  it.each([
    { name: 'pinned by node selector', given: schedulingClass('gland', { nodeSelector: { 'topology.kubernetes.io/zone': 'gland' } }), want: [] },
    {
      name: 'two zones, spread, one per node',
      given: schedulingClass('gland-lucerne', {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn('gland', 'lucerne') },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }],
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] },
      }),
      want: [],
    },
    { name: 'no spec', given: schedulingClass('empty', {}), want: [] },
    { name: 'dotted name', given: schedulingClass('zones.prod', {}), want: [] },
    { name: 'upper-case name', given: schedulingClass('Zones', {}), want: [{ path: 'metadata.name', rule: 'dns1123Subdomain' }] },
    {
      name: 'In without values',
      given: schedulingClass('x', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: zoneIn() } }),
      want: [
        { path: 'spec.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values', rule: 'operatorValues' },
      ],
    },
    {
      name: 'Exists with values',
      given: schedulingClass('x', {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] } },
          ],
        },
      }),
      want: [{ path: 'spec.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values', rule: 'operatorValues' }],
    },
    {
      name: 'Gt with a word',
      given: schedulingClass('x', {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'cpu', operator: 'Gt', values: ['many'] }] } },
          ],
        },
      }),
      want: [{ path: 'spec.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values', rule: 'operatorValues' }],
    },
    {
      name: 'skew below 1',
      given: schedulingClass('x', { topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'k', whenUnsatisfiable: 'DoNotSchedule' }] }),
      want: [{ path: 'spec.topologySpreadConstraints[0].maxSkew', rule: 'minimum' }],
    },
    {
      name: 'unknown policy',
      given: schedulingClass('x', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'k', whenUnsatisfiable: 'Never' }] }),
      want: [{ path: 'spec.topologySpreadConstraints[0].whenUnsatisfiable', rule: 'enum' }],
    },
    {
      name: 'weight above 100',
      given: schedulingClass('x', {
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: { topologyKey: 'k' } }] },
      }),
      want: [{ path: 'spec.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight', rule: 'maximum' }],
    },
    { name: 'the old invented zones field', given: schedulingClass('x', { zones: ['gland'] }), want: [{ path: 'spec.zones', rule: 'additionalProperties' }] },
    { name: 'wrong kind', given: { ...schedulingClass('x', {}), kind: 'Postgres' }, want: [{ path: 'kind', rule: 'enum' }] },
  ])('$name', ({ given, want }) => {
    expect(validateSchedulingClass(given).map(({ path, rule }) => ({ path, rule }))).toEqual(want);
  });
});

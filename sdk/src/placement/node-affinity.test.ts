import { describe, expect, it } from 'vitest';
import type { SchedulingClassSpec } from '../generated/types.js';
import { labelSelectorMatches, nodeFitsSchedulingClass, nodePreferenceScore, zonesNamedBySchedulingClass, zonesOfSchedulingClass } from './node-affinity.js';

const zone = 'topology.kubernetes.io/zone';
const node = (name: string, labels: Record<string, string>) => ({ name, labels });
const gland = node('gld-worker-1', { [zone]: 'gland', 'kubernetes.io/hostname': 'gld-worker-1', 'hikube.io/cpu': '16' });
const geneva = node('plo-worker-2', { [zone]: 'geneva', 'kubernetes.io/hostname': 'plo-worker-2' });
const required = (...terms: object[]): SchedulingClassSpec =>
  ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } }) as SchedulingClassSpec;
const expr = (key: string, operator: string, ...values: string[]) => ({ matchExpressions: [{ key, operator, ...(values.length > 0 ? { values } : {}) }] });

describe('nodeFitsSchedulingClass', () => {
  it.each([
    { name: 'no class', spec: undefined, want: [true, true] },
    { name: 'empty class', spec: {}, want: [true, true] },
    { name: 'node selector on the zone', spec: { nodeSelector: { [zone]: 'gland' } }, want: [true, false] },
    { name: 'node selector on an absent label', spec: { nodeSelector: { gpu: 'true' } }, want: [false, false] },
    { name: 'In', spec: required(expr(zone, 'In', 'gland', 'lucerne')), want: [true, false] },
    { name: 'NotIn', spec: required(expr(zone, 'NotIn', 'gland')), want: [false, true] },
    { name: 'Exists', spec: required(expr('hikube.io/cpu', 'Exists')), want: [true, false] },
    { name: 'DoesNotExist', spec: required(expr('hikube.io/cpu', 'DoesNotExist')), want: [false, true] },
    { name: 'Gt', spec: required(expr('hikube.io/cpu', 'Gt', '8')), want: [true, false] },
    { name: 'Lt', spec: required(expr('hikube.io/cpu', 'Lt', '8')), want: [false, false] },
    { name: 'terms are ORed', spec: required(expr(zone, 'In', 'gland'), expr(zone, 'In', 'geneva')), want: [true, true] },
    {
      name: 'expressions in a term are ANDed',
      spec: required({
        matchExpressions: [
          { key: zone, operator: 'In', values: ['gland'] },
          { key: 'hikube.io/cpu', operator: 'DoesNotExist' },
        ],
      }),
      want: [false, false],
    },
    { name: 'an empty term matches nothing', spec: required({}), want: [false, false] },
    {
      name: 'matchFields on the node name',
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['plo-worker-2'] }] }),
      want: [false, true],
    },
    { name: 'selector and affinity both apply', spec: { nodeSelector: { [zone]: 'geneva' }, ...required(expr(zone, 'In', 'gland')) }, want: [false, false] },
  ])('$name', ({ spec, want }) => {
    expect([gland, geneva].map((n) => nodeFitsSchedulingClass(spec as SchedulingClassSpec | undefined, n))).toEqual(want);
  });
});

describe('nodePreferenceScore', () => {
  it('adds the weights of the matching preferred terms', () => {
    const spec = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 30, preference: expr(zone, 'In', 'gland') },
          { weight: 5, preference: expr('kubernetes.io/hostname', 'Exists') },
        ],
      },
    } as SchedulingClassSpec;
    expect([gland, geneva].map((n) => nodePreferenceScore(spec, n))).toEqual([35, 5]);
  });
});

describe('labelSelectorMatches', () => {
  const labels = { app: 'pg', tier: 'db' };
  it.each([
    { name: 'empty selector', selector: {}, want: true },
    { name: 'matchLabels', selector: { matchLabels: { app: 'pg' } }, want: true },
    { name: 'matchLabels mismatch', selector: { matchLabels: { app: 'redis' } }, want: false },
    { name: 'NotIn', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn' as const, values: ['web'] }] }, want: true },
    { name: 'DoesNotExist', selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' as const }] }, want: false },
  ])('$name', ({ selector, want }) => {
    expect(labelSelectorMatches(selector, labels)).toBe(want);
  });
});

describe('zonesOfSchedulingClass', () => {
  const zones = ['gland', 'lucerne', 'geneva'];
  it.each([
    {
      name: 'unconstrained: every zone',
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule' }] },
      want: zones,
      named: [],
    },
    { name: 'pinned by node selector', spec: { nodeSelector: { [zone]: 'lucerne' } }, want: ['lucerne'], named: ['lucerne'] },
    { name: 'In two zones', spec: required(expr(zone, 'In', 'gland', 'geneva')), want: ['gland', 'geneva'], named: ['geneva', 'gland'] },
    { name: 'NotIn one zone', spec: required(expr(zone, 'NotIn', 'geneva')), want: ['gland', 'lucerne'], named: ['geneva'] },
    { name: 'another node label: unknown', spec: { nodeSelector: { gpu: 'true' } }, want: undefined, named: [] },
    {
      name: 'a node name: unknown',
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gld-1'] }] }),
      want: undefined,
      named: [],
    },
  ])('$name', ({ spec, want, named }) => {
    expect(zonesOfSchedulingClass(spec as SchedulingClassSpec, zones)).toEqual(want);
    expect(zonesNamedBySchedulingClass(spec as SchedulingClassSpec)).toEqual(named);
  });
});

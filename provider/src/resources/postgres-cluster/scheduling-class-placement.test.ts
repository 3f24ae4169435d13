import { describe, expect, it } from 'vitest';
import { builtinClasses, pinnedClass, schedulingClass, spreadClass, zonesClass } from './class-fixture.js';
import { knownZones, placementOf, placementsOf } from './scheduling-class-placement.js';

const zone = 'topology.kubernetes.io/zone';

describe('knownZones', () => {
  it('is every zone the classes name, sorted', () => {
    expect(knownZones(builtinClasses())).toEqual(['geneva', 'gland', 'lucerne']);
    expect(knownZones([spreadClass('spread')])).toEqual([]);
  });
});

describe('placementOf: the zones a class real constraints allow', () => {
  const all = ['geneva', 'gland', 'lucerne'];
  it.each([
    { name: 'a spread over every zone', given: spreadClass('spread'), want: { name: 'spread', zones: all, spreadsOverZones: true } },
    { name: 'a node selector on the zone', given: pinnedClass('gland', 'gland'), want: { name: 'gland', zones: ['gland'], spreadsOverZones: false } },
    {
      name: 'required node affinity on two zones',
      given: zonesClass('two', ['lucerne', 'gland']),
      want: { name: 'two', zones: ['gland', 'lucerne'], spreadsOverZones: true },
    },
    {
      name: 'NotIn one zone, no spread',
      given: schedulingClass('not-geneva', {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: zone, operator: 'NotIn', values: ['geneva'] }] }] },
        },
      }),
      want: { name: 'not-geneva', zones: ['gland', 'lucerne'], spreadsOverZones: false },
    },
    {
      name: 'one per zone by required anti-affinity',
      given: schedulingClass('one-per-zone', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: zone }] } }),
      want: { name: 'one-per-zone', zones: all, spreadsOverZones: true },
    },
    { name: 'another node label: zones unknown', given: schedulingClass('gpu', { nodeSelector: { gpu: 'true' } }), want: null },
    {
      name: 'instances gathered on one node',
      given: schedulingClass('colocate', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] } }),
      want: null,
    },
    { name: 'a zone no class names', given: pinnedClass('zurich', 'zurich'), want: null },
  ])('$name', ({ given, want }) => {
    expect(placementOf(given, all)).toEqual(want);
  });

  it('derives the zones of every class from what the others name', () => {
    expect(
      placementsOf([spreadClass('spread'), pinnedClass('gland', 'gland'), pinnedClass('geneva', 'geneva')]).map((p) => `${p.name}: ${p.zones.join(' ')}`),
    ).toEqual(['spread: geneva gland', 'gland: gland', 'geneva: geneva']);
  });
});

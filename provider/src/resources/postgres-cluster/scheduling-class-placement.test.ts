import { validateSchedulingClass, type SchedulingClass } from '@hikube/sdk/kubernetes';
import { describe, expect, it } from 'vitest';
import { knownZones, placementOf, placementsOf, schedulingClassFor } from './scheduling-class-placement.js';

function sc(name: string, spec: NonNullable<SchedulingClass['spec']>): SchedulingClass {
  return { apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name }, spec };
}

const classes = [sc('gland', { zones: ['gland'] }), sc('lucerne', { zones: ['lucerne'] }), sc('geneva', { zones: ['geneva'] }), sc('spread', {})];

describe('placementOf', () => {
  const all = knownZones(classes);
  const cases: { name: string; given: SchedulingClass; want: ReturnType<typeof placementOf> }[] = [
    { name: 'no zones means every zone', given: sc('spread', {}), want: { name: 'spread', zones: ['geneva', 'gland', 'lucerne'], primaryZone: null } },
    { name: 'preferred primary', given: sc('p', { zones: ['gland', 'lucerne'], primary: { zone: 'gland' } }), want: { name: 'p', zones: ['gland', 'lucerne'], primaryZone: 'gland' } },
    { name: 'node selector is more than zones', given: sc('ssd', { nodeSelector: { disk: 'ssd' } }), want: null },
    { name: 'hard primary is more than a preference', given: sc('hard', { primary: { zone: 'gland', required: true } }), want: null },
    { name: 'spread over hosts is not zones', given: sc('hosts', { spread: { topologyKey: 'kubernetes.io/hostname' } }), want: null },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(placementOf(given, all)).toEqual(want);
  });

  it('keeps only usable classes', () => {
    expect(placementsOf([...classes, sc('ssd', { nodeSelector: { disk: 'ssd' } })]).map((p) => p.name)).toEqual(['gland', 'lucerne', 'geneva', 'spread']);
  });
});

describe('schedulingClassFor', () => {
  it('builds a class the SDK accepts', () => {
    const created = schedulingClassFor('zones-gland-lucerne-primary-gland', ['gland', 'lucerne'], 'gland');
    expect(validateSchedulingClass(created)).toEqual([]);
    expect(created.spec?.primary).toEqual({ zone: 'gland' });
  });
});

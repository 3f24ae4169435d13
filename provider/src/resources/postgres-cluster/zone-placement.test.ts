import { describe, expect, it } from 'vitest';
import { formatPath } from './plan-issue.js';
import type { PlacementClass } from './scheduling-class-placement.js';
import { resolvePlacement, zoneCoverageWarning } from './zone-placement.js';

const classes: PlacementClass[] = [
  { name: 'spread', zones: ['geneva', 'gland', 'lucerne'], spreadsOverZones: true },
  { name: 'anywhere', zones: ['geneva', 'gland', 'lucerne'], spreadsOverZones: false },
  { name: 'gland', zones: ['gland'], spreadsOverZones: false },
  { name: 'lucerne', zones: ['lucerne'], spreadsOverZones: false },
  { name: 'geneva', zones: ['geneva'], spreadsOverZones: false },
  { name: 'west', zones: ['geneva', 'gland'], spreadsOverZones: true },
];

describe('resolvePlacement: a choice among existing classes, never a new one', () => {
  it.each([
    { name: 'all three zones in any order: the spreading class first', given: ['geneva', 'lucerne', 'gland'], want: 'reuse spread' },
    { name: 'one zone: the pinned class', given: ['lucerne'], want: 'reuse lucerne' },
    { name: 'two zones a class allows', given: ['gland', 'geneva'], want: 'reuse west' },
    { name: 'a zone twice counts once', given: ['gland', 'gland'], want: 'reuse gland' },
  ])('$name', ({ given, want }) => {
    const placement = resolvePlacement(given, classes);
    expect(placement.kind === 'unavailable' ? placement.issue.detail : `${placement.kind} ${placement.name}`).toBe(want);
  });

  it('lists the classes with their zones when none allows exactly these', () => {
    const placement = resolvePlacement(['gland', 'lucerne'], classes);
    expect(placement.kind).toBe('unavailable');
    if (placement.kind !== 'unavailable') return;
    expect(formatPath(placement.issue.path)).toBe('zones');
    expect(placement.issue.detail).toContain('No SchedulingClass allows exactly the zones gland, lucerne, and tenants cannot create one.');
    expect(placement.issue.detail).toContain(
      'Classes by the zones they allow: anywhere (geneva, gland, lucerne); geneva (geneva); gland ' +
        '(gland); lucerne (lucerne); spread (geneva, gland, lucerne, spread); west ' +
        '(geneva, gland, spread).',
    );
  });

  it('names unknown zones and the real ones', () => {
    const placement = resolvePlacement(['zurich'], classes);
    expect(placement.kind === 'unavailable' && placement.issue.detail).toBe('"zurich" is not a zone any SchedulingClass names. Zones: geneva, gland, lucerne.');
  });

  it('says none exist when the platform has no class', () => {
    const placement = resolvePlacement(['gland'], []);
    expect(placement.kind === 'unavailable' && placement.issue.detail).toMatch(/Classes by the zones they allow: none\./);
  });
});

describe('zoneCoverageWarning', () => {
  const cases: { name: string; given: [number | null, string[] | null]; want: string | null }[] = [
    { name: 'three zones', given: [3, ['gland', 'lucerne', 'geneva']], want: null },
    { name: 'pinned to one zone', given: [3, ['gland']], want: 'zones' },
    { name: 'a single instance', given: [1, ['gland', 'lucerne']], want: 'replicas' },
    { name: 'unknown placement', given: [2, null], want: null },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const issue = zoneCoverageWarning(given[0], given[1]);
    expect(issue === null ? null : formatPath(issue.path)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPath } from './plan-issue.js';
import { placementClassName, resolvePlacement, zoneCoverageWarning, type PlacementClass, type PlacementRequest } from './zone-placement.js';

const classes: PlacementClass[] = [
  { name: 'spread', zones: ['gland', 'lucerne', 'geneva'], primaryZone: null },
  { name: 'gland', zones: ['gland'], primaryZone: null },
  { name: 'lucerne', zones: ['lucerne'], primaryZone: null },
  { name: 'geneva', zones: ['geneva'], primaryZone: null },
  { name: 'spread-primary-gland', zones: ['geneva', 'gland', 'lucerne'], primaryZone: 'gland' },
];

describe('resolvePlacement', () => {
  const cases: { name: string; given: { request: PlacementRequest; canCreate: boolean }; want: string }[] = [
    { name: 'all three zones in any order reuse spread', given: { request: { zones: ['geneva', 'lucerne', 'gland'], primaryZone: null }, canCreate: false }, want: 'reuse spread' },
    { name: 'a primary zone picks the primary-preferring class', given: { request: { zones: ['gland', 'lucerne', 'geneva'], primaryZone: 'gland' }, canCreate: false }, want: 'reuse spread-primary-gland' },
    { name: 'one zone reuses the pinned class', given: { request: { zones: ['lucerne'], primaryZone: null }, canCreate: false }, want: 'reuse lucerne' },
    { name: 'two zones are created when allowed', given: { request: { zones: ['lucerne', 'gland'], primaryZone: 'lucerne' }, canCreate: true }, want: 'create zones-gland-lucerne-primary-lucerne' },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const placement = resolvePlacement(given.request, classes, given.canCreate);
    expect(placement.kind === 'unavailable' ? placement.issue.detail : `${placement.kind} ${placement.name}`).toBe(want);
  });

  it('lists the available classes when it may not create one', () => {
    const placement = resolvePlacement({ zones: ['gland', 'lucerne'], primaryZone: null }, classes, false);
    expect(placement.kind).toBe('unavailable');
    if (placement.kind !== 'unavailable') return;
    expect(formatPath(placement.issue.path)).toBe('zones');
    expect(placement.issue.detail).toContain('exactly zones gland, lucerne');
    expect(placement.issue.detail).toContain('Available classes: geneva (geneva); gland (gland); lucerne (lucerne); spread (geneva, gland, lucerne); spread-primary-gland (geneva, gland, lucerne, primary in gland)');
  });

  it('names unknown zones and the real ones', () => {
    const placement = resolvePlacement({ zones: ['zurich'], primaryZone: null }, classes, true);
    expect(placement.kind === 'unavailable' && placement.issue.detail).toBe('"zurich" is not a zone of this platform. Zones: geneva, gland, lucerne.');
  });
});

describe('placementClassName', () => {
  it('stays a valid name when zones are many and long', () => {
    const name = placementClassName({ zones: Array.from({ length: 8 }, (_, i) => `datacenter-number-${i}`), primaryZone: 'datacenter-number-1' });
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
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

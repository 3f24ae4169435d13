import { describe, expect, it } from 'vitest';
import { validateSchedulingClass } from './validate-scheduling-class.js';

const schedulingClass = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'cozystack.io/v1alpha1', kind: 'SchedulingClass', metadata: { name }, spec });

describe('validateSchedulingClass', () => {
  it.each([
    { name: 'three zones, primary in one', given: schedulingClass('three-zones', { zones: ['gld', 'luc', 'plo'], primary: { zone: 'gld', required: true }, spread: { maxSkew: 1 } }), want: [] },
    { name: 'no spec', given: schedulingClass('empty', {}), want: [] },
    { name: 'dotted name', given: schedulingClass('zones.prod', {}), want: [] },
    { name: 'upper-case name', given: schedulingClass('Zones', {}), want: [{ path: 'metadata.name', rule: 'dns1123Subdomain' }] },
    { name: 'primary zone not listed', given: schedulingClass('x', { zones: ['gld', 'luc'], primary: { zone: 'plo' } }), want: [{ path: 'spec.primary.zone', rule: 'zoneListed' }] },
    { name: 'zone listed twice', given: schedulingClass('x', { zones: ['gld', 'gld'] }), want: [{ path: 'spec.zones', rule: 'uniqueItems' }] },
    { name: 'skew below 1', given: schedulingClass('x', { spread: { maxSkew: 0 } }), want: [{ path: 'spec.spread.maxSkew', rule: 'minimum' }] },
    { name: 'unknown policy', given: schedulingClass('x', { spread: { whenUnsatisfiable: 'Never' } }), want: [{ path: 'spec.spread.whenUnsatisfiable', rule: 'enum' }] },
    { name: 'unknown field', given: schedulingClass('x', { zone: 'gld' }), want: [{ path: 'spec.zone', rule: 'additionalProperties' }] },
    { name: 'wrong kind', given: { ...schedulingClass('x', {}), kind: 'Postgres' }, want: [{ path: 'kind', rule: 'enum' }] },
  ])('$name', ({ given, want }) => {
    expect(validateSchedulingClass(given).map(({ path, rule }) => ({ path, rule }))).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { compareQuantities, InvalidQuantityError, isQuantity, quantitiesEqual } from './quantity.js';

describe('quantitiesEqual', () => {
  const cases: { name: string; given: [string | number, string | number]; want: boolean }[] = [
    { name: 'binary spellings of one size', given: ['10Gi', '10240Mi'], want: true },
    { name: 'binary down to Ki', given: ['1Gi', '1048576Ki'], want: true },
    { name: 'millicores and decimal cores', given: ['500m', '0.5'], want: true },
    { name: 'integer core and number', given: ['2', 2], want: true },
    { name: 'exponent form', given: ['1e3', '1k'], want: true },
    { name: 'decimal and binary giga differ', given: ['1G', '1Gi'], want: false },
    { name: 'different sizes', given: ['10Gi', '20Gi'], want: false },
    { name: 'garbage never equals', given: ['ten', 'ten'], want: false },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(quantitiesEqual(given[0], given[1])).toBe(want);
  });
});

describe('compareQuantities', () => {
  const cases: { name: string; given: [string, string]; want: number }[] = [
    { name: 'shrink', given: ['5Gi', '10Gi'], want: -1 },
    { name: 'grow', given: ['20Gi', '10240Mi'], want: 1 },
    { name: 'fractional binary', given: ['1.5Gi', '1536Mi'], want: 0 },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(compareQuantities(given[0], given[1])).toBe(want);
  });

  it('names the bad input and the fix', () => {
    expect(() => compareQuantities('10 gigs', '1Gi')).toThrowError(InvalidQuantityError);
    expect(() => compareQuantities('10 gigs', '1Gi')).toThrowError(/"10 gigs".*10Gi/);
  });
});

describe('isQuantity', () => {
  const cases: { given: string; want: boolean }[] = [
    { given: '250m', want: true },
    { given: '10Gi', want: true },
    { given: '.5', want: true },
    { given: '10GB', want: false },
    { given: '', want: false },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(isQuantity(given)).toBe(want);
  });
});

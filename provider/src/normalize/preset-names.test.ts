import { describe, expect, it } from 'vitest';
import { canonicalPreset, presetsEqual } from './preset-names.js';

describe('presetsEqual', () => {
  const cases: { name: string; given: [string, string]; want: boolean }[] = [
    { name: 'legacy micro is t1.micro', given: ['micro', 't1.micro'], want: true },
    { name: 'legacy medium is c1.small, not c1.medium', given: ['medium', 'c1.small'], want: true },
    { name: 'legacy medium is not t1.medium', given: ['medium', 't1.medium'], want: false },
    { name: 'current names compare as is', given: ['u1.large', 'u1.large'], want: true },
    { name: 'different sizes', given: ['micro', 'small'], want: false },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(presetsEqual(given[0], given[1])).toBe(want);
  });

  it('maps 2xlarge to c1.xlarge', () => {
    expect(canonicalPreset('2xlarge')).toBe('c1.xlarge');
  });
});

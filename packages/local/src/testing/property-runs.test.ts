import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertyRuns } from './property-runs.js';

describe('propertyRuns', () => {
  it.each([
    { name: 'nothing set: the fixed seed and the suite count', env: {}, want: { seed: DEFAULT_PROPERTY_SEED, numRuns: 200 } },
    { name: 'empty values count as unset', env: { HIKUBE_PROPERTY_SEED: '', HIKUBE_PROPERTY_RUNS: '' }, want: { seed: DEFAULT_PROPERTY_SEED, numRuns: 200 } },
    { name: 'a longer hunt', env: { HIKUBE_PROPERTY_SEED: '-42', HIKUBE_PROPERTY_RUNS: '5000' }, want: { seed: -42, numRuns: 5000 } },
  ])('$name', ({ env, want }) => {
    expect(propertyRuns(200, env)).toEqual(want);
  });

  it.each([
    { env: { HIKUBE_PROPERTY_RUNS: '0' }, want: /HIKUBE_PROPERTY_RUNS must be an integer of at least 1, not "0"/ },
    { env: { HIKUBE_PROPERTY_RUNS: 'many' }, want: /HIKUBE_PROPERTY_RUNS must be an integer/ },
    { env: { HIKUBE_PROPERTY_SEED: '1.5' }, want: /HIKUBE_PROPERTY_SEED must be an integer/ },
  ])('refuses $env by name', ({ env, want }) => {
    expect(() => propertyRuns(200, env)).toThrow(want);
  });
});

// How many cases a property-based suite runs, and from which seed: fixed and bounded in CI, so a
// failure is reproducible and the suite stays short; longer on demand through the environment.

export interface PropertyRuns {
  seed: number;
  numRuns: number;
}

/** The seed CI uses (issue 18): any other is for a longer hunt. */
export const DEFAULT_PROPERTY_SEED = 1818;

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not "${text}"`);
  return value;
}

/**
 * `HIKUBE_PROPERTY_SEED` (default 1818) and `HIKUBE_PROPERTY_RUNS` (default: the suite's own
 * bounded count), e.g. `HIKUBE_PROPERTY_SEED=$RANDOM HIKUBE_PROPERTY_RUNS=2000`.
 */
export function propertyRuns(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): PropertyRuns {
  return {
    seed: integerFrom(env, 'HIKUBE_PROPERTY_SEED', DEFAULT_PROPERTY_SEED, -(2 ** 31)),
    numRuns: integerFrom(env, 'HIKUBE_PROPERTY_RUNS', defaultRuns, 1),
  };
}

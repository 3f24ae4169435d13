// Kubernetes resource quantities (`10Gi`, `10240Mi`, `0.5`, `500m`, `1e3`) compared by value,
// so a spelling the platform prefers never shows as a change.

/** A quantity as an exact fraction: numerator / denominator, denominator > 0. */
export interface QuantityValue {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export class InvalidQuantityError extends Error {
  readonly code = 'HIKUBE_INVALID_QUANTITY';
  constructor(readonly input: string) {
    super(`"${input}" is not a Kubernetes quantity: write a number with an optional suffix such as 10Gi, 512Mi, 500m or 2`);
    this.name = 'InvalidQuantityError';
  }
}

const binarySuffixes: Record<string, bigint> = {
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  Pi: 1024n ** 5n,
  Ei: 1024n ** 6n,
};

// Decimal suffixes as powers of ten.
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const pattern = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

export function parseQuantity(input: string | number): QuantityValue {
  const text = typeof input === 'number' ? String(input) : input.trim();
  const match = pattern.exec(text);
  if (!match) throw new InvalidQuantityError(String(input));
  const [, sign = '', digits = '', suffix, exponentText] = match;
  const [whole = '', fraction = ''] = digits.split('.');
  let numerator = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let denominator = pow10(fraction.length);
  const binary = suffix === undefined ? undefined : binarySuffixes[suffix];
  let exponent = 0;
  if (binary !== undefined) numerator *= binary;
  else if (suffix !== undefined) exponent = decimalSuffixes[suffix] ?? 0;
  else if (exponentText !== undefined) exponent = Number(exponentText);
  if (exponent >= 0) numerator *= pow10(exponent);
  else denominator *= pow10(-exponent);
  return { numerator, denominator };
}

export function isQuantity(input: string | number): boolean {
  try {
    parseQuantity(input);
    return true;
  } catch {
    return false;
  }
}

/** Negative when a < b, zero when equal, positive when a > b. Throws InvalidQuantityError. */
export function compareQuantities(a: string | number, b: string | number): number {
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  const difference = left.numerator * right.denominator - right.numerator * left.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Same value, whatever the spelling; false when either side is not a quantity. */
export function quantitiesEqual(a: string | number, b: string | number): boolean {
  try {
    return compareQuantities(a, b) === 0;
  } catch {
    return false;
  }
}

import { ctyBool, ctyNumber, ctyString, ctyObject, ctyTuple, typeEquals, type CtyType } from './cty-type.js';

// The value model. Plain JS where it is unambiguous (string, boolean, arrays for list/set/tuple,
// plain objects for map/object, null), plus three small classes for what JS lacks: unknown values
// (with cty refinements), exact numbers beyond a double, and values of a `dynamic` slot.

export interface Refinements {
  /** true: known to be non-null when it becomes known. */
  readonly notNull?: boolean;
  readonly stringPrefix?: string;
  readonly numberLower?: readonly [CtyNumber, boolean];
  readonly numberUpper?: readonly [CtyNumber, boolean];
  readonly lengthLower?: number;
  readonly lengthUpper?: number;
}

export class Unknown {
  constructor(readonly refinements: Refinements = {}) {}
  get refined(): boolean {
    return Object.keys(this.refinements).length > 0;
  }
}

/** The unrefined unknown value (msgpack ext 0). */
export const unknown = new Unknown();

/** A number JS cannot hold exactly, kept as its decimal text. */
export class ExactNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type CtyNumber = number | bigint | ExactNumber;

/** A value with its own type, as held by an attribute of type `dynamic`. */
export class Dynamic {
  constructor(
    readonly type: CtyType,
    readonly value: CtyValue,
  ) {}
}

export type CtyValue = null | Unknown | string | boolean | CtyNumber | Dynamic | CtyValue[] | { [key: string]: CtyValue };

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

/** Normalises a number's text form: JS number when exact, bigint for big integers, else ExactNumber. */
export function parseNumber(text: string): CtyNumber {
  const trimmed = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) throw new RangeError(`not a number: ${JSON.stringify(text)}`);
  const n = Number(trimmed);
  if (/^-?\d+$/.test(trimmed)) return Number.isSafeInteger(n) ? n : BigInt(trimmed);
  if (canonicalDecimal(String(n)) === canonicalDecimal(trimmed)) return n;
  return new ExactNumber(trimmed);
}

/** `-0.ddd e p` normal form of a decimal text, so equal numbers compare equal as strings. */
function canonicalDecimal(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  let digits = int + frac;
  let point = int.length + Number(exp);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  return digits === '' ? '0' : `${sign}0.${digits}e${point}`;
}

function numberText(n: CtyNumber): string {
  return typeof n === 'number' ? String(n) : n.toString();
}

/** Equality with cty semantics: numbers by value, sets ignoring order, unknowns never equal. */
export function valueEquals(a: CtyValue, b: CtyValue): boolean {
  if (a === b) return !(a instanceof Unknown);
  if (a === null || b === null || a instanceof Unknown || b instanceof Unknown) return false;
  if (isNumber(a) && isNumber(b)) return canonicalDecimal(numberText(a)) === canonicalDecimal(numberText(b));
  if (a instanceof Dynamic || b instanceof Dynamic) {
    return a instanceof Dynamic && b instanceof Dynamic && typeEquals(a.type, b.type) && valueEquals(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valueEquals(x, b[i] as CtyValue));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, CtyValue>;
    const ka = Object.keys(ra);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && valueEquals(ra[k] as CtyValue, (b as Record<string, CtyValue>)[k] as CtyValue));
  }
  return false;
}

function isNumber(v: unknown): v is CtyNumber {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof ExactNumber;
}

/** True when the value (recursively) holds no unknowns. */
export function isWhollyKnown(v: CtyValue): boolean {
  if (v instanceof Unknown) return false;
  if (v instanceof Dynamic) return isWhollyKnown(v.value);
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (v !== null && typeof v === 'object' && !(v instanceof ExactNumber)) return Object.values(v).every(isWhollyKnown);
  return true;
}

/** The type of a plain JS value, for encoding into a `dynamic` slot. */
export function inferType(v: CtyValue): CtyType {
  if (typeof v === 'string') return ctyString;
  if (typeof v === 'boolean') return ctyBool;
  if (isNumber(v)) return ctyNumber;
  if (v instanceof Dynamic) return v.type;
  if (Array.isArray(v)) return ctyTuple(v.map(inferType));
  if (v !== null && typeof v === 'object' && !(v instanceof Unknown)) {
    const attrs: Record<string, CtyType> = {};
    for (const [k, x] of Object.entries(v)) attrs[k] = inferType(x);
    return ctyObject(attrs);
  }
  return { kind: 'dynamic' };
}

import type { AttributePath } from './diagnostics.js';

/** Checks a known, non-null value; returns a problem description or undefined. */
export interface Validator<T> {
  readonly description: string;
  validate(value: T, path: AttributePath): string | undefined;
}

export function oneOf<T extends string | number>(...allowed: T[]): Validator<T> {
  const list = allowed.map((v) => JSON.stringify(v)).join(', ');
  return { description: `one of ${list}`, validate: (v) => (allowed.includes(v) ? undefined : `must be one of ${list}, got ${JSON.stringify(v)}`) };
}

export function lengthBetween(min: number, max: number): Validator<string | readonly unknown[]> {
  return {
    description: `length between ${min} and ${max}`,
    validate: (v) => (v.length >= min && v.length <= max ? undefined : `length must be between ${min} and ${max}, got ${v.length}`),
  };
}

export function between(min: number, max: number): Validator<number> {
  return { description: `between ${min} and ${max}`, validate: (v) => (v >= min && v <= max ? undefined : `must be between ${min} and ${max}, got ${v}`) };
}

export function matches(pattern: RegExp, explanation: string): Validator<string> {
  return { description: explanation, validate: (v) => (pattern.test(v) ? undefined : `${explanation}, got ${JSON.stringify(v)}`) };
}

import { valueEquals, type CtyValue } from '../protocol/cty-value.js';
import type { AttributePath } from './diagnostics.js';
import type { SchemaBody } from './schema.js';
import { isObj, someAttribute } from './value-tools.js';

// Terraform checks an ephemeral result as it checks a plan with no prior state: a value the
// configuration sets must come back unchanged; only computed attributes the configuration leaves
// null may be filled. This finds the first place a provider broke that rule.

const hasComputed = (body: SchemaBody): boolean => someAttribute(body, (a) => a.computed === true);

function elements(nesting: string, body: SchemaBody, config: CtyValue, result: CtyValue, path: AttributePath): AttributePath | undefined {
  if (config === null || result === null || nesting === 'set' || !hasComputed(body)) return valueEquals(config, result) ? undefined : path;
  if (nesting === 'single' || nesting === 'group') return firstConfigMismatch(body, config, result, path);
  if (Array.isArray(config) && Array.isArray(result)) {
    if (config.length !== result.length) return path;
    for (let i = 0; i < config.length; i++) {
      const found = firstConfigMismatch(body, config[i] ?? null, result[i] ?? null, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (isObj(config) && isObj(result)) {
    const keys = Object.keys(config);
    if (keys.length !== Object.keys(result).length) return path;
    for (const key of keys) {
      const found = firstConfigMismatch(body, config[key] ?? null, result[key] ?? null, [...path, { key }]);
      if (found) return found;
    }
    return undefined;
  }
  return path;
}

/** Path of the first configured value the result does not keep, or undefined. */
export function firstConfigMismatch(body: SchemaBody, config: CtyValue, result: CtyValue, path: AttributePath = []): AttributePath | undefined {
  if (!isObj(config) || !isObj(result)) return valueEquals(config, result) ? undefined : path;
  for (const [name, a] of Object.entries(body.attributes)) {
    const c = config[name] ?? null;
    const r = result[name] ?? null;
    if (a.computed && c === null) continue;
    const found = a.nested
      ? elements(a.nested.nesting, { attributes: a.nested.attributes }, c, r, [...path, name])
      : valueEquals(c, r)
        ? undefined
        : [...path, name];
    if (found) return found;
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    const found = elements(b.nesting, b.body, config[name] ?? null, result[name] ?? null, [...path, name]);
    if (found) return found;
  }
  return undefined;
}

import { isUnknown, type CtyValue } from '../protocol/cty-value.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';
import { pathToString } from './diagnostics.js';
import type { SchemaBody } from './schema.js';
import { forEachElement, isObj } from './value-tools.js';

/** Runs attribute validators and schema checks over a configuration; unknown values are skipped. */
export function validateObject(body: SchemaBody, value: CtyValue, path: AttributePath, diags: Diagnostics): void {
  if (!isObj(value)) return;
  for (const [name, a] of Object.entries(body.attributes)) {
    const v = value[name] ?? null;
    const p = [...path, name];
    if (v === null || isUnknown(v)) continue;
    if (a.deprecated !== undefined) diags.warning(`Deprecated attribute ${pathToString(p)}`, a.deprecated || `The attribute ${name} is deprecated.`, p);
    // Sensitive and write-only values never appear in a diagnostic: say what is wrong, not what was given.
    const secret = a.sensitive === true || a.writeOnly === true;
    if (a.jsNumber && typeof v !== 'number') {
      diags.error('Number out of range', `${pathToString(p)} must be a number that fits a 64-bit float exactly${secret ? '' : `; got ${String(v)}`}.`, p);
      continue;
    }
    for (const validator of a.validators ?? []) {
      const problem = validator.validate(v as never, p);
      if (!problem) continue;
      const detail = secret
        ? `${pathToString(p)} must be ${validator.description}; the value is not shown because it is sensitive.`
        : `${pathToString(p)} ${problem}.`;
      diags.error(`Invalid value for ${pathToString(p)}`, detail, p);
    }
    if (a.nested) {
      const inner: SchemaBody = { attributes: a.nested.attributes };
      forEachElement(a.nested.nesting, v, (el, step) => validateObject(inner, el, step === undefined ? p : [...p, step], diags));
    }
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    const v = value[name] ?? null;
    const p = [...path, name];
    if (b.deprecated !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
      diags.warning(`Deprecated block ${pathToString(p)}`, b.deprecated || `The block ${name} is deprecated.`, p);
    forEachElement(b.nesting, v, (el, step) => validateObject(b.body, el, step === undefined ? p : [...p, step], diags));
  }
}

import { isUnknown, unknown, valueEquals, type CtyValue } from '../protocol/cty-value.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';
import type { AttributeDef, SchemaBody } from './schema.js';
import { forEachElement, isObj, type Obj } from './value-tools.js';

// The framework's planning recipe (reference §4.10): start from proposed_new_state, apply
// defaults, mark computed attributes left null by the configuration as unknown when anything
// changes, then run attribute plan modifiers (which may restore prior values or ask for
// replacement).

interface Walk {
  readonly isCreate: boolean;
  readonly diagnostics: Diagnostics;
  readonly requiresReplace: AttributePath[];
}

type Mode = 'defaults' | 'unknowns';

function child(value: CtyValue | undefined, step: string | number | { key: string } | undefined): CtyValue {
  if (value === undefined || value === null || isUnknown(value)) return null;
  if (step === undefined) return value;
  if (typeof step === 'number') return Array.isArray(value) ? (value[step] ?? null) : null;
  const key = typeof step === 'string' ? step : step.key;
  return isObj(value) ? (value[key] ?? null) : null;
}

/**
 * Set elements have no index or key: the config or prior element for a planned one is the one
 * with the same configurable values (Terraform's own ProposedNew matches them the same way).
 */
function matchSetElement(body: SchemaBody, element: Obj, candidates: CtyValue): CtyValue {
  if (!Array.isArray(candidates)) return null;
  const configurable = Object.entries(body.attributes)
    .filter(([, a]) => a.required || a.optional)
    .map(([n]) => n);
  const keys = [...configurable, ...Object.keys(body.blocks ?? {})];
  return candidates.find((c) => isObj(c) && keys.every((k) => valueEquals(c[k] ?? null, element[k] ?? null))) ?? null;
}

function walkBody(body: SchemaBody, mode: Mode, planned: Obj, config: CtyValue, prior: CtyValue, path: AttributePath, w: Walk): void {
  for (const [name, a] of Object.entries(body.attributes)) {
    const c = child(config, name);
    const pr = child(prior, name);
    const attrPath = [...path, name];
    planAttribute(a, mode, planned, name, c, pr, attrPath, w);
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    const value = planned[name] ?? null;
    forEachElement(b.nesting, value, (el, step) => {
      if (!isObj(el)) return;
      const elPath = step === undefined ? [...path, name] : [...path, name, step];
      const cEl = b.nesting === 'set' ? matchSetElement(b.body, el, child(config, name)) : child(child(config, name), step);
      const pEl = b.nesting === 'set' ? matchSetElement(b.body, el, child(prior, name)) : child(child(prior, name), step);
      walkBody(b.body, mode, el, cEl, pEl, elPath, w);
    });
  }
}

function planAttribute(a: AttributeDef, mode: Mode, planned: Obj, name: string, config: CtyValue, prior: CtyValue, path: AttributePath, w: Walk): void {
  if (mode === 'defaults') {
    if (a.writeOnly) planned[name] = null;
    else if (a.default !== undefined && config === null) planned[name] = a.default as CtyValue;
  } else if (a.computed && config === null && a.default === undefined) {
    planned[name] = unknown;
  }
  if (a.nested) {
    const body: SchemaBody = { attributes: a.nested.attributes };
    const nesting = a.nested.nesting;
    forEachElement(nesting, planned[name] ?? null, (el, step) => {
      if (!isObj(el)) return;
      const elPath = step === undefined ? path : [...path, step];
      const cEl = nesting === 'set' ? matchSetElement(body, el, config) : child(config, step);
      const pEl = nesting === 'set' ? matchSetElement(body, el, prior) : child(prior, step);
      walkBody(body, mode, el, cEl, pEl, elPath, w);
    });
  }
  if (mode === 'unknowns' && a.planModifiers?.length) {
    const resp = { plan: planned[name] ?? null, requiresReplace: false, diagnostics: w.diagnostics };
    for (const m of a.planModifiers) m.modify({ path, config, prior, isCreate: w.isCreate }, resp);
    planned[name] = resp.plan;
    if (resp.requiresReplace) w.requiresReplace.push(path);
  }
}

export interface PlanResult {
  readonly planned: Obj;
  readonly requiresReplace: AttributePath[];
}

/** Plans a create or update from Terraform's proposed new state. */
export function planObject(body: SchemaBody, proposed: Obj, config: CtyValue, prior: CtyValue, diagnostics: Diagnostics): PlanResult {
  const w: Walk = { isCreate: prior === null, diagnostics, requiresReplace: [] };
  const planned = proposed;
  walkBody(body, 'defaults', planned, config, prior, [], w);
  // Only a real change makes computed values unknown; otherwise the plan equals the prior state (no-op).
  if (w.isCreate || !valueEquals(planned, prior)) walkBody(body, 'unknowns', planned, config, prior, [], w);
  return { planned, requiresReplace: w.requiresReplace };
}

import { isUnknown, valueEquals, type CtyValue } from '../protocol/cty-value.js';
import type { AttributePath } from './diagnostics.js';
import type { Diagnostics } from './diagnostics.js';

export interface PlanModifierRequest {
  readonly path: AttributePath;
  readonly config: CtyValue;
  /** The prior state's value; null on create. */
  readonly prior: CtyValue;
  readonly isCreate: boolean;
}

export interface PlanModifierResponse {
  plan: CtyValue;
  requiresReplace: boolean;
  readonly diagnostics: Diagnostics;
}

/** Adjusts one attribute's planned value (runs after defaults and unknown marking). */
export interface PlanModifier {
  readonly description: string;
  modify(req: PlanModifierRequest, resp: PlanModifierResponse): void;
}

/** A change to this attribute destroys and recreates the resource. */
export function requiresReplace(): PlanModifier {
  return requiresReplaceIf('changing it replaces the resource', () => true);
}

export function requiresReplaceIf(description: string, when: (req: PlanModifierRequest, plan: CtyValue) => boolean): PlanModifier {
  return {
    description,
    modify(req, resp) {
      if (req.isCreate || valueEquals(req.prior, resp.plan)) return;
      if (isUnknown(resp.plan) || when(req, resp.plan)) resp.requiresReplace = true;
    },
  };
}

/** Keeps the prior value of a computed attribute instead of "known after apply" on updates. */
export function useStateForUnknown(): PlanModifier {
  return {
    description: 'the value does not change once set',
    modify(req, resp) {
      if (!req.isCreate && req.prior !== null && isUnknown(resp.plan) && req.config === null) resp.plan = req.prior;
    },
  };
}

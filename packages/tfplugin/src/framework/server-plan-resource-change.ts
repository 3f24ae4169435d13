import type { CtyValue } from '../protocol/cty-value.js';
import type { PlanResourceChangeRequest, PlanResourceChangeResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto, pathToProto, type AttributePath } from './diagnostics.js';
import { planObject } from './plan-walk.js';
import { privateFromBytes, privateToBytes } from './private-state.js';
import type { ModifyPlanResponse } from './resource.js';
import { decodeDynamic, encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { isObj } from './value-tools.js';
import { refuseWriteOnlyValues } from './write-only.js';

export async function planResourceChange(rt: ProviderRuntime, req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  const prior = decodeDynamic(type, req.priorState);
  const proposed = decodeDynamic(type, req.proposedNewState);
  const config = decodeDynamic(type, req.config);
  const priv = privateFromBytes(req.priorPrivate);

  let planned: CtyValue = null;
  let requiresReplace: AttributePath[] = [];
  if (isObj(proposed)) {
    const result = planObject(def.schema, proposed, config, prior, diagnostics);
    planned = result.planned;
    requiresReplace = result.requiresReplace;
  }
  if (def.modifyPlan) {
    const resp: ModifyPlanResponse<SchemaDef> = { plan: planned as never, requiresReplace, private: priv, diagnostics };
    await def.modifyPlan({ ...rt.context(), config: config as never, state: prior as never, private: priv }, resp);
    planned = resp.plan as CtyValue;
    requiresReplace = resp.requiresReplace;
  }
  // The framework nulled what Terraform proposed; a value here came from a plan modifier or modifyPlan().
  refuseWriteOnlyValues(def.schema, planned, diagnostics, `planning ${req.typeName}`);
  return {
    plannedState: encodeDynamic(type, planned),
    requiresReplace: requiresReplace.map(pathToProto),
    plannedPrivate: privateToBytes(priv),
    diagnostics: diagnosticsToProto(diagnostics),
  };
}

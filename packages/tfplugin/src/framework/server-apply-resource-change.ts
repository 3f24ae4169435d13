import type { CtyValue } from '../protocol/cty-value.js';
import type { ApplyResourceChangeRequest, ApplyResourceChangeResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto, pathToString } from './diagnostics.js';
import { privateFromBytes, privateToBytes } from './private-state.js';
import type { CreateResponse } from './resource.js';
import { decodeDynamic, encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { clone, fillBlocks, firstUnknown } from './value-tools.js';
import { refuseWriteOnlyValues } from './write-only.js';

export async function applyResourceChange(rt: ProviderRuntime, req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  const prior = decodeDynamic(type, req.priorState);
  const planned = decodeDynamic(type, req.plannedState);
  const config = decodeDynamic(type, req.config);
  const priv = privateFromBytes(req.plannedPrivate);
  const ctx = rt.context();

  if (planned === null) {
    await def.delete({ ...ctx, state: prior as never, private: priv }, { diagnostics });
    // On failure keep the object in state (Terraform keeps the prior state when we return it).
    return { newState: encodeDynamic(type, diagnostics.hasErrors() ? prior : null), diagnostics: diagnosticsToProto(diagnostics) };
  }

  const resp: CreateResponse<SchemaDef> = { state: clone(planned) as never, private: priv, diagnostics };
  if (prior === null) {
    await def.create({ ...ctx, plan: planned as never, config: config as never, private: priv }, resp);
  } else if (def.update) {
    await def.update({ ...ctx, plan: planned as never, config: config as never, state: prior as never, private: priv }, resp);
  } else {
    diagnostics.error(
      'Update not supported',
      `${req.typeName} has no update(); mark its configurable attributes with requiresReplace(). This is a bug in the provider.`,
    );
    return { newState: encodeDynamic(type, prior), diagnostics: diagnosticsToProto(diagnostics) };
  }
  const next = resp.state as CtyValue;
  refuseWriteOnlyValues(def.schema, next, diagnostics, `${prior === null ? 'create' : 'update'}() of ${req.typeName}`);
  fillBlocks(def.schema, next);
  const unknownAt = next === null ? undefined : firstUnknown(next);
  if (unknownAt) {
    diagnostics.error(
      'Provider left a value unknown after apply',
      `${prior === null ? 'create' : 'update'}() of ${req.typeName} did not set ` +
        `${pathToString(unknownAt)}; every value that was "known after apply" must be set. This is a ` +
        `bug in the provider.`,
      unknownAt,
    );
    return { newState: encodeDynamic(type, diagnostics.hasErrors() && prior !== null ? prior : null), diagnostics: diagnosticsToProto(diagnostics) };
  }
  return { newState: encodeDynamic(type, next), private: privateToBytes(resp.private), diagnostics: diagnosticsToProto(diagnostics) };
}

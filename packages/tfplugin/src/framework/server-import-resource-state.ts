import type { ImportResourceStateRequest, ImportResourceStateResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import { privateToBytes } from './private-state.js';
import type { ImportResponse } from './resource.js';
import { encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { emptyObject, fillBlocks } from './value-tools.js';
import { refuseWriteOnlyValues } from './write-only.js';

export async function importResourceState(rt: ProviderRuntime, req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  if (!def.importState) {
    diagnostics.error('Import not supported', `${req.typeName} cannot be imported: the provider does not implement importState().`);
    return { diagnostics: diagnosticsToProto(diagnostics) };
  }
  const resp: ImportResponse<SchemaDef> = { state: emptyObject(def.schema) as never, private: {}, diagnostics };
  await def.importState({ ...rt.context(), id: req.id ?? '' }, resp);
  if (diagnostics.hasErrors()) return { diagnostics: diagnosticsToProto(diagnostics) };
  refuseWriteOnlyValues(def.schema, resp.state as never, diagnostics, `importState() of ${req.typeName}`);
  fillBlocks(def.schema, resp.state as never);
  return {
    importedResources: [{ typeName: req.typeName ?? '', state: encodeDynamic(type, resp.state as never), private: privateToBytes(resp.private) }],
    diagnostics: diagnosticsToProto(diagnostics),
  };
}

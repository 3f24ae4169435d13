import type { CtyValue } from '../protocol/cty-value.js';
import type { ReadResourceRequest, ReadResourceResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto, pathToString } from './diagnostics.js';
import { privateFromBytes, privateToBytes } from './private-state.js';
import type { ReadResponse } from './resource.js';
import { decodeDynamic, encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { clone, fillBlocks, firstUnknown } from './value-tools.js';
import { refuseWriteOnlyValues } from './write-only.js';

export async function readResource(rt: ProviderRuntime, req: ReadResourceRequest): Promise<ReadResourceResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  const state = decodeDynamic(type, req.currentState);
  const priv = privateFromBytes(req.private);
  if (state === null) return { newState: encodeDynamic(type, null), diagnostics: [] };
  const resp: ReadResponse<SchemaDef> = { state: clone(state) as never, private: priv, diagnostics };
  await def.read({ ...rt.context(), state: state as never, private: priv }, resp);
  const next = resp.state as CtyValue;
  refuseWriteOnlyValues(def.schema, next, diagnostics, `read() of ${req.typeName}`);
  fillBlocks(def.schema, next);
  const unknownAt = firstUnknown(next);
  if (unknownAt) {
    diagnostics.error(
      'Provider read an unknown value',
      `read() of ${req.typeName} left ${pathToString(unknownAt)} unknown; state must be wholly known. This is a bug in the provider.`,
      unknownAt,
    );
    return { newState: req.currentState ?? encodeDynamic(type, state), diagnostics: diagnosticsToProto(diagnostics), private: req.private ?? Buffer.alloc(0) };
  }
  return { newState: encodeDynamic(type, next), private: privateToBytes(resp.private), diagnostics: diagnosticsToProto(diagnostics) };
}

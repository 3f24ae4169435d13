import type { CloseEphemeralResourceRequest, CloseEphemeralResourceResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import { privateFromBytes } from './private-state.js';
import type { ProviderRuntime } from './runtime.js';

export async function closeEphemeralResource(rt: ProviderRuntime, req: CloseEphemeralResourceRequest): Promise<CloseEphemeralResourceResponse> {
  const { def } = rt.ephemeralResource(req.typeName);
  const diagnostics = new Diagnostics();
  if (def.close) await def.close({ ...rt.context(), private: privateFromBytes(req.private) }, { diagnostics });
  return { diagnostics: diagnosticsToProto(diagnostics) };
}

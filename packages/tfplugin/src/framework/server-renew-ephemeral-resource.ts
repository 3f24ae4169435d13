import type { RenewEphemeralResourceRequest, RenewEphemeralResourceResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import type { EphemeralRenewResponse } from './ephemeral-resource.js';
import { privateFromBytes, privateToBytes } from './private-state.js';
import type { ProviderRuntime } from './runtime.js';
import { timestampOf } from './server-open-ephemeral-resource.js';

export async function renewEphemeralResource(rt: ProviderRuntime, req: RenewEphemeralResourceRequest): Promise<RenewEphemeralResourceResponse> {
  const { def } = rt.ephemeralResource(req.typeName);
  const diagnostics = new Diagnostics();
  const priv = privateFromBytes(req.private);
  if (!def.renew) {
    diagnostics.error(
      'Renew not supported',
      `${req.typeName} has no renew(), so it never asks to be renewed; Terraform should not have called RenewEphemeralResource.`,
    );
    return { diagnostics: diagnosticsToProto(diagnostics) };
  }
  const resp: EphemeralRenewResponse = { private: priv, diagnostics };
  await def.renew({ ...rt.context(), private: priv }, resp);
  const out: RenewEphemeralResourceResponse = { diagnostics: diagnosticsToProto(diagnostics) };
  if (resp.renewAt !== undefined) out.renewAt = timestampOf(resp.renewAt);
  if (Object.keys(resp.private).length) out.private = privateToBytes(resp.private);
  return out;
}

import type { ValidateProviderConfigRequest, ValidateProviderConfigResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import { decodeDynamic, type ProviderRuntime } from './runtime.js';
import { validateObject } from './validate-walk.js';

export function validateProviderConfig(rt: ProviderRuntime, req: ValidateProviderConfigRequest): ValidateProviderConfigResponse {
  const diagnostics = new Diagnostics();
  validateObject(rt.provider.schema ?? { attributes: {} }, decodeDynamic(rt.providerType, req.config), [], diagnostics);
  return { diagnostics: diagnosticsToProto(diagnostics) };
}

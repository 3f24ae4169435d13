import type { ValidateEphemeralResourceConfigRequest, ValidateEphemeralResourceConfigResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import { decodeDynamic, type ProviderRuntime } from './runtime.js';
import { validateObject } from './validate-walk.js';

export async function validateEphemeralResourceConfig(
  rt: ProviderRuntime,
  req: ValidateEphemeralResourceConfigRequest,
): Promise<ValidateEphemeralResourceConfigResponse> {
  const { def, type } = rt.ephemeralResource(req.typeName);
  const diagnostics = new Diagnostics();
  const config = decodeDynamic(type, req.config);
  validateObject(def.schema, config, [], diagnostics);
  if (def.validateConfig) await def.validateConfig({ config: config as never, logger: rt.logger }, { diagnostics });
  return { diagnostics: diagnosticsToProto(diagnostics) };
}

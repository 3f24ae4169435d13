import type { ValidateResourceConfigRequest, ValidateResourceConfigResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import { decodeDynamic, type ProviderRuntime } from './runtime.js';
import { validateObject } from './validate-walk.js';
import { refuseWriteOnlyWithoutSupport } from './write-only.js';

export async function validateResourceConfig(rt: ProviderRuntime, req: ValidateResourceConfigRequest): Promise<ValidateResourceConfigResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  const config = decodeDynamic(type, req.config);
  validateObject(def.schema, config, [], diagnostics);
  if (!req.clientCapabilities?.writeOnlyAttributesAllowed) refuseWriteOnlyWithoutSupport(def.schema, config, diagnostics);
  if (def.validateConfig) await def.validateConfig({ config: config as never, logger: rt.logger }, { diagnostics });
  return { diagnostics: diagnosticsToProto(diagnostics) };
}

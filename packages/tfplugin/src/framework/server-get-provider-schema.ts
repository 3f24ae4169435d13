import type { GetProviderSchemaResponse, Schema } from '../protocol/generated/messages.js';
import type { ProviderRuntime } from './runtime.js';
import { schemaToProto } from './schema-protocol.js';

export const SERVER_CAPABILITIES = { planDestroy: true, getProviderSchemaOptional: true };

export function getProviderSchema(rt: ProviderRuntime): GetProviderSchemaResponse {
  const map = (defs: Readonly<Record<string, { schema: Parameters<typeof schemaToProto>[0] }>> | undefined): Record<string, Schema> =>
    Object.fromEntries(Object.entries(defs ?? {}).map(([name, d]) => [name, schemaToProto(d.schema)]));
  return {
    provider: schemaToProto(rt.provider.schema ?? { attributes: {} }),
    resourceSchemas: map(rt.provider.resources),
    dataSourceSchemas: map(rt.provider.dataSources),
    ephemeralResourceSchemas: map(rt.provider.ephemeralResources),
    serverCapabilities: SERVER_CAPABILITIES,
  };
}

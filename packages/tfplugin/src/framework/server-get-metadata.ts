import type { GetMetadataResponse } from '../protocol/generated/messages.js';
import type { ProviderRuntime } from './runtime.js';
import { SERVER_CAPABILITIES } from './server-get-provider-schema.js';

export function getMetadata(rt: ProviderRuntime): GetMetadataResponse {
  return {
    serverCapabilities: SERVER_CAPABILITIES,
    resources: Object.keys(rt.provider.resources ?? {}).map((typeName) => ({ typeName })),
    dataSources: Object.keys(rt.provider.dataSources ?? {}).map((typeName) => ({ typeName })),
    ephemeralResources: Object.keys(rt.provider.ephemeralResources ?? {}).map((typeName) => ({ typeName })),
  };
}

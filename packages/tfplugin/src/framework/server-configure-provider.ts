import type { ConfigureProviderRequest, ConfigureProviderResponse } from '../protocol/generated/messages.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import type { ConfigureResponse } from './provider.js';
import { decodeDynamic, type ProviderRuntime } from './runtime.js';

export async function configureProvider(rt: ProviderRuntime, req: ConfigureProviderRequest): Promise<ConfigureProviderResponse> {
  const diagnostics = new Diagnostics();
  if (rt.provider.configure) {
    const config = decodeDynamic(rt.providerType, req.config);
    const resp: ConfigureResponse<unknown> = { diagnostics };
    await rt.provider.configure({ config: config as never, terraformVersion: req.terraformVersion ?? '', signal: rt.stop.signal }, resp);
    rt.providerData = resp.providerData;
  }
  return { diagnostics: diagnosticsToProto(diagnostics) };
}

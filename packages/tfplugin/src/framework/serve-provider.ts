import { runPluginProcess } from '../protocol/plugin-process.js';
import type { RunningPlugin } from '../protocol/plugin-server.js';
import type { ProviderDefinition } from './provider.js';
import { providerService } from './provider-server.js';

/**
 * The whole main() of a provider executable: checks it was launched by Terraform, serves the
 * provider over AutoMTLS gRPC, exits on Shutdown. `--debug` serves it for TF_REATTACH_PROVIDERS.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- providers are generic over their own schema and data types
export function serveProvider(provider: ProviderDefinition<any, any>, argv?: readonly string[]): Promise<RunningPlugin | undefined> {
  return runPluginProcess({ address: provider.address, handlers: (logger) => providerService(provider, logger), ...(argv ? { argv } : {}) });
}

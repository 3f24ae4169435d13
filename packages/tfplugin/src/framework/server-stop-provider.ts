import type { StopProviderResponse } from '../protocol/generated/messages.js';
import type { ProviderRuntime } from './runtime.js';

/** Ctrl-C in Terraform: abort every in-flight operation's signal and answer at once. */
export function stopProvider(rt: ProviderRuntime): StopProviderResponse {
  rt.logger.info('StopProvider received: aborting in-flight operations');
  rt.stop.abort(new Error('Terraform asked the provider to stop (interrupt)'));
  return {};
}

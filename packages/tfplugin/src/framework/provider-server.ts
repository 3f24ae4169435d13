import type { Diagnostic, ProviderService } from '../protocol/generated/messages.js';
import type { Logger } from '../protocol/logger.js';
import type { ProviderDefinition } from './provider.js';
import { ProviderRuntime } from './runtime.js';
import { applyResourceChange } from './server-apply-resource-change.js';
import { closeEphemeralResource } from './server-close-ephemeral-resource.js';
import { configureProvider } from './server-configure-provider.js';
import { getMetadata } from './server-get-metadata.js';
import { getProviderSchema } from './server-get-provider-schema.js';
import { importResourceState } from './server-import-resource-state.js';
import { openEphemeralResource } from './server-open-ephemeral-resource.js';
import { planResourceChange } from './server-plan-resource-change.js';
import { readDataSource } from './server-read-data-source.js';
import { readResource } from './server-read-resource.js';
import { renewEphemeralResource } from './server-renew-ephemeral-resource.js';
import { stopProvider } from './server-stop-provider.js';
import { upgradeResourceState } from './server-upgrade-resource-state.js';
import { validateDataResourceConfig } from './server-validate-data-resource-config.js';
import { validateEphemeralResourceConfig } from './server-validate-ephemeral-resource-config.js';
import { validateProviderConfig } from './server-validate-provider-config.js';
import { validateResourceConfig } from './server-validate-resource-config.js';
import type { SchemaDef } from './schema.js';

const SUMMARIES: Record<string, string> = {
  TFPLUGIN_VALUE_DECODE: 'Invalid request',
  TFPLUGIN_JSON_VALUE: 'Invalid request',
  TFPLUGIN_UNKNOWN_TYPE: 'Invalid request',
  TFPLUGIN_PROTOBUF_DECODE: 'Invalid request',
  TFPLUGIN_VALUE_ENCODE: 'Provider returned a value that does not match its schema',
};

/**
 * Runs one RPC so that no exception crosses it: a throw becomes one error diagnostic for
 * Terraform plus the stack on stderr.
 */
function guard<Req extends object, Res extends { diagnostics?: Diagnostic[] }>(
  logger: Logger,
  rpc: string,
  fn: (req: Req) => Res | Promise<Res>,
): (req: Req) => Promise<Res> {
  return async (req) => {
    const typeName = 'typeName' in req && typeof req.typeName === 'string' ? req.typeName : undefined;
    const started = performance.now();
    try {
      const res = await fn(req);
      logger.trace('rpc', { rpc, type: typeName, ms: Math.round(performance.now() - started), diagnostics: res.diagnostics?.length ?? 0 });
      return res;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      logger.error('rpc threw', { rpc, type: typeName, error: err instanceof Error ? (err.stack ?? detail) : detail });
      const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
      const summary = SUMMARIES[code] ?? 'Unexpected provider error';
      return { diagnostics: [{ severity: 1, summary, detail: `${rpc}${typeName ? ` (${typeName})` : ''}: ${detail}` }] } as Res;
    }
  };
}

/** The tfplugin6.Provider handlers for a provider definition. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- providers are generic over their own schema and data types
export function providerService(provider: ProviderDefinition<any, any>, logger: Logger): ProviderService {
  const rt = new ProviderRuntime(provider as ProviderDefinition<SchemaDef, unknown>, logger);
  return {
    GetMetadata: guard(logger, 'GetMetadata', (_req: object) => getMetadata(rt)),
    GetProviderSchema: guard(logger, 'GetProviderSchema', (_req: object) => getProviderSchema(rt)),
    ValidateProviderConfig: guard(logger, 'ValidateProviderConfig', (req) => validateProviderConfig(rt, req)),
    ConfigureProvider: guard(logger, 'ConfigureProvider', (req) => configureProvider(rt, req)),
    ValidateResourceConfig: guard(logger, 'ValidateResourceConfig', (req) => validateResourceConfig(rt, req)),
    ValidateDataResourceConfig: guard(logger, 'ValidateDataResourceConfig', (req) => validateDataResourceConfig(rt, req)),
    UpgradeResourceState: guard(logger, 'UpgradeResourceState', (req) => upgradeResourceState(rt, req)),
    ReadResource: guard(logger, 'ReadResource', (req) => readResource(rt, req)),
    PlanResourceChange: guard(logger, 'PlanResourceChange', (req) => planResourceChange(rt, req)),
    ApplyResourceChange: guard(logger, 'ApplyResourceChange', (req) => applyResourceChange(rt, req)),
    ImportResourceState: guard(logger, 'ImportResourceState', (req) => importResourceState(rt, req)),
    ReadDataSource: guard(logger, 'ReadDataSource', (req) => readDataSource(rt, req)),
    ValidateEphemeralResourceConfig: guard(logger, 'ValidateEphemeralResourceConfig', (req) => validateEphemeralResourceConfig(rt, req)),
    OpenEphemeralResource: guard(logger, 'OpenEphemeralResource', (req) => openEphemeralResource(rt, req)),
    RenewEphemeralResource: guard(logger, 'RenewEphemeralResource', (req) => renewEphemeralResource(rt, req)),
    CloseEphemeralResource: guard(logger, 'CloseEphemeralResource', (req) => closeEphemeralResource(rt, req)),
    StopProvider: async () => stopProvider(rt),
  };
}

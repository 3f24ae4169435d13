import type { CtyValue } from '../protocol/cty-value.js';
import type { UpgradeResourceStateRequest, UpgradeResourceStateResponse } from '../protocol/generated/messages.js';
import { decodeJsonValue, parseJsonLossless } from '../protocol/json-codec.js';
import { Diagnostics, diagnosticsToProto } from './diagnostics.js';
import type { UpgradeStateResponse } from './resource.js';
import { encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { fillBlocks, nullWriteOnly } from './value-tools.js';
import { refuseWriteOnlyValues } from './write-only.js';

export async function upgradeResourceState(rt: ProviderRuntime, req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
  const { def, type } = rt.resource(req.typeName);
  const diagnostics = new Diagnostics();
  const current = def.schema.version ?? 0;
  const version = req.version ?? 0;
  const json = req.rawState?.json;
  if (!json || json.length === 0) {
    diagnostics.error(
      'Cannot upgrade resource state',
      `The stored state of ${req.typeName} has no JSON attributes (pre-0.12 flatmap state is not supported); remove it from state and import it again.`,
    );
    return { diagnostics: diagnosticsToProto(diagnostics) };
  }
  let state: CtyValue;
  if (version < current) {
    if (!def.upgradeState) {
      diagnostics.error(
        'Cannot upgrade resource state',
        `${req.typeName} state is at schema version ${version}, the provider is at ${current} and has no upgradeState(); this is a bug in the provider.`,
      );
      return { diagnostics: diagnosticsToProto(diagnostics) };
    }
    const resp: UpgradeStateResponse<SchemaDef> = { state: null, diagnostics };
    await def.upgradeState({ ...rt.context(), version, rawState: parseJsonLossless(json) as Record<string, unknown> }, resp);
    state = resp.state as CtyValue;
    refuseWriteOnlyValues(def.schema, state, diagnostics, `upgradeState() of ${req.typeName}`);
  } else {
    state = decodeJsonValue(type, json);
    nullWriteOnly(def.schema, state);
  }
  fillBlocks(def.schema, state);
  return { upgradedState: encodeDynamic(type, state), diagnostics: diagnosticsToProto(diagnostics) };
}

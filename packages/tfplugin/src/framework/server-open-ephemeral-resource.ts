import { isWhollyKnown, unknown, type CtyValue } from '../protocol/cty-value.js';
import type { OpenEphemeralResourceRequest, OpenEphemeralResourceResponse, Timestamp } from '../protocol/generated/messages.js';
import { firstConfigMismatch } from './config-mismatch.js';
import { Diagnostics, diagnosticsToProto, pathToString } from './diagnostics.js';
import type { EphemeralOpenResponse } from './ephemeral-resource.js';
import { privateToBytes } from './private-state.js';
import { decodeDynamic, encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaBody, SchemaDef } from './schema.js';
import { clone, fillBlocks, firstUnknown, isObj } from './value-tools.js';

export function timestampOf(date: Date): Timestamp {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

/** The result while the configuration is still unknown: configured values as given, computed ones unknown. */
function unknownResult(body: SchemaBody, config: CtyValue): CtyValue {
  if (!isObj(config)) return config;
  const out = clone(config);
  for (const [name, a] of Object.entries(body.attributes)) if (a.computed && out[name] === null) out[name] = unknown;
  return out;
}

export async function openEphemeralResource(rt: ProviderRuntime, req: OpenEphemeralResourceRequest): Promise<OpenEphemeralResourceResponse> {
  const { def, type } = rt.ephemeralResource(req.typeName);
  const diagnostics = new Diagnostics();
  const config = decodeDynamic(type, req.config);
  // Terraform does not open with an unknown configuration; answer in kind if asked anyway.
  if (!isWhollyKnown(config)) return { result: encodeDynamic(type, unknownResult(def.schema, config)), diagnostics: [] };

  const resp: EphemeralOpenResponse<SchemaDef> = { result: clone(config) as never, private: {}, diagnostics };
  await def.open({ ...rt.context(), config: config as never }, resp);
  if (diagnostics.hasErrors()) return { diagnostics: diagnosticsToProto(diagnostics) };
  const result = resp.result as CtyValue;
  fillBlocks(def.schema, result);
  const bug = (detail: string, path?: readonly (string | number | { key: string })[]): OpenEphemeralResourceResponse => {
    diagnostics.error('Provider produced an invalid ephemeral result', `open() of ${req.typeName} ${detail} This is a bug in the provider.`, path);
    return { diagnostics: diagnosticsToProto(diagnostics) };
  };
  if (!isObj(result)) return bug('returned no result object.');
  const unknownAt = firstUnknown(result);
  if (unknownAt) return bug(`left ${pathToString(unknownAt)} unknown; an opened ephemeral resource must be wholly known.`, unknownAt);
  const changedAt = firstConfigMismatch(def.schema, config, result);
  if (changedAt)
    return bug(`changed the configured value of ${pathToString(changedAt)}; only computed attributes the configuration leaves unset may be filled.`, changedAt);
  if (resp.renewAt !== undefined && !def.renew) return bug('set renewAt but the ephemeral resource has no renew().');

  const out: OpenEphemeralResourceResponse = { result: encodeDynamic(type, result), diagnostics: diagnosticsToProto(diagnostics) };
  if (resp.renewAt !== undefined) out.renewAt = timestampOf(resp.renewAt);
  if (Object.keys(resp.private).length) out.private = privateToBytes(resp.private);
  return out;
}

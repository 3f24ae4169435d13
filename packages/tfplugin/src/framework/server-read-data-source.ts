import type { CtyValue } from '../protocol/cty-value.js';
import type { ReadDataSourceRequest, ReadDataSourceResponse } from '../protocol/generated/messages.js';
import type { DataSourceReadResponse } from './data-source.js';
import { Diagnostics, diagnosticsToProto, pathToString } from './diagnostics.js';
import { decodeDynamic, encodeDynamic, type ProviderRuntime } from './runtime.js';
import type { SchemaDef } from './schema.js';
import { clone, fillBlocks, firstUnknown, nullWriteOnly } from './value-tools.js';

export async function readDataSource(rt: ProviderRuntime, req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
  const { def, type } = rt.dataSource(req.typeName);
  const diagnostics = new Diagnostics();
  const config = decodeDynamic(type, req.config);
  const resp: DataSourceReadResponse<SchemaDef> = { state: clone(config) as never, diagnostics };
  await def.read({ ...rt.context(), config: config as never }, resp);
  if (diagnostics.hasErrors()) return { diagnostics: diagnosticsToProto(diagnostics) };
  const state = resp.state as CtyValue;
  nullWriteOnly(def.schema, state);
  fillBlocks(def.schema, state);
  const unknownAt = firstUnknown(state);
  if (unknownAt) {
    diagnostics.error(
      'Provider left a value unknown',
      `read() of data source ${req.typeName} did not set ${pathToString(unknownAt)}. This is a bug in the provider.`,
      unknownAt,
    );
    return { diagnostics: diagnosticsToProto(diagnostics) };
  }
  return { state: encodeDynamic(type, state), diagnostics: diagnosticsToProto(diagnostics) };
}

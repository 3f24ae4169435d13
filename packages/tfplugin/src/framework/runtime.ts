import type { CtyType } from '../protocol/cty-type.js';
import type { CtyValue } from '../protocol/cty-value.js';
import type { DynamicValue } from '../protocol/generated/messages.js';
import { decodeJsonValue } from '../protocol/json-codec.js';
import type { Logger } from '../protocol/logger.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';
import type { DataSourceDefinition } from './data-source.js';
import type { EphemeralResourceDefinition } from './ephemeral-resource.js';
import type { ProviderDefinition } from './provider.js';
import type { ResourceDefinition } from './resource.js';
import type { SchemaDef } from './schema.js';
import { impliedType } from './schema-protocol.js';
import { assertWriteOnlyPlacement } from './write-only.js';

class UnknownTypeError extends Error {
  readonly code = 'TFPLUGIN_UNKNOWN_TYPE';
  constructor(kind: string, typeName: string, known: string[]) {
    super(`this provider has no ${kind} named ${JSON.stringify(typeName)}; it has: ${known.join(', ') || 'none'}`);
    this.name = 'UnknownTypeError';
  }
}

interface Entry<D> {
  readonly def: D;
  readonly type: CtyType;
}

/** The definition of a type name with its implied cty type, computed once per process. */
function lookup<D extends { readonly schema: SchemaDef }>(
  cache: Map<string, Entry<D>>,
  defs: Readonly<Record<string, D>> | undefined,
  kind: string,
  typeName: string | undefined,
): Entry<D> {
  const name = typeName ?? '';
  let entry = cache.get(name);
  if (!entry) {
    const def = defs?.[name];
    if (!def) throw new UnknownTypeError(kind, name, Object.keys(defs ?? {}));
    entry = { def, type: impliedType(def.schema) };
    cache.set(name, entry);
  }
  return entry;
}

/** Per-process state shared by the RPC handlers: provider data, the stop signal, cached types. */
export class ProviderRuntime {
  providerData: unknown = undefined;
  readonly stop = new AbortController();
  private readonly resourceCache = new Map<string, Entry<ResourceDefinition<SchemaDef, unknown>>>();
  private readonly dataSourceCache = new Map<string, Entry<DataSourceDefinition<SchemaDef, unknown>>>();
  private readonly ephemeralCache = new Map<string, Entry<EphemeralResourceDefinition<SchemaDef, unknown>>>();
  private providerTypeCache: CtyType | undefined;

  constructor(
    readonly provider: ProviderDefinition<SchemaDef, unknown>,
    readonly logger: Logger,
  ) {
    checkWriteOnlyPlacement(provider);
  }

  get providerType(): CtyType {
    return (this.providerTypeCache ??= impliedType(this.provider.schema ?? { attributes: {} }));
  }

  resource(typeName: string | undefined): Entry<ResourceDefinition<SchemaDef, unknown>> {
    return lookup(this.resourceCache, this.provider.resources, 'resource type', typeName);
  }

  dataSource(typeName: string | undefined): Entry<DataSourceDefinition<SchemaDef, unknown>> {
    return lookup(this.dataSourceCache, this.provider.dataSources, 'data source', typeName);
  }

  ephemeralResource(typeName: string | undefined): Entry<EphemeralResourceDefinition<SchemaDef, unknown>> {
    return lookup(this.ephemeralCache, this.provider.ephemeralResources, 'ephemeral resource type', typeName);
  }

  context(): { providerData: unknown; signal: AbortSignal; logger: Logger } {
    return { providerData: this.providerData, signal: this.stop.signal, logger: this.logger };
  }
}

/** Refuses, when the provider is served, a write-only attribute Terraform would reject. */
function checkWriteOnlyPlacement(provider: ProviderDefinition<SchemaDef, unknown>): void {
  assertWriteOnlyPlacement(provider.schema ?? { attributes: {} }, 'provider schema', false);
  for (const [name, r] of Object.entries(provider.resources ?? {})) assertWriteOnlyPlacement(r.schema, `resource ${name}`, true);
  for (const [name, d] of Object.entries(provider.dataSources ?? {})) assertWriteOnlyPlacement(d.schema, `data source ${name}`, false);
  for (const [name, e] of Object.entries(provider.ephemeralResources ?? {})) assertWriteOnlyPlacement(e.schema, `ephemeral resource ${name}`, false);
}

/** DynamicValue -> value: msgpack preferred, JSON accepted, absent means null. */
export function decodeDynamic(type: CtyType, dv: DynamicValue | undefined): CtyValue {
  if (dv?.msgpack && dv.msgpack.length) return decodeMsgpack(type, dv.msgpack);
  if (dv?.json && dv.json.length) return decodeJsonValue(type, dv.json);
  return null;
}

export function encodeDynamic(type: CtyType, value: CtyValue): DynamicValue {
  return { msgpack: encodeMsgpack(type, value) };
}

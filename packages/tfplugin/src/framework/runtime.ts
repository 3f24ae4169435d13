import type { CtyType } from '../protocol/cty-type.js';
import type { CtyValue } from '../protocol/cty-value.js';
import type { DynamicValue } from '../protocol/generated/messages.js';
import { decodeJsonValue } from '../protocol/json-codec.js';
import type { Logger } from '../protocol/logger.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';
import type { DataSourceDefinition } from './data-source.js';
import type { ProviderDefinition } from './provider.js';
import type { ResourceDefinition } from './resource.js';
import type { SchemaDef } from './schema.js';
import { impliedType } from './schema-protocol.js';

export class UnknownTypeError extends Error {
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

/** Per-process state shared by the RPC handlers: provider data, the stop signal, cached types. */
export class ProviderRuntime {
  providerData: unknown = undefined;
  readonly stop = new AbortController();
  private readonly resourceCache = new Map<string, Entry<ResourceDefinition<SchemaDef, unknown>>>();
  private readonly dataSourceCache = new Map<string, Entry<DataSourceDefinition<SchemaDef, unknown>>>();
  private providerTypeCache: CtyType | undefined;

  constructor(
    readonly provider: ProviderDefinition<SchemaDef, unknown>,
    readonly logger: Logger,
  ) {}

  get providerType(): CtyType {
    return (this.providerTypeCache ??= impliedType(this.provider.schema ?? { attributes: {} }));
  }

  resource(typeName: string | undefined): Entry<ResourceDefinition<SchemaDef, unknown>> {
    const name = typeName ?? '';
    let entry = this.resourceCache.get(name);
    if (!entry) {
      const def = this.provider.resources?.[name];
      if (!def) throw new UnknownTypeError('resource type', name, Object.keys(this.provider.resources ?? {}));
      entry = { def, type: impliedType(def.schema) };
      this.resourceCache.set(name, entry);
    }
    return entry;
  }

  dataSource(typeName: string | undefined): Entry<DataSourceDefinition<SchemaDef, unknown>> {
    const name = typeName ?? '';
    let entry = this.dataSourceCache.get(name);
    if (!entry) {
      const def = this.provider.dataSources?.[name];
      if (!def) throw new UnknownTypeError('data source', name, Object.keys(this.provider.dataSources ?? {}));
      entry = { def, type: impliedType(def.schema) };
      this.dataSourceCache.set(name, entry);
    }
    return entry;
  }

  context(): { providerData: unknown; signal: AbortSignal; logger: Logger } {
    return { providerData: this.providerData, signal: this.stop.signal, logger: this.logger };
  }
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

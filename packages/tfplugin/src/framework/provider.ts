import type { DataSourceDefinition } from './data-source.js';
import type { Diagnostics } from './diagnostics.js';
import type { EphemeralResourceDefinition } from './ephemeral-resource.js';
import type { ResourceDefinition } from './resource.js';
import type { PlanModelOf, SchemaDef } from './schema.js';

export interface ConfigureRequest<S extends SchemaDef> {
  /** May hold unknown values while planning (e.g. an endpoint from another resource). */
  readonly config: PlanModelOf<S>;
  readonly terraformVersion: string;
  readonly signal: AbortSignal;
}

export interface ConfigureResponse<P> {
  /** Handed to every resource and data source operation as req.providerData. */
  providerData?: P;
  readonly diagnostics: Diagnostics;
}

export interface ProviderDefinition<S extends SchemaDef = SchemaDef, P = unknown> {
  /** Source address, e.g. registry.terraform.io/hikube/hikube (debug mode, schema JSON). */
  readonly address: string;
  readonly schema?: S;
  configure?(req: ConfigureRequest<S>, resp: ConfigureResponse<P>): void | Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource has its own schema type
  readonly resources?: Readonly<Record<string, ResourceDefinition<any, P>>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each data source has its own schema type
  readonly dataSources?: Readonly<Record<string, DataSourceDefinition<any, P>>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each ephemeral resource has its own schema type
  readonly ephemeralResources?: Readonly<Record<string, EphemeralResourceDefinition<any, P>>>;
}

/**
 * Typed constructors bound to a provider-data type, so resources see `req.providerData: P`:
 * `const { resource, dataSource, ephemeralResource } = definitions<ApiClient>();`
 */
export function definitions<P>() {
  return {
    resource: <S extends SchemaDef>(def: ResourceDefinition<S, P>): ResourceDefinition<S, P> => def,
    dataSource: <S extends SchemaDef>(def: DataSourceDefinition<S, P>): DataSourceDefinition<S, P> => def,
    ephemeralResource: <S extends SchemaDef>(def: EphemeralResourceDefinition<S, P>): EphemeralResourceDefinition<S, P> => def,
    provider: <S extends SchemaDef>(def: ProviderDefinition<S, P>): ProviderDefinition<S, P> => def,
  };
}

import type { Diagnostics } from './diagnostics.js';
import type { OperationContext, ValidateConfigRequest, ValidateConfigResponse } from './resource.js';
import type { ModelOf, SchemaDef } from './schema.js';

export interface DataSourceReadRequest<S extends SchemaDef, P> extends OperationContext<P> {
  readonly config: ModelOf<S>;
}

export interface DataSourceReadResponse<S extends SchemaDef> {
  /** Starts as the configuration; fill the computed attributes. */
  state: ModelOf<S>;
  readonly diagnostics: Diagnostics;
}

export interface DataSourceDefinition<S extends SchemaDef = SchemaDef, P = unknown> {
  readonly schema: S;
  read(req: DataSourceReadRequest<S, P>, resp: DataSourceReadResponse<S>): void | Promise<void>;
  validateConfig?(req: ValidateConfigRequest<S, P>, resp: ValidateConfigResponse): void | Promise<void>;
}

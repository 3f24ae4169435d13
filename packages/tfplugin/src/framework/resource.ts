import type { Logger } from '../protocol/logger.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';
import type { PrivateData } from './private-state.js';
import type { ModelOf, PlanModelOf, SchemaDef } from './schema.js';

// The author-facing resource API: one Request/Response pair per operation (new fields never
// break a signature), optional capabilities as optional methods.

export interface OperationContext<P> {
  /** What the provider's configure() returned (e.g. an API client). */
  readonly providerData: P;
  /** Aborted when Terraform sends StopProvider (Ctrl-C): stop waiting and return soon. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

export interface CreateRequest<S extends SchemaDef, P> extends OperationContext<P> {
  /** The planned values; computed ones may be unknown and must be resolved in resp.state. */
  readonly plan: PlanModelOf<S>;
  readonly config: ModelOf<S>;
  readonly private: PrivateData;
}

export interface CreateResponse<S extends SchemaDef> {
  /** Starts as a copy of the plan; set every unknown value. */
  state: PlanModelOf<S>;
  private: PrivateData;
  readonly diagnostics: Diagnostics;
}

export interface ReadRequest<S extends SchemaDef, P> extends OperationContext<P> {
  readonly state: ModelOf<S>;
  readonly private: PrivateData;
}

export interface ReadResponse<S extends SchemaDef> {
  /** Starts as the prior state. Set to null when the remote object is gone. */
  state: ModelOf<S> | null;
  private: PrivateData;
  readonly diagnostics: Diagnostics;
}

export interface UpdateRequest<S extends SchemaDef, P> extends OperationContext<P> {
  readonly plan: PlanModelOf<S>;
  readonly config: ModelOf<S>;
  /** The prior state. */
  readonly state: ModelOf<S>;
  readonly private: PrivateData;
}

export type UpdateResponse<S extends SchemaDef> = CreateResponse<S>;

export interface DeleteRequest<S extends SchemaDef, P> extends OperationContext<P> {
  readonly state: ModelOf<S>;
  readonly private: PrivateData;
}

export interface DeleteResponse {
  readonly diagnostics: Diagnostics;
}

export interface ImportRequest<P> extends OperationContext<P> {
  readonly id: string;
}

export interface ImportResponse<S extends SchemaDef> {
  /** Starts with every attribute null; set what read() needs. Terraform calls read() next. */
  state: ModelOf<S>;
  private: PrivateData;
  readonly diagnostics: Diagnostics;
}

export interface ModifyPlanRequest<S extends SchemaDef, P> extends OperationContext<P> {
  /** Null when the resource is being destroyed. */
  readonly config: PlanModelOf<S> | null;
  /** Null on create. */
  readonly state: ModelOf<S> | null;
  readonly private: PrivateData;
}

export interface ModifyPlanResponse<S extends SchemaDef> {
  /** The framework's plan (defaults, unknowns, plan modifiers applied); null on destroy. */
  plan: PlanModelOf<S> | null;
  readonly requiresReplace: AttributePath[];
  private: PrivateData;
  readonly diagnostics: Diagnostics;
}

export interface ValidateConfigRequest<S extends SchemaDef, P> {
  /** Values may be unknown (variables are unknown during `terraform validate`). */
  readonly config: PlanModelOf<S>;
  readonly logger: Logger;
  readonly __provider?: P;
}

export interface ValidateConfigResponse {
  readonly diagnostics: Diagnostics;
}

export interface UpgradeStateRequest<P> extends OperationContext<P> {
  /** The stored schema version (lower than the current one). */
  readonly version: number;
  /** The stored attributes JSON, parsed losslessly (big numbers as bigint/ExactNumber). */
  readonly rawState: Record<string, unknown>;
}

export interface UpgradeStateResponse<S extends SchemaDef> {
  state: ModelOf<S> | null;
  readonly diagnostics: Diagnostics;
}

type Awaitable<T> = T | Promise<T>;

export interface ResourceDefinition<S extends SchemaDef = SchemaDef, P = unknown> {
  readonly schema: S;
  create(req: CreateRequest<S, P>, resp: CreateResponse<S>): Awaitable<void>;
  read(req: ReadRequest<S, P>, resp: ReadResponse<S>): Awaitable<void>;
  /** Omit when every configurable attribute requires replacement. */
  update?(req: UpdateRequest<S, P>, resp: UpdateResponse<S>): Awaitable<void>;
  delete(req: DeleteRequest<S, P>, resp: DeleteResponse): Awaitable<void>;
  importState?(req: ImportRequest<P>, resp: ImportResponse<S>): Awaitable<void>;
  modifyPlan?(req: ModifyPlanRequest<S, P>, resp: ModifyPlanResponse<S>): Awaitable<void>;
  validateConfig?(req: ValidateConfigRequest<S, P>, resp: ValidateConfigResponse): Awaitable<void>;
  /** Converts state stored under an older schema version to the current schema. */
  upgradeState?(req: UpgradeStateRequest<P>, resp: UpgradeStateResponse<S>): Awaitable<void>;
}

/** Import by ID into one string attribute (usually `id`). */
export function importById<S extends SchemaDef, P>(attribute: keyof ModelOf<S> & string): NonNullable<ResourceDefinition<S, P>['importState']> {
  return (req, resp) => {
    (resp.state as Record<string, unknown>)[attribute] = req.id;
  };
}

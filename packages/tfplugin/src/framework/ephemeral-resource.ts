import type { Diagnostics } from './diagnostics.js';
import type { PrivateData } from './private-state.js';
import type { OperationContext, ValidateConfigRequest, ValidateConfigResponse } from './resource.js';
import type { ModelOf, SchemaDef } from './schema.js';

// Ephemeral resources (Terraform 1.10+): opened when Terraform needs the value during one plan or
// apply, optionally renewed while that run lasts, closed at its end. Nothing of them reaches plan
// or state. Close and renew get no configuration: what they need goes into `private`.

export interface EphemeralOpenRequest<S extends SchemaDef, P> extends OperationContext<P> {
  /** Wholly known (Terraform does not open an ephemeral resource whose configuration is unknown). */
  readonly config: ModelOf<S>;
}

export interface EphemeralOpenResponse<S extends SchemaDef> {
  /** Starts as the configuration; fill the computed attributes, leave configured ones as they are. */
  result: ModelOf<S>;
  /** Handed to the first renew() and to close() of this instance (Terraform keeps it in memory only). */
  private: PrivateData;
  /** When Terraform should call renew() if the run is still going; needs renew(). */
  renewAt?: Date;
  readonly diagnostics: Diagnostics;
}

export interface EphemeralRenewRequest<P> extends OperationContext<P> {
  readonly private: PrivateData;
}

export interface EphemeralRenewResponse {
  /** Starts as the request's; what the next renew() gets (an empty object: none). close() always gets what open() set. */
  private: PrivateData;
  /** The next renewal, if another is needed; without it Terraform renews no more. */
  renewAt?: Date;
  readonly diagnostics: Diagnostics;
}

export interface EphemeralCloseRequest<P> extends OperationContext<P> {
  readonly private: PrivateData;
}

export interface EphemeralCloseResponse {
  readonly diagnostics: Diagnostics;
}

type Awaitable<T> = T | Promise<T>;

export interface EphemeralResourceDefinition<S extends SchemaDef = SchemaDef, P = unknown> {
  /** No write-only attributes here: those belong to managed resources. */
  readonly schema: S;
  open(req: EphemeralOpenRequest<S, P>, resp: EphemeralOpenResponse<S>): Awaitable<void>;
  renew?(req: EphemeralRenewRequest<P>, resp: EphemeralRenewResponse): Awaitable<void>;
  close?(req: EphemeralCloseRequest<P>, resp: EphemeralCloseResponse): Awaitable<void>;
  validateConfig?(req: ValidateConfigRequest<S, P>, resp: ValidateConfigResponse): Awaitable<void>;
}

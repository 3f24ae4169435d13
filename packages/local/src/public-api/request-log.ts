// The public API's requests as they were answered: method, path, operation and status, never a key
// or a body. Tests read it to prove what a client called (e.g. that a plan mutates nothing).
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';
import { matchOperation } from './operation-routes.js';

export interface PublicRequestEntry {
  method: string;
  path: string;
  /** The document's operation, or null when no operation has the path and method. */
  operationId: PublicOperationId | null;
  /** Whether the operation changes something (any method but GET). */
  mutating: boolean;
  status: number;
}

/** The most recent requests, oldest first; bounded so a long-running server does not grow. */
export class PublicRequestLog {
  readonly #entries: PublicRequestEntry[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(method: string, path: string, status: number): void {
    const matched = matchOperation(method, path);
    const operationId = matched === undefined || matched === 'methodMismatch' ? null : matched.id;
    const mutating = operationId === null ? method !== 'GET' : publicOperations[operationId].method !== 'get';
    this.#entries.push({ method, path, operationId, mutating, status });
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity);
  }

  entries(): readonly PublicRequestEntry[] {
    return [...this.#entries];
  }
}

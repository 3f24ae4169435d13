// Errors of the public API, in its documented body: `requestId`, `code`, `message`, `details`.
// Every key refusal is the same 403, on purpose: the answer tells no one which check failed.

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'PublicApiError';
  }

  body(requestId: string): { requestId: string; code?: number; message: string; details: unknown[] } {
    return { requestId, ...(this.code !== undefined ? { code: this.code } : {}), message: this.message, details: this.details };
  }
}

export const unauthenticated = (): PublicApiError => new PublicApiError(401, 10001, 'authentication required: add the X-Hikube-Api-Key header');
export const accessDenied = (): PublicApiError => new PublicApiError(403, 10002, 'insufficient permissions');
/** A field the request got wrong; `code` is the PostgreSQL service's validation code. */
export const invalidField = (field: string, reason: string, code = 80100): PublicApiError =>
  new PublicApiError(400, code, `invalid ${field}: ${reason}`, [{ field }]);
export const notFound = (what: string): PublicApiError => new PublicApiError(404, 80001, `${what} not found`);
export const alreadyExists = (what: string): PublicApiError => new PublicApiError(409, 80002, `${what} already exists`);
export const modeSwitch = (from: number, to: number): PublicApiError =>
  new PublicApiError(
    400,
    80201,
    `invalid replicas: a cluster cannot switch between 1 and 2-8 replicas after creation (from ${from} to ${to}); create a new cluster`,
    [{ field: 'replicas' }],
  );
/** The key store could not answer: not a refusal, the caller retries (code 10004). */
export const keyCheckUnavailable = (): PublicApiError =>
  new PublicApiError(503, 10004, 'service unavailable: the API key could not be checked right now; retry with growing delays');
export const unsupportedContentType = (mediaType: string): PublicApiError =>
  new PublicApiError(415, undefined, `unsupported Content-Type "${mediaType}": the body must be JSON; send Content-Type: application/json`);

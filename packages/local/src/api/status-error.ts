// Kubernetes `Status` failures. Every error the API returns is one of these, so kubectl prints it
// the way users know ("Error from server (NotFound): ...").

import { AlreadyExistsError, ConflictError, GoneError, NotFoundError } from '../store/errors.js';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class ApiStatusError extends Error {
  constructor(
    readonly httpCode: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiStatusError';
  }

  get code(): string {
    return `HIKUBE_LOCAL_${this.reason.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c).toUpperCase()}`;
  }

  toStatus(): StatusBody {
    const body: StatusBody = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.httpCode,
    };
    if (this.details) body.details = this.details;
    return body;
  }
}

export const badRequest = (message: string): ApiStatusError => new ApiStatusError(400, 'BadRequest', message);
export const unauthorized = (): ApiStatusError => new ApiStatusError(401, 'Unauthorized', 'Unauthorized');
export const forbidden = (message: string): ApiStatusError => new ApiStatusError(403, 'Forbidden', message);
export const notFoundPath = (): ApiStatusError => new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource');
export const methodNotAllowed = (message: string): ApiStatusError => new ApiStatusError(405, 'MethodNotAllowed', message);
export const tooLarge = (limit: number, message = `the request body is larger than ${limit} bytes`): ApiStatusError =>
  new ApiStatusError(413, 'RequestEntityTooLarge', message);
export const unsupportedMediaType = (message: string): ApiStatusError => new ApiStatusError(415, 'UnsupportedMediaType', message);
export const tooManyRequests = (): ApiStatusError => new ApiStatusError(429, 'TooManyRequests', 'too many requests in flight, please try again later');

export interface Target {
  group: string;
  plural: string;
  kind: string;
  name: string;
}

function qualified(t: Target): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function invalid(t: Target, causes: StatusCause[]): ApiStatusError {
  const kindGroup = t.group ? `${t.kind}.${t.group}` : t.kind;
  const text = causes.map((c) => (c.field && !c.message.startsWith(c.field) ? `${c.field}: ${c.message}` : c.message)).join(', ');
  const list = causes.length > 1 ? `[${text}]` : text;
  return new ApiStatusError(422, 'Invalid', `${kindGroup} "${t.name}" is invalid: ${list}`, { name: t.name, group: t.group, kind: t.kind, causes });
}

export function conflictApply(t: Target, conflicts: { manager: string; field: string }[], apiVersion: string): ApiStatusError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${apiVersion}`, field: c.field }));
  const head = conflicts.length === 1 ? 'Apply failed with 1 conflict' : `Apply failed with ${conflicts.length} conflicts`;
  const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${apiVersion}: ${c.field}`);
  return new ApiStatusError(409, 'Conflict', `${head}: ${lines.join('\n')}`, { name: t.name, group: t.group, kind: t.plural, causes });
}

/** Maps store failures (and anything unexpected) to a Status. */
export function toApiError(err: unknown, t?: Target): ApiStatusError {
  if (err instanceof ApiStatusError) return err;
  // Store messages already read `<plural>.<group> "<name>" ...`; the name comes from there because
  // a create's URL has none.
  const name = t?.name || (err instanceof Error ? (/"([^"]*)"/.exec(err.message)?.[1] ?? '') : '');
  const details = t ? { name, group: t.group, kind: t.plural } : undefined;
  if (err instanceof NotFoundError) return new ApiStatusError(404, 'NotFound', err.message, details);
  if (err instanceof AlreadyExistsError) return new ApiStatusError(409, 'AlreadyExists', t ? `${qualified(t)} "${name}" already exists` : err.message, details);
  if (err instanceof ConflictError) return new ApiStatusError(409, 'Conflict', err.message, details);
  if (err instanceof GoneError) return new ApiStatusError(410, 'Expired', err.message);
  return new ApiStatusError(500, 'InternalError', 'an error on the server has prevented the request from succeeding');
}

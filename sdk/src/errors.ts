import type { Status, StatusCause } from './generated/types.js';
import type { ValidationIssue } from './validation/validation-issue.js';

/** Which object a call was about, for messages. */
export interface ResourceRef {
  kind: string;
  name?: string | undefined;
  namespace?: string | undefined;
}

export function describeResource(ref: ResourceRef | undefined): string {
  if (!ref) return 'the request';
  const name = ref.name ? ` "${ref.name}"` : 's';
  const where = ref.namespace ? ` in namespace "${ref.namespace}"` : '';
  return `${ref.kind}${name}${where}`;
}

/** Base of every error the SDK throws; `code` is stable and safe to branch on. */
export class HikubeError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The API answered with an error `Status`. */
export class ApiError extends HikubeError {
  /** HTTP status code. */
  readonly statusCode: number;
  /** Kubernetes `Status.reason` (e.g. `NotFound`), when the server sent one. */
  readonly reason: string | undefined;
  /** The full `Status` body, when the server sent one. */
  readonly status: Status | undefined;
  readonly resource: ResourceRef | undefined;
  constructor(code: string, message: string, statusCode: number, status: Status | undefined, resource: ResourceRef | undefined) {
    super(code, message);
    this.statusCode = statusCode;
    this.status = status;
    this.reason = status?.reason;
    this.resource = resource;
  }
}

export class NotFoundError extends ApiError {}
export class AlreadyExistsError extends ApiError {}
export class ConflictError extends ApiError {}
/** 410: a watch or list `continue` token is too old; list again. */
export class GoneError extends ApiError {}
export class UnauthorizedError extends ApiError {}
export class ForbiddenError extends ApiError {}
export class ServerError extends ApiError {}
/** A 2xx answer that is not what the call reads: not JSON, or not the object asked for (e.g. a proxy's page). */
export class BadResponseError extends ApiError {}

/** 422: the server rejected fields; `causes` say which. */
export class InvalidError extends ApiError {
  readonly causes: StatusCause[];
  constructor(message: string, statusCode: number, status: Status | undefined, resource: ResourceRef | undefined) {
    super('HIKUBE_API_INVALID', message, statusCode, status, resource);
    this.causes = status?.details?.causes ?? [];
  }
}

export class TooManyRequestsError extends ApiError {
  /** Seconds the server asked us to wait, from `Retry-After` or the Status details. */
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, statusCode: number, status: Status | undefined, resource: ResourceRef | undefined, retryAfterSeconds: number | undefined) {
    super('HIKUBE_API_TOO_MANY_REQUESTS', message, statusCode, status, resource);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The call did not finish within its timeout or deadline. */
export class TimeoutError extends HikubeError {
  constructor(message: string, options?: ErrorOptions, code = 'HIKUBE_TIMEOUT') {
    super(code, message, options);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends HikubeError {
  constructor(message: string, options?: ErrorOptions) {
    super('HIKUBE_ABORTED', message, options);
  }
}

/** No usable HTTP exchange: connection refused or reset, TLS failure, DNS. `cause` is the undici error. */
export class NetworkError extends HikubeError {
  constructor(message: string, options?: ErrorOptions) {
    super('HIKUBE_NETWORK', message, options);
  }
}

/** Input rejected before any network call. */
export class ValidationError extends HikubeError {
  readonly issues: ValidationIssue[];
  constructor(what: string, issues: ValidationIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.message}`).join('\n');
    super('HIKUBE_VALIDATION', `${what} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was sent:\n${lines}`);
    this.issues = issues;
  }
}

/** The kubeconfig or client options cannot be used (missing server, unreadable file, failed exec plugin). */
export class ConfigError extends HikubeError {
  constructor(message: string, options?: ErrorOptions) {
    super('HIKUBE_CONFIG', message, options);
  }
}

const advice: Record<number, string> = {
  400: 'check the request',
  401: 'your credentials were refused: refresh the token or kubeconfig',
  403: 'your tenant may not do this: check the namespace and your role',
  404: 'check the name and namespace',
  409: 'read the object again and retry with its current resourceVersion',
  410: 'the resourceVersion is too old: list again',
  422: 'fix the fields named below',
  429: 'the server is throttling: retry later',
};

/** Maps an HTTP error and its `Status` body to the matching class. */
export function errorFromResponse(statusCode: number, body: unknown, resource: ResourceRef | undefined, retryAfterSeconds?: number): ApiError {
  const status = isStatus(body) ? body : undefined;
  const reason = status?.reason;
  const what = describeResource(resource);
  const serverMessage = status?.message ? `: ${status.message}` : '';
  const causes = status?.details?.causes ?? [];
  const causeText = causes.length > 0 ? `\n${causes.map((cause) => `  - ${cause.field ?? ''}: ${cause.message ?? cause.reason ?? ''}`).join('\n')}` : '';
  const fix = advice[statusCode] ?? (statusCode >= 500 ? 'the server failed: retry later' : 'see the server message');
  const head = (happened: string) => `${what} ${happened} (HTTP ${statusCode}${reason ? ` ${reason}` : ''}${serverMessage}); ${fix}${causeText}`;

  if (statusCode === 404) return new NotFoundError('HIKUBE_API_NOT_FOUND', head('was not found'), statusCode, status, resource);
  if (statusCode === 409 && reason === 'AlreadyExists') {
    return new AlreadyExistsError(
      'HIKUBE_API_ALREADY_EXISTS',
      `${what} already exists (HTTP 409 AlreadyExists${serverMessage}); choose another name or update the existing object`,
      statusCode,
      status,
      resource,
    );
  }
  if (statusCode === 409) return new ConflictError('HIKUBE_API_CONFLICT', head('was changed by someone else'), statusCode, status, resource);
  if (statusCode === 410) return new GoneError('HIKUBE_API_GONE', head('is gone'), statusCode, status, resource);
  if (statusCode === 422) return new InvalidError(head('was rejected as invalid'), statusCode, status, resource);
  if (statusCode === 401) return new UnauthorizedError('HIKUBE_API_UNAUTHORIZED', head('was refused'), statusCode, status, resource);
  if (statusCode === 403) return new ForbiddenError('HIKUBE_API_FORBIDDEN', head('is forbidden'), statusCode, status, resource);
  if (statusCode === 429) {
    return new TooManyRequestsError(head('was throttled'), statusCode, status, resource, retryAfterSeconds ?? status?.details?.retryAfterSeconds);
  }
  if (statusCode >= 500) return new ServerError('HIKUBE_API_SERVER_ERROR', head('failed on the server'), statusCode, status, resource);
  return new ApiError('HIKUBE_API_ERROR', head('failed'), statusCode, status, resource);
}

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}

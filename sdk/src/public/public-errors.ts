import { HikubeError } from '../errors.js';
import { errorBodySchema } from '../generated/public/zod.js';

/** What a failed call was about, for messages. */
export interface PublicCallContext {
  operationId: string;
  /** e.g. `cluster "demopg"`, `the clusters of project 0192...`. */
  resource: string;
  /** The weakest key scope the operation needs. */
  scope: string | undefined;
  /** The key as it may be shown (`sk_hk_<keyId>_***`). */
  key: string;
  projectId: string;
}

/** The public API answered with an error. `code` is ours and stable; `apiCode` is the API's number. */
export class PublicApiError extends HikubeError {
  readonly statusCode: number;
  /** The API's numeric code (e.g. 10002, 80201), when the body had one. */
  readonly apiCode: number | undefined;
  /** Give it to Hikube support; read from `requestId` or `request_id`. */
  readonly requestId: string | undefined;
  /** The API's own message, when the body was the documented JSON. */
  readonly serverMessage: string | undefined;
  readonly details: unknown[];
  readonly operationId: string;

  constructor(code: string, message: string, statusCode: number, body: ParsedErrorBody, operationId: string) {
    super(code, message);
    this.statusCode = statusCode;
    this.apiCode = body.apiCode;
    this.requestId = body.requestId;
    this.serverMessage = body.message;
    this.details = body.details;
    this.operationId = operationId;
  }
}

export class PublicBadRequestError extends PublicApiError {}
export class PublicUnauthorizedError extends PublicApiError {}
export class PublicForbiddenError extends PublicApiError {}
export class PublicNotFoundError extends PublicApiError {}
export class PublicAlreadyExistsError extends PublicApiError {}
export class PublicConflictError extends PublicApiError {}
export class PublicServerError extends PublicApiError {}
/** 503 or code 10004: temporarily unavailable; the one answer worth retrying as is. */
export class PublicUnavailableError extends PublicApiError {}
/** An answer that is not what the operation documents: not JSON, or not the documented shape. */
export class PublicBadResponseError extends PublicApiError {}

export interface ParsedErrorBody {
  apiCode: number | undefined;
  requestId: string | undefined;
  message: string | undefined;
  details: unknown[];
  /** Set when the body was not the documented JSON; a short, single-line excerpt. */
  excerpt: string | undefined;
}

function excerptOf(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** Reads an error body in either documented spelling; anything else keeps only an excerpt. */
function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { apiCode: undefined, requestId: undefined, message: undefined, details: [], excerpt: excerptOf(text) };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success || typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { apiCode: undefined, requestId: undefined, message: undefined, details: [], excerpt: excerptOf(text) };
  }
  const body = parsed.data;
  const requestId = body.requestId || body.request_id || undefined;
  return { apiCode: body.code, requestId, message: body.message || undefined, details: body.details ?? [], excerpt: undefined };
}

const modeSwitchCodes = new Set([80201]);
const alreadyExistsCodes = new Set([80002]);

function advice(statusCode: number, body: ParsedErrorBody, context: PublicCallContext, isCreate: boolean): string {
  if (statusCode === 401) return 'no API key reached the API: check that nothing between you and the API strips the X-Hikube-Api-Key header';
  if (statusCode === 403) {
    return [
      'the API gives this one answer for three causes; check them in this order:',
      `(1) the API key ${context.key} exists and is neither revoked nor expired;`,
      `(2) the project id ${context.projectId} is the key's project;`,
      `(3) the key's scope allows this call${context.scope ? ` (it needs ${context.scope})` : ''}`,
    ].join(' ');
  }
  if (statusCode === 404) return 'check the name, and that it belongs to this project';
  if (statusCode === 409) {
    if (isCreate || (body.apiCode !== undefined && alreadyExistsCodes.has(body.apiCode)))
      return 'the name is taken: choose another one, or read the existing resource';
    return 'it is in use or was changed at the same time: read it again, then retry';
  }
  if (statusCode === 400 && body.apiCode !== undefined && modeSwitchCodes.has(body.apiCode)) {
    return 'a cluster cannot switch between 1 replica (standalone) and 2-8 replicas after creation: keep the mode, or create a new cluster';
  }
  if (statusCode === 400) return 'fix the request as the message says; it is not retried';
  if (statusCode === 503 || body.apiCode === 10004) return 'the API is temporarily unavailable: retry with growing delays';
  if (statusCode >= 500) return 'retry later; if it lasts, give the request id to Hikube support';
  return 'see the message';
}

/** Maps an HTTP error answer to the matching class, with a message that says what to do. */
export function publicErrorFromResponse(statusCode: number, text: string, context: PublicCallContext, isCreate = false): PublicApiError {
  const body = parseErrorBody(text);
  const said = body.message ?? (body.excerpt !== undefined ? `the body was not the documented JSON: ${body.excerpt}` : undefined);
  const code = body.apiCode !== undefined ? `, code ${body.apiCode}` : '';
  const request = body.requestId !== undefined ? ` (request id ${body.requestId})` : '';
  const message =
    `${context.operationId} on ${context.resource} failed (HTTP ` +
    `${statusCode}${code}${said ? `: ${said}` : ''}); ` +
    `${advice(statusCode, body, context, isCreate)}${request}`;
  const make = (Class: typeof PublicApiError, ours: string) => new Class(ours, message, statusCode, body, context.operationId);

  if (statusCode === 503 || body.apiCode === 10004) return make(PublicUnavailableError, 'HIKUBE_API_UNAVAILABLE');
  if (statusCode === 400) {
    const modeSwitch = body.apiCode !== undefined && modeSwitchCodes.has(body.apiCode);
    return make(PublicBadRequestError, modeSwitch ? 'HIKUBE_API_MODE_SWITCH_REFUSED' : 'HIKUBE_API_BAD_REQUEST');
  }
  if (statusCode === 401) return make(PublicUnauthorizedError, 'HIKUBE_API_UNAUTHORIZED');
  if (statusCode === 403) return make(PublicForbiddenError, 'HIKUBE_API_FORBIDDEN');
  if (statusCode === 404) return make(PublicNotFoundError, 'HIKUBE_API_NOT_FOUND');
  if (statusCode === 409) {
    const exists = isCreate || (body.apiCode !== undefined && alreadyExistsCodes.has(body.apiCode));
    return exists ? make(PublicAlreadyExistsError, 'HIKUBE_API_ALREADY_EXISTS') : make(PublicConflictError, 'HIKUBE_API_CONFLICT');
  }
  if (statusCode >= 500) return make(PublicServerError, 'HIKUBE_API_SERVER_ERROR');
  return make(PublicApiError, 'HIKUBE_API_ERROR');
}

/** A success answer that cannot be read as the operation's documented body. */
export function publicBadResponse(statusCode: number, what: string, context: PublicCallContext): PublicBadResponseError {
  const body: ParsedErrorBody = { apiCode: undefined, requestId: undefined, message: undefined, details: [], excerpt: undefined };
  return new PublicBadResponseError(
    'HIKUBE_API_BAD_RESPONSE',
    `${context.operationId} on ${context.resource} answered HTTP ${statusCode} with ${what}; is the base URL the Hikube API (not a proxy or a web page)?`,
    statusCode,
    body,
    context.operationId,
  );
}

/** The resource changed since the caller read it (its `updatedAt` moved); nothing was sent. */
export function changedSinceRead(operationId: string, resource: string, expected: string, found: string | undefined): PublicConflictError {
  const body: ParsedErrorBody = { apiCode: undefined, requestId: undefined, message: undefined, details: [], excerpt: undefined };
  return new PublicConflictError(
    'HIKUBE_API_CONFLICT',
    `${resource} changed since it was read (updatedAt ${expected}, now ${found ?? 'absent'}); nothing was sent: read it again, then apply the change`,
    409,
    body,
    operationId,
  );
}

import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import {
  AbortError,
  ApiError,
  BadResponseError,
  ConfigError,
  HikubeError,
  NetworkError,
  TimeoutError,
  UnauthorizedError,
  errorFromResponse,
  describeResource,
} from '../errors.js';
import type { ResourceRef } from '../errors.js';
import { Call, DeadlineReached, Deadlines } from './call-deadline.js';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, sleep, type RetryPolicy } from './backoff.js';
import { TokenFileReader, type Connection } from './connection.js';
import { parseJsonBody, SPLIT_THRESHOLD_BYTES } from './json-body.js';
import { redactHeaders, scrub, secretValues, type LogEvent, type Logger } from './log-event.js';

/**
 * Which failures a call may retry:
 * - `idempotent`: 429, 5xx and connection failures (GET, DELETE, merge PATCH, watch);
 * - `responses`: only 429 and 5xx answers, where the server did not apply the request (PUT with a resourceVersion);
 * - `create`: like idempotent; the caller recognises an AlreadyExists caused by its own lost attempt.
 */
export type RetryMode = 'idempotent' | 'responses' | 'create';

export interface CallOptions {
  /** Cancels the call; the call rejects with AbortError. */
  signal?: AbortSignal | undefined;
  /** Milliseconds for the whole call including retries; rejects with TimeoutError. */
  timeout?: number | undefined;
}

export interface RequestSpec extends CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  body?: unknown;
  contentType?: string;
  retry: RetryMode;
  resource?: ResourceRef | undefined;
  /** A read of one object: the answer must be an object with this `metadata.name`. */
  expectName?: string | undefined;
}

export interface TransportOptions {
  connection: Connection;
  /** Default per-call timeout in ms (30 000). */
  timeout?: number;
  retry?: Partial<RetryPolicy> | false;
  logger?: Logger | undefined;
  /** Keep-alive connections in the pool (default 16). */
  connections?: number;
  userAgent?: string;
}

const retryableNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const tlsHint = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** Attached to errors so callers can tell a first failure from one after retries. */
export function attemptsOf(error: unknown): number {
  return error instanceof HikubeError ? ((error as HikubeError & { attempts?: number }).attempts ?? 1) : 1;
}

function withAttempts<E extends Error>(error: E, attempts: number): E {
  Object.defineProperty(error, 'attempts', { value: attempts, enumerable: false, configurable: true, writable: true });
  return error;
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** HTTP over one undici keep-alive pool: auth, deadlines, retries, error mapping and the log hook. Knows no kinds. */
export class HttpTransport {
  readonly connection: Connection;
  readonly #timeout: number;
  readonly #policy: RetryPolicy;
  readonly #logger: Logger | undefined;
  readonly #connections: number;
  readonly #userAgent: string;
  readonly #tokenFile: TokenFileReader | undefined;
  readonly #deadlines = new Deadlines();
  #pool: Pool | undefined;
  #poolPending: Promise<Pool> | undefined;

  constructor(options: TransportOptions) {
    this.connection = options.connection;
    this.#timeout = options.timeout ?? 30_000;
    this.#policy = options.retry === false ? { ...defaultRetryPolicy, attempts: 1 } : { ...defaultRetryPolicy, ...options.retry };
    this.#logger = options.logger;
    this.#connections = options.connections ?? 16;
    this.#userAgent = options.userAgent ?? 'hikube-sdk/0.1';
    this.#tokenFile = this.connection.auth.kind === 'tokenFile' ? new TokenFileReader(this.connection.auth.path) : undefined;
  }

  /** Hands an event to the caller's log hook (resources report warnings through it). */
  log(event: LogEvent): void {
    this.#logger?.(event);
  }

  async close(): Promise<void> {
    const pool = this.#pool ?? (await this.#poolPending?.catch(() => undefined));
    this.#pool = undefined;
    await pool?.close();
  }

  async #getPool(): Promise<Pool> {
    if (this.#pool) return this.#pool;
    this.#poolPending ??= (async () => {
      const tls = { ...this.connection.tls };
      // An exec plugin may hand out a client certificate instead of a token; it must be in the pool's TLS options.
      if (this.connection.auth.kind === 'exec') {
        const credential = this.connection.auth.source.last ?? (await this.connection.auth.source.get());
        if (credential.certData && credential.keyData) Object.assign(tls, { cert: credential.certData, key: credential.keyData });
      }
      const pool = new Pool(this.connection.origin, {
        connections: this.#connections,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        connect: { ...tls },
      });
      this.#pool = pool;
      return pool;
    })();
    return this.#poolPending;
  }

  // Synchronous unless an exec plugin must run: an await per call costs microtask turns on every request.
  #headers(spec: RequestSpec): Record<string, string> | Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.#userAgent };
    if (spec.body !== undefined) headers['content-type'] = spec.contentType ?? 'application/json';
    const auth = this.connection.auth;
    if (auth.kind === 'token') headers['authorization'] = `Bearer ${auth.token}`;
    else if (auth.kind === 'tokenFile' && this.#tokenFile) headers['authorization'] = `Bearer ${this.#tokenFile.read()}`;
    else if (auth.kind === 'basic') headers['authorization'] = auth.header;
    else if (auth.kind === 'exec') {
      return auth.source.get().then((credential) => {
        if (credential.token !== undefined) headers['authorization'] = `Bearer ${credential.token}`;
        return headers;
      });
    }
    return headers;
  }

  /** One JSON call; resolves with the parsed body of a 2xx answer, rejects with the SDK's error family. */
  async request<T>(spec: RequestSpec): Promise<T> {
    const call = this.#startCall(spec);
    try {
      const response = await this.#send(spec, call, false);
      // A body announced as small is read as text; others (large, or chunked like the API server's
      // lists) as bytes, which a list is parsed from item by item.
      const announced = Number(response.headers['content-length']);
      let body: string | Buffer;
      try {
        body = announced < SPLIT_THRESHOLD_BYTES ? await response.body.text() : Buffer.from(await response.body.arrayBuffer());
      } catch (error) {
        throw this.#mapThrown(error, spec, call);
      }
      // The response is parsed once and checked only for the shape callers rely on: a full schema
      // validation of every answer would cost more than the rest of the call.
      let value: unknown;
      try {
        value = typeof body === 'string' ? (body === '' ? undefined : JSON.parse(body)) : parseJsonBody(body);
      } catch {
        throw this.#badResponse(spec, response.statusCode, 'a body that is not JSON');
      }
      if (spec.expectName !== undefined && (value as { metadata?: { name?: unknown } } | undefined)?.metadata?.name !== spec.expectName) {
        throw this.#badResponse(spec, response.statusCode, `something other than the object named "${spec.expectName}"`);
      }
      return value as T;
    } finally {
      call.end();
    }
  }

  /** Opens a streaming GET (watch); the caller reads and closes the body. No deadline applies once headers arrive. */
  async stream(spec: RequestSpec): Promise<Dispatcher.ResponseData['body']> {
    const call = this.#startCall(spec);
    try {
      const response = await this.#send(spec, call, true);
      call.stopClock();
      // The caller's signal keeps aborting the stream until it closes.
      response.body.once('close', () => call.end());
      return response.body;
    } catch (error) {
      call.end();
      throw error;
    }
  }

  #startCall(spec: RequestSpec): Call {
    return new Call(spec.signal, spec.timeout ?? this.#timeout, this.#deadlines);
  }

  async #send(spec: RequestSpec, call: Call, streaming: boolean): Promise<Dispatcher.ResponseData> {
    const pathWithQuery = `${this.connection.basePath}${spec.path}${queryString(spec.query)}`;
    const signal = spec.signal;
    if (signal?.aborted)
      throw new AbortError(`${spec.method} ${describeResource(spec.resource)} was aborted by the caller's signal before it was sent`, { cause: signal.reason });
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let refreshedCredential = false;
    for (let attempt = 1; ; attempt += 1) {
      let failure: HikubeError;
      let retryAfterMs: number | undefined;
      const attemptStarted = Date.now();
      try {
        if (call.timedOut || attemptStarted >= call.deadline) throw new DeadlineReached();
        const pendingHeaders = this.#headers(spec);
        const headers = pendingHeaders instanceof Promise ? await pendingHeaders : pendingHeaders;
        const pool = this.#pool ?? (await this.#getPool());
        this.#logger?.({ type: 'request', method: spec.method, path: pathWithQuery, attempt, headers: redactHeaders(headers) });
        const options: Dispatcher.RequestOptions = { method: spec.method, path: pathWithQuery, headers, body: payload ?? null, signal: call.abort };
        if (streaming) options.bodyTimeout = 0;
        const response = await call.wait(pool.request(options));
        this.#logger?.({
          type: 'response',
          method: spec.method,
          path: pathWithQuery,
          attempt,
          statusCode: response.statusCode,
          durationMs: Date.now() - attemptStarted,
        });
        if (response.statusCode < 400) return response;
        const text = await response.body.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        // A server may echo a rejected value (e.g. `Invalid value: "<password>"`): scrub what we sent
        // as secrets, and the bearer token, before the Status reaches an error message or the log.
        parsed = scrub(parsed, this.#secretsOf(spec, headers));
        retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        failure = errorFromResponse(response.statusCode, parsed, spec.resource, retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000));
        // A refused exec credential may just be stale: fetch a fresh one once, like kubectl.
        if (failure instanceof UnauthorizedError && this.connection.auth.kind === 'exec' && !refreshedCredential) {
          refreshedCredential = true;
          this.connection.auth.source.invalidate();
          this.#logger?.({ type: 'credential', source: 'exec', message: 'credential refused (401); running the exec plugin again' });
          attempt -= 1;
          continue;
        }
      } catch (error) {
        failure = this.#mapThrown(error, spec, call);
        if (failure instanceof AbortError || failure instanceof TimeoutError || failure instanceof ConfigError) throw withAttempts(failure, attempt);
      }
      this.#logger?.({ type: 'error', method: spec.method, path: pathWithQuery, attempt, code: failure.code, message: failure.message });
      if (!this.#retryable(failure, spec.retry) || attempt >= this.#policy.attempts) throw withAttempts(failure, attempt);
      const delay = retryAfterMs ?? backoffDelay(this.#policy, attempt);
      if (Date.now() + delay >= call.deadline) throw withAttempts(failure, attempt);
      this.#logger?.({ type: 'retry', method: spec.method, path: pathWithQuery, attempt, delayMs: delay, reason: failure.code });
      try {
        await sleep(delay, signal);
      } catch (error) {
        throw withAttempts(this.#mapThrown(error, spec, call), attempt);
      }
    }
  }

  #badResponse(spec: RequestSpec, statusCode: number, what: string): BadResponseError {
    return new BadResponseError(
      'HIKUBE_API_BAD_RESPONSE',
      `${spec.method} ${describeResource(spec.resource)}: the server answered HTTP ${statusCode} with ` +
        `${what}; check that the server address is the Kubernetes API (not a proxy or web page)`,
      statusCode,
      undefined,
      spec.resource,
    );
  }

  #secretsOf(spec: RequestSpec, headers: Record<string, string>): string[] {
    const secrets = secretValues(spec.body);
    const authorization = headers['authorization'];
    if (authorization !== undefined) secrets.push(authorization.slice(authorization.indexOf(' ') + 1));
    return secrets;
  }

  #retryable(error: HikubeError, mode: RetryMode): boolean {
    if (error instanceof ApiError) return error.statusCode === 429 || (error.statusCode >= 500 && error.statusCode !== 501);
    if (error instanceof NetworkError) return mode !== 'responses' && retryableNetworkCodes.has((error.cause as { code?: string } | undefined)?.code ?? '');
    return false;
  }

  #mapThrown(error: unknown, spec: RequestSpec, call: Call): HikubeError {
    const what = describeResource(spec.resource);
    if (error instanceof HikubeError) return error;
    const code = (error as { code?: string } | undefined)?.code ?? '';
    if (spec.signal?.aborted) return new AbortError(`${spec.method} ${what} was aborted by the caller's signal`, { cause: spec.signal.reason });
    if (call.timedOut || error instanceof DeadlineReached || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new TimeoutError(`${spec.method} ${what} did not finish within ${call.timeout} ms; raise the \`timeout\` option or check the server`, {
        cause: error,
      });
    }
    const message = (error as Error).message ?? String(error);
    if (tlsHint.test(code) || tlsHint.test(message)) {
      return new NetworkError(
        `TLS to ${this.connection.origin} failed for ${what} (${code || message}); check the CA (certificate-authority) and the server name`,
        { cause: error },
      );
    }
    return new NetworkError(
      `${spec.method} ${what} could not reach ${this.connection.origin} (${code || message}); check the server address and your network`,
      { cause: error },
    );
  }
}

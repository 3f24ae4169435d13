import { Pool, type Dispatcher } from 'undici';
import { AbortError, NetworkError, TimeoutError, ValidationError } from '../errors.js';
import { ResponseShapeError } from '../generated/public/readers.js';
import { publicOperations, type PublicOperationId } from '../generated/public/rules.js';
import { backoffDelay, sleep, type RetryPolicy } from '../transport/backoff.js';
import { exchange, type BufferedAnswer } from '../transport/buffered-exchange.js';
import { Call, Deadlines } from '../transport/call-deadline.js';
import type { PublicClientOptions, PublicConfig } from './public-config.js';
import { publicBadResponse, publicErrorFromResponse, PublicUnavailableError, type PublicCallContext } from './public-errors.js';

// Hikube asks clients to retry 503 (and 10004, a key that could not be checked) with growing
// delays: 1 s, 2 s, 4 s... Nothing else is replayed: a 500 or a lost answer may have done the work.
const defaultPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const defaultTimeoutMs = 60_000;

export interface PublicCall {
  operationId: PublicOperationId;
  /** Path parameters other than `projectId`, which comes from the configuration. */
  params?: Record<string, string>;
  body?: unknown;
  /** What the call is about, for messages: `cluster "demopg"`. */
  resource: string;
  signal?: AbortSignal | undefined;
}

/** What the client needs of one operation, worked out once per client. */
interface Route {
  method: Dispatcher.HttpMethod;
  /** The path in pieces: literal text at even places, parameter names at odd places (the project id already filled in). */
  parts: string[];
  isCreate: boolean;
  response: string | null;
}

/**
 * One HTTP exchange per operation of the public API: path from the operations table, key header,
 * JSON, typed errors. One keep-alive pool to the API's origin, one timer for every call's deadline,
 * and answers read whole by the SDK's own undici handler: per call, a URL to parse, a timer to set
 * or a stream to read costs as much as the rest of the client.
 */
export class PublicHttp {
  readonly #config: PublicConfig;
  readonly #dispatcher: Dispatcher;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #deadlines = new Deadlines();
  readonly #routes = new Map<PublicOperationId, Route>();
  /** The same headers on every call (undici only reads them). */
  readonly #headers: { read: Record<string, string>; write: Record<string, string> };

  /** `dispatcher` is for the SDK's own contract suite (e.g. to drop the key header on the way); closed by `close()`. */
  constructor(config: PublicConfig, options: Pick<PublicClientOptions, 'retry' | 'timeoutMs'> & { dispatcher?: Dispatcher } = {}) {
    this.#config = config;
    this.#dispatcher = options.dispatcher ?? new Pool(config.origin, { connect: config.ca ? { ca: config.ca } : {} });
    this.#policy = { ...defaultPolicy, ...options.retry };
    this.#timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const read = { 'x-hikube-api-key': config.apiKey.header(), accept: 'application/json' };
    this.#headers = { read, write: { ...read, 'content-type': 'application/json' } };
  }

  get projectId(): string {
    return this.#config.projectId;
  }

  /**
   * The 2xx answer read with `read` (a generated reader: as the document's zod response form,
   * faster); an error answer throws the matching PublicApiError. A 503 (or code 10004) is retried
   * with growing, jittered delays while the call's deadline allows. One async function per call,
   * retries included: each await on the way costs a turn of the event loop's microtask queue.
   */
  async call<T>(call: PublicCall, read: (value: unknown) => T): Promise<T> {
    const route = this.#route(call.operationId);
    const options: Dispatcher.DispatchOptions = {
      origin: this.#config.origin,
      path: this.#path(call, route.parts),
      method: route.method,
      headers: call.body === undefined ? this.#headers.read : this.#headers.write,
      body: call.body === undefined ? null : JSON.stringify(call.body),
    };
    // One deadline for the call, retries included.
    const clock = new Call(call.signal, this.#timeoutMs, this.#deadlines);
    try {
      for (let attempt = 1; ; attempt += 1) {
        let answer: BufferedAnswer;
        try {
          if (call.signal?.aborted) throw call.signal.reason;
          answer = await exchange(this.#dispatcher, options, clock);
        } catch (error) {
          throw this.#unanswered(call, clock, error);
        }
        if (answer.statusCode >= 200 && answer.statusCode <= 299) return this.#read(call, route, answer, read);
        const error = publicErrorFromResponse(answer.statusCode, answer.text, this.#context(call), route.isCreate);
        if (!(error instanceof PublicUnavailableError) || attempt >= this.#policy.attempts) throw error;
        const delay = backoffDelay(this.#policy, attempt);
        if (Date.now() + delay >= clock.deadline) throw error;
        try {
          await sleep(delay, call.signal);
        } catch (cause) {
          throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause });
        }
      }
    } finally {
      clock.end();
    }
  }

  /** The error for an attempt that got no answer: aborted by the caller, past the deadline, or the network's. */
  #unanswered(call: PublicCall, clock: Call, error: unknown): Error {
    if (call.signal?.aborted) return new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause: error });
    if (clock.timedOut) {
      return new TimeoutError(`${call.operationId} on ${call.resource} got no answer within ${this.#timeoutMs} ms; raise timeoutMs or check the network`, {
        cause: error,
      });
    }
    return new NetworkError(
      `${call.operationId} on ${call.resource} could not reach ${this.#config.origin}: ${(error as Error).message}; check HIKUBE_API and the network`,
      { cause: error },
    );
  }

  /** A 2xx answer's body, read with the operation's reader; anything else is a PublicBadResponseError. */
  #read<T>(call: PublicCall, route: Route, answer: BufferedAnswer, read: (value: unknown) => T): T {
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw publicBadResponse(answer.statusCode, 'a body that is not JSON', this.#context(call));
    }
    try {
      return read(json);
    } catch (error) {
      if (!(error instanceof ResponseShapeError)) throw error;
      throw publicBadResponse(
        answer.statusCode,
        `a body that is not the documented ${route.response ?? 'answer'} (at ${error.path || '(the body)'})`,
        this.#context(call),
      );
    }
  }

  /** What a failed call was about, for its error; built only then. */
  #context(call: PublicCall): PublicCallContext {
    return {
      operationId: call.operationId,
      resource: call.resource,
      scope: publicOperations[call.operationId].scope,
      key: this.#config.apiKey.toString(),
      projectId: this.#config.projectId,
    };
  }

  /** The operation's method, path pieces and kind, worked out on its first call. */
  #route(operationId: PublicOperationId): Route {
    let route = this.#routes.get(operationId);
    if (route === undefined) {
      const operation = publicOperations[operationId];
      const parts = `${this.#config.basePath}${operation.path}`.split(/\{(\w+)\}/);
      // The project id is the client's, the same on every call: it joins the literal text around it.
      for (let i = 1; i < parts.length; i += 2) {
        if (parts[i] !== 'projectId') continue;
        parts.splice(i - 1, 3, `${parts[i - 1] ?? ''}${encodeURIComponent(this.#config.projectId)}${parts[i + 1] ?? ''}`);
        i -= 2;
      }
      route = {
        method: operation.method.toUpperCase() as Dispatcher.HttpMethod,
        parts,
        isCreate: operation.method === 'post' && operation.requestBody !== null,
        response: operation.response,
      };
      this.#routes.set(operationId, route);
    }
    return route;
  }

  /** The operation's path with the call's parameters. */
  #path(call: PublicCall, parts: string[]): string {
    let path = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] as string;
      const value = call.params?.[name];
      if (value === undefined || value === '') {
        // An empty name would address the collection instead (a list, or worse a create).
        throw new ValidationError(`${call.operationId} on ${call.resource}`, [{ path: name, rule: 'required', message: `${name} must not be empty` }]);
      }
      path += encodeURIComponent(value) + (parts[i + 1] as string);
    }
    return path;
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

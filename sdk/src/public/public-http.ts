import { Pool, type Dispatcher } from 'undici';
import { AbortError, NetworkError, TimeoutError, ValidationError } from '../errors.js';
import { ResponseShapeError } from '../generated/public/readers.js';
import { publicOperations, type PublicOperationId } from '../generated/public/rules.js';
import { backoffDelay, sleep, type RetryPolicy } from '../transport/backoff.js';
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

/**
 * One HTTP exchange per operation of the public API: path from the operations table, key header,
 * JSON, typed errors. One keep-alive pool to the API's origin, and one timer for every call's
 * deadline: per call, a URL to parse or a timer to set costs as much as the rest of the client.
 */
export class PublicHttp {
  readonly #config: PublicConfig;
  readonly #dispatcher: Dispatcher;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #deadlines = new Deadlines();
  readonly #templates = new Map<string, string[]>();
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
   * The 2xx answer read with `read` (a generated reader: as the document's zod response form, faster); an error answer throws the matching PublicApiError. A 503
   * (or code 10004) is retried with growing, jittered delays while the call's deadline allows.
   */
  async call<T>(call: PublicCall, read: (value: unknown) => T): Promise<T> {
    // One deadline for the call, retries included.
    const clock = new Call(call.signal, this.#timeoutMs, this.#deadlines);
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.#once(call, read, clock);
        } catch (error) {
          if (!(error instanceof PublicUnavailableError) || attempt >= this.#policy.attempts) throw error;
          const delay = backoffDelay(this.#policy, attempt);
          if (Date.now() + delay >= clock.deadline) throw error;
          try {
            await sleep(delay, call.signal);
          } catch (cause) {
            throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause });
          }
        }
      }
    } finally {
      clock.end();
    }
  }

  async #once<T>(call: PublicCall, read: (value: unknown) => T, clock: Call): Promise<T> {
    const operation = publicOperations[call.operationId];
    const path = this.#path(call, operation.path);
    const headers = call.body === undefined ? this.#headers.read : this.#headers.write;

    let answer: Dispatcher.ResponseData;
    let body: string;
    try {
      if (call.signal?.aborted) throw call.signal.reason;
      const options: Dispatcher.RequestOptions = {
        origin: this.#config.origin,
        path,
        method: operation.method.toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        signal: clock.abort,
      };
      answer = await clock.wait(this.#dispatcher.request(options));
      body = await answer.body.text();
    } catch (error) {
      if (call.signal?.aborted) throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause: error });
      if (clock.timedOut) {
        throw new TimeoutError(`${call.operationId} on ${call.resource} got no answer within ${this.#timeoutMs} ms; raise timeoutMs or check the network`, { cause: error });
      }
      throw new NetworkError(
        `${call.operationId} on ${call.resource} could not reach ${this.#config.origin}: ${(error as Error).message}; check HIKUBE_API and the network`,
        { cause: error },
      );
    }

    const isCreate = operation.method === 'post' && operation.requestBody !== null;
    if (answer.statusCode < 200 || answer.statusCode > 299) throw publicErrorFromResponse(answer.statusCode, body, this.#context(call), isCreate);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw publicBadResponse(answer.statusCode, 'a body that is not JSON', this.#context(call));
    }
    try {
      return read(json);
    } catch (error) {
      if (!(error instanceof ResponseShapeError)) throw error;
      throw publicBadResponse(answer.statusCode, `a body that is not the documented ${operation.response ?? 'answer'} (at ${error.path || '(the body)'})`, this.#context(call));
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

  /** The operation's path with its parameters; the template is split once per operation. */
  #path(call: PublicCall, template: string): string {
    let parts = this.#templates.get(template);
    if (parts === undefined) {
      parts = template.split(/\{(\w+)\}/);
      this.#templates.set(template, parts);
    }
    let path = this.#config.basePath;
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] as string;
      // Odd places hold parameter names.
      if (i % 2 === 0) {
        path += part;
        continue;
      }
      const value = part === 'projectId' ? this.#config.projectId : call.params?.[part];
      if (value === undefined || value === '') {
        // An empty name would address the collection instead (a list, or worse a create).
        throw new ValidationError(`${call.operationId} on ${call.resource}`, [{ path: part, rule: 'required', message: `${part} must not be empty` }]);
      }
      path += encodeURIComponent(value);
    }
    return path;
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

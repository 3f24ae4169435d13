import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { AbortError, NetworkError, TimeoutError, ValidationError } from '../errors.js';
import { publicOperations, type PublicOperationId } from '../generated/public/rules.js';
import { backoffDelay, sleep, type RetryPolicy } from '../transport/backoff.js';
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

/** One HTTP exchange per operation of the public API: path from the operations table, key header, JSON, typed errors. */
export class PublicHttp {
  readonly #config: PublicConfig;
  readonly #dispatcher: Dispatcher;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;

  /** `dispatcher` is for the SDK's own contract suite (e.g. to drop the key header on the way); closed by `close()`. */
  constructor(config: PublicConfig, options: Pick<PublicClientOptions, 'retry' | 'timeoutMs'> & { dispatcher?: Dispatcher } = {}) {
    this.#config = config;
    this.#dispatcher = options.dispatcher ?? new Agent({ connect: config.ca ? { ca: config.ca } : {} });
    this.#policy = { ...defaultPolicy, ...options.retry };
    this.#timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  }

  get projectId(): string {
    return this.#config.projectId;
  }

  /**
   * The 2xx answer read with `schema`; an error answer throws the matching PublicApiError. A 503
   * (or code 10004) is retried with growing, jittered delays while the call's deadline allows.
   */
  async call<T>(call: PublicCall, schema: z.ZodType<T>): Promise<T> {
    const deadline = Date.now() + this.#timeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#once(call, schema, deadline);
      } catch (error) {
        if (!(error instanceof PublicUnavailableError) || attempt >= this.#policy.attempts) throw error;
        const delay = backoffDelay(this.#policy, attempt);
        if (Date.now() + delay >= deadline) throw error;
        try {
          await sleep(delay, call.signal);
        } catch (cause) {
          throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause });
        }
      }
    }
  }

  async #once<T>(call: PublicCall, schema: z.ZodType<T>, deadline: number): Promise<T> {
    const operation = publicOperations[call.operationId];
    const context: PublicCallContext = {
      operationId: call.operationId,
      resource: call.resource,
      scope: operation.scope,
      key: this.#config.apiKey.toString(),
      projectId: this.#config.projectId,
    };
    const params: Record<string, string> = { ...call.params, projectId: this.#config.projectId };
    const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = params[name];
      if (value === undefined || value === '') {
        // An empty name would address the collection instead (a list, or worse a create).
        throw new ValidationError(`${call.operationId} on ${call.resource}`, [{ path: name, rule: 'required', message: `${name} must not be empty` }]);
      }
      return encodeURIComponent(value);
    });
    const headers: Record<string, string> = { 'x-hikube-api-key': this.#config.apiKey.header(), accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';

    let answer: Dispatcher.ResponseData;
    let text: string;
    const timeout = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      answer = await request(`${this.#config.origin}${this.#config.basePath}${path}`, {
        method: operation.method.toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        dispatcher: this.#dispatcher,
        signal,
      });
      text = await answer.body.text();
    } catch (error) {
      if (call.signal?.aborted) throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause: error });
      if (timeout.aborted) {
        throw new TimeoutError(`${call.operationId} on ${call.resource} got no answer within ${this.#timeoutMs} ms; raise timeoutMs or check the network`, { cause: error });
      }
      throw new NetworkError(
        `${call.operationId} on ${call.resource} could not reach ${this.#config.origin}: ${(error as Error).message}; check HIKUBE_API and the network`,
        { cause: error },
      );
    }

    const isCreate = operation.method === 'post' && operation.requestBody !== null;
    if (answer.statusCode < 200 || answer.statusCode > 299) throw publicErrorFromResponse(answer.statusCode, text, context, isCreate);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw publicBadResponse(answer.statusCode, 'a body that is not JSON', context);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(the body)').join(', ');
      throw publicBadResponse(answer.statusCode, `a body that is not the documented ${operation.response ?? 'answer'} (at ${where})`, context);
    }
    return parsed.data;
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { AbortError, NetworkError, ValidationError } from '../errors.js';
import { publicOperations, type PublicOperationId } from '../generated/public/rules.js';
import type { PublicConfig } from './public-config.js';
import { publicBadResponse, publicErrorFromResponse, type PublicCallContext } from './public-errors.js';

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

  constructor(config: PublicConfig) {
    this.#config = config;
    this.#dispatcher = new Agent({ connect: config.ca ? { ca: config.ca } : {} });
  }

  get projectId(): string {
    return this.#config.projectId;
  }

  /** The 2xx answer read with `schema`; an error answer throws the matching PublicApiError. */
  async call<T>(call: PublicCall, schema: z.ZodType<T>): Promise<T> {
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
    try {
      answer = await request(`${this.#config.origin}${this.#config.basePath}${path}`, {
        method: operation.method.toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        dispatcher: this.#dispatcher,
        signal: call.signal ?? null,
      });
      text = await answer.body.text();
    } catch (error) {
      if (call.signal?.aborted) throw new AbortError(`${call.operationId} on ${call.resource} was aborted`, { cause: error });
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

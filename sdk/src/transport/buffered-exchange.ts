// One HTTP exchange whose whole answer is wanted at once (a JSON API's), dispatched on an undici
// Dispatcher with a handler of our own. Dispatcher.request wraps each answer in a Readable stream,
// takes an abort through listeners added and removed per call, and settles through a callback and
// a promise; for a get answered in one chunk of a few hundred bytes, that costs more than the rest
// of the SDK's client. Here an answer's chunks are kept as they come and settle one promise.
import type { Dispatcher } from 'undici';
import { DeadlineReached, type Call, type Interruptible } from './call-deadline.js';

export interface BufferedAnswer {
  statusCode: number;
  /** The body as UTF-8 text, a byte order mark dropped (as undici's `body.text()` reads it). */
  text: string;
}

/**
 * The answer to one request, read whole. When `call` is aborted or reaches its deadline, the
 * promise rejects at once with the DeadlineReached, and the request is aborted, or, if undici
 * still holds it in its queue, never sent.
 */
export function exchange(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, call: Call): Promise<BufferedAnswer> {
  if (call.fired) return Promise.reject(new DeadlineReached());
  const handler = new BufferedExchange(call);
  call.attempt = handler;
  dispatcher.dispatch(options, handler);
  return handler.answer;
}

/**
 * undici's handler for one request, in the callbacks undici 7 runs natively and its own
 * Dispatcher.request uses (onConnect, onHeaders, onData, onComplete, onError); a handler with the
 * newer controller callbacks is wrapped in an adapter per request that also parses every header.
 */
class BufferedExchange implements Interruptible {
  readonly answer: Promise<BufferedAnswer>;
  #resolve!: (answer: BufferedAnswer) => void;
  #reject!: (error: unknown) => void;
  readonly #call: Call;
  #settled = false;
  #abort: ((error?: Error) => void) | undefined;
  /** Why the exchange was ended before undici gave it a connection. */
  #interruptedBy: Error | undefined;
  #statusCode = 0;
  #chunks: Buffer[] = [];
  #length = 0;

  constructor(call: Call) {
    this.#call = call;
    this.answer = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  interrupt(reason: DeadlineReached): void {
    this.#settle(undefined, reason);
    if (this.#abort) this.#abort(reason);
    else this.#interruptedBy = reason;
  }

  // Called again when undici sends the request anew (it failed at the head of a pipeline): what
  // the earlier attempt received, if anything, is not part of the answer.
  onConnect(abort: (error?: Error) => void): void {
    if (this.#interruptedBy) {
      abort(this.#interruptedBy);
      return;
    }
    this.#abort = abort;
    this.#statusCode = 0;
    if (this.#chunks.length > 0) {
      this.#chunks = [];
      this.#length = 0;
    }
  }

  onHeaders(statusCode: number): boolean {
    // 1xx answers are informational; the final status comes after them.
    if (statusCode >= 200) this.#statusCode = statusCode;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    return true;
  }

  onComplete(): void {
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, this.#length);
    const start = body.length > 2 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    this.#settle({ statusCode: this.#statusCode, text: body.toString('utf8', start) }, undefined);
  }

  onError(error: Error): void {
    this.#settle(undefined, error);
  }

  #settle(answer: BufferedAnswer | undefined, error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#call.attempt === this) this.#call.attempt = undefined;
    this.#chunks = [];
    if (answer) this.#resolve(answer);
    else this.#reject(error);
  }
}

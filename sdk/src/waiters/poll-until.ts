import { AbortError, HikubeError, TimeoutError } from '../errors.js';
import { sleep } from '../transport/backoff.js';

/** What an acceptor concludes from one look at the world. */
export type Verdict<T> = { state: 'success'; value: T } | { state: 'failure'; error: Error } | { state: 'retry'; reason: string };

/** The waiter gave up at its deadline; `lastObserved` is what it saw last. */
export class WaitTimeoutError extends TimeoutError {
  readonly lastObserved: unknown;
  constructor(message: string, lastObserved: unknown) {
    super(message, undefined, 'HIKUBE_WAIT_TIMEOUT');
    this.lastObserved = lastObserved;
  }
}

/** The platform reported a failure while we waited. */
export class WaitFailedError extends HikubeError {
  readonly lastObserved: unknown;
  constructor(message: string, lastObserved: unknown) {
    super('HIKUBE_WAIT_FAILED', message);
    this.lastObserved = lastObserved;
  }
}

export interface PollOptions<T> {
  /** One look: fetch what is needed and judge it. Receives the time left, to bound its own calls. */
  check: (remainingMs: number, signal: AbortSignal) => Promise<Verdict<T> & { observed?: unknown }>;
  /** Optional change feed (a watch): each item triggers a look at once instead of waiting for the next poll. */
  changes?: (signal: AbortSignal) => AsyncIterable<unknown>;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** What we wait for, for messages: "Postgres \"orders\" to be ready". */
  what: string;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Looks until the acceptor says success or failure, or the deadline passes. Watch-driven when a
 * change feed is given; polling with growing, jittered delays covers a feed that fails or is quiet.
 */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const inner = new AbortController();
  const onAbort = () => inner.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let poke: (() => void) | undefined;
  let pending = false;
  const feed = options.changes
    ? (async () => {
        try {
          for await (const _ of options.changes!(inner.signal)) {
            pending = true;
            poke?.();
          }
        } catch {
          // A watch we may not open (or that breaks) only costs latency: polling continues.
        }
      })()
    : Promise.resolve();
  let delay = options.minDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 2_000;
  let lastObserved: unknown;
  let lastReason = 'nothing observed yet';
  try {
    for (;;) {
      if (options.signal?.aborted) throw new AbortError(`waiting for ${options.what} was aborted`, { cause: options.signal.reason });
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      pending = false;
      let verdict: Verdict<T> & { observed?: unknown };
      try {
        verdict = await options.check(remaining, inner.signal);
      } catch (error) {
        if (error instanceof TimeoutError && Date.now() >= deadline) break;
        if (error instanceof AbortError || (options.signal?.aborted ?? false))
          throw new AbortError(`waiting for ${options.what} was aborted`, { cause: error });
        throw error;
      }
      if (verdict.observed !== undefined) lastObserved = verdict.observed;
      if (verdict.state === 'success') return verdict.value;
      if (verdict.state === 'failure') throw verdict.error;
      lastReason = verdict.reason;
      if (pending) continue;
      const wait = Math.min(Math.floor(delay * (0.5 + Math.random() / 2)), Math.max(0, deadline - Date.now()));
      delay = Math.min(maxDelay, delay * 1.5);
      await new Promise<void>((resolvePromise) => {
        const finish = () => {
          poke = undefined;
          resolvePromise();
        };
        poke = finish;
        sleep(wait, inner.signal).then(finish, finish);
      });
    }
    throw new WaitTimeoutError(
      `${options.what} did not happen within ${options.timeoutMs} ms (last: ${lastReason}); raise the timeout or look at the object's conditions and events`,
      lastObserved,
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    inner.abort();
    await feed;
  }
}

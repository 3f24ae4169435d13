// Per-call deadlines and abort wiring shared by the SDK's transports (the Kubernetes API's and the
// public API's): every call needs them, so they cost as little as the rest of the call allows.
import { EventEmitter } from 'node:events';
import type { Dispatcher } from 'undici';

/** How a call's wait ends when its deadline passes or it is aborted. */
export class DeadlineReached extends Error {}

// setTimeout treats longer delays as 1 ms.
const maxTimerDelay = 2 ** 31 - 1;

/**
 * The deadlines of a transport's calls on one timer: a timer per call (set, then cleared) costs
 * more than the rest of the client's own work per call. The timer stays armed for the earliest
 * deadline it has seen; when it fires it expires the calls due and re-arms for the next one. It is
 * unref'd: a call in flight keeps the process alive through its socket or child process.
 */
export class Deadlines {
  readonly #calls = new Set<Call>();
  #timer: NodeJS.Timeout | undefined;
  #armedFor = Number.POSITIVE_INFINITY;

  add(call: Call): void {
    this.#calls.add(call);
    if (call.deadline < this.#armedFor) this.#arm(call.deadline);
  }

  delete(call: Call): void {
    this.#calls.delete(call);
  }

  #arm(at: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#armedFor = at;
    this.#timer = setTimeout(() => this.#fire(), Math.min(maxTimerDelay, Math.max(1, at - Date.now())));
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const call of this.#calls) {
      if (call.deadline <= now) {
        this.#calls.delete(call);
        call.timedOut = true;
        call.fire();
      } else if (call.deadline < next) next = call.deadline;
    }
    if (next !== Number.POSITIVE_INFINITY) this.#arm(next);
  }
}

/** An attempt that can be ended from outside (by its call's deadline or its caller's signal). */
export interface Interruptible {
  interrupt(reason: DeadlineReached): void;
}

/**
 * One call's deadline and abort wiring. The deadline and the caller's signal both abort through one
 * EventEmitter, which undici accepts as a signal (an AbortController per call costs ~10 us, more than
 * the rest of the client), made only when a transport asks for it; a transport that dispatches its
 * own handler sets `attempt` instead. A class rather than closures: this runs on every call.
 */
export class Call {
  readonly timeout: number;
  readonly deadline: number;
  timedOut = false;
  fired = false;
  /** The attempt in flight, interrupted once if the call is aborted or reaches its deadline. */
  attempt: Interruptible | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #deadlines: Deadlines;
  #abort: EventEmitter | undefined;
  #onAbort: (() => void) | undefined;
  /** Rejects the attempt the call is waiting for, if any. */
  #rejectWait: ((error: unknown) => void) | undefined;

  constructor(signal: AbortSignal | undefined, timeout: number, deadlines: Deadlines) {
    this.timeout = timeout;
    this.deadline = timeout > 0 ? Date.now() + timeout : Number.POSITIVE_INFINITY;
    this.#signal = signal;
    this.#deadlines = deadlines;
    if (signal) {
      this.#onAbort = () => this.fire();
      signal.addEventListener('abort', this.#onAbort, { once: true });
    }
    if (timeout > 0) deadlines.add(this);
  }

  /** The EventEmitter to hand undici as the attempt's signal. */
  get abort(): EventEmitter {
    this.#abort ??= new EventEmitter();
    return this.#abort;
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    this.#abort?.emit('abort');
    const reject = this.#rejectWait;
    this.#rejectWait = undefined;
    reject?.(new DeadlineReached());
    const attempt = this.attempt;
    this.attempt = undefined;
    attempt?.interrupt(new DeadlineReached());
  }

  /**
   * Waits for an attempt, or rejects as soon as the call is aborted or reaches its deadline: undici
   * applies an abort to a request still queued for a connection only once it is dispatched (it is
   * then never sent), so the caller is answered at the deadline anyway. A response that arrives after
   * that is discarded.
   */
  wait(pending: Promise<Dispatcher.ResponseData>): Promise<Dispatcher.ResponseData> {
    return new Promise((resolve, reject) => {
      if (this.fired) {
        reject(new DeadlineReached());
        pending.then(discard, ignore);
        return;
      }
      this.#rejectWait = reject;
      pending.then(
        (response) => {
          if (this.#rejectWait === reject) {
            this.#rejectWait = undefined;
            resolve(response);
          } else discard(response);
        },
        (error: unknown) => {
          if (this.#rejectWait === reject) this.#rejectWait = undefined;
          reject(error);
        },
      );
    });
  }

  /** Clears the deadline timer (a stream outlives it). */
  stopClock(): void {
    this.#deadlines.delete(this);
  }

  /** Clears the timer and unhooks the caller's signal. */
  end(): void {
    this.stopClock();
    if (this.#onAbort) this.#signal?.removeEventListener('abort', this.#onAbort);
  }
}

function discard(response: Dispatcher.ResponseData): void {
  response.body.destroy();
}

function ignore(): void {}

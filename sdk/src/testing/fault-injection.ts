// The faults the test server can inject: what a flaky network, an overloaded API server or a proxy
// in the way do to a request. Tests queue them; the server takes the first that matches each request.

/** A fault the server applies to matching requests (`path` is tested against path and query), `times` times (default 1). */
export type Fault = {
  match: { method?: string; path?: RegExp };
  times?: number;
} & (
  | { status: number; reason?: string; message?: string; retryAfterSeconds?: number }
  | { reset: true }
  | { delayMs: number }
  /** Handle the request, then drop the connection instead of answering (a lost response). */
  | { dropResponse: true }
  /** Answer 200 with this body instead (e.g. a proxy's page, or another object). */
  | { body: string }
);

/** Queued faults with the uses each has left. */
export class FaultQueue {
  #faults: (Fault & { left: number })[] = [];

  add(fault: Fault): void {
    this.#faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** The first fault with uses left that matches the request, counting one use of it. */
  take(method: string, pathAndQuery: string): Fault | undefined {
    const fault = this.#faults.find(
      (candidate) => candidate.left > 0 && (candidate.match.method ?? method) === method && (candidate.match.path?.test(pathAndQuery) ?? true),
    );
    if (fault) fault.left -= 1;
    return fault;
  }
}

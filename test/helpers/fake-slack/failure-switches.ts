/** What the fake does instead of answering normally. */
export type Failure =
  /** HTTP 429 with `Retry-After: <retryAfterSec>`. web-api 8 accepts 0 (it retries after a 0 ms pause). */
  | { readonly kind: 'rate_limited'; readonly retryAfterSec: number }
  /** A bare non-200 status (5xx), which WebClient turns into `WebAPIHTTPError`. */
  | { readonly kind: 'http_error'; readonly status: number }
  /** Never answer (until the fake stops); the client's own timeout must fire. */
  | { readonly kind: 'hang' }
  /** Do what the call asks (post the message), then never answer: the caller times out after Slack acted. */
  | { readonly kind: 'accept_then_hang' }
  /** HTTP 200 with `{ ok: false, error }`, which WebClient turns into `WebAPIPlatformError`. */
  | { readonly kind: 'api_error'; readonly error: string };

/** Wildcard method: a failure queued under it applies to whichever call comes next. */
export const ANY_METHOD = '*';

/** Per-method queues of failures to serve before answering normally again. */
export class FailureSwitches {
  readonly #queues = new Map<string, Failure[]>();

  /** The next `times` calls of `method` (an API method, `upload`, `response_url` or `*`) fail with `failure`. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.#queues.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.#queues.set(method, queue);
  }

  /** Removes and returns the failure for this call, if any is queued. */
  take(method: string): Failure | undefined {
    return this.#queues.get(method)?.shift() ?? this.#queues.get(ANY_METHOD)?.shift();
  }

  pending(method: string): number {
    return this.#queues.get(method)?.length ?? 0;
  }

  clear(): void {
    this.#queues.clear();
  }
}

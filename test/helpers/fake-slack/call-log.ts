import type { RecordedCall } from './types.js';

type CallPredicate = (call: RecordedCall) => boolean;

interface Waiter {
  readonly method: string;
  readonly predicate: CallPredicate;
  readonly resolve: (call: RecordedCall) => void;
}

/** Every call the fake answered, in order, plus promises that resolve the moment a matching call is recorded. */
export class CallLog {
  readonly #calls: RecordedCall[] = [];
  readonly #waiters = new Set<Waiter>();

  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const recorded: RecordedCall = { seq: this.#calls.length + 1, ...call };
    this.#calls.push(recorded);
    for (const waiter of this.#waiters) {
      if (waiter.method === recorded.method && waiter.predicate(recorded)) {
        this.#waiters.delete(waiter);
        waiter.resolve(recorded);
      }
    }
    return recorded;
  }

  all(): readonly RecordedCall[] {
    return this.#calls;
  }

  /** Calls of one method, optionally filtered. */
  of(method: string, predicate: CallPredicate = () => true): RecordedCall[] {
    return this.#calls.filter((call) => call.method === method && predicate(call));
  }

  /** Calls of one method that Slack answered with HTTP 200 and `ok: true` (i.e. that took effect). */
  succeeded(method: string, predicate: CallPredicate = () => true): RecordedCall[] {
    return this.of(method, (call) => call.status === 200 && isOkResponse(call.response) && predicate(call));
  }

  /**
   * Resolves with the first call of `method` matching `predicate` — at once if one was already recorded, else as
   * soon as it arrives. Rejects after `timeoutMs` listing what was recorded, so a failing test says why.
   */
  waitFor(method: string, predicate: CallPredicate = () => true, timeoutMs = 2_000): Promise<RecordedCall> {
    const existing = this.of(method, predicate)[0];
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.#calls.map((call) => `${call.method}(${call.status})`).join(', ') || 'none';
        reject(new Error(`fake-slack: no ${method} call matched within ${timeoutMs} ms; calls so far: ${seen}`));
      }, timeoutMs);
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  clear(): void {
    this.#calls.length = 0;
  }
}

function isOkResponse(response: unknown): boolean {
  if (typeof response !== 'object' || response === null) return true;
  return (response as { ok?: unknown }).ok !== false;
}

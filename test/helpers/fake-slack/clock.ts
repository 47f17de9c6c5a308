/**
 * The fake's notion of "now". Injectable so a test can expire a response_url (30 minutes) or age a message
 * without waiting: pass a `ManualClock` and `advance()` it.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. Starts at Monday 2025-01-06 09:00 UTC unless given a start. */
export class ManualClock implements Clock {
  #nowMs: number;

  constructor(start: Date | number = Date.UTC(2025, 0, 6, 9, 0, 0)) {
    this.#nowMs = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.#nowMs;
  }

  advance(ms: number): void {
    this.#nowMs += ms;
  }

  set(to: Date | number): void {
    this.#nowMs = typeof to === 'number' ? to : to.getTime();
  }
}

/**
 * Interactive requests before background work. After a start, the snapshot-cache build and the catch-up scan used
 * to compete with the first slash commands for the same two cores (first answers took 7–19 s instead of under one).
 * Background work asks `idle()` before it starts: that waits for the warm-up (command workers started, warehouse
 * open) and then for a moment with no interactive request in flight.
 */
export class ForegroundFirst {
  #active = 0;
  #waiters: (() => void)[] = [];
  readonly #ready: Promise<void>;

  constructor(warmUp: Promise<unknown> = Promise.resolve()) {
    this.#ready = warmUp.then(
      () => undefined,
      () => undefined,
    );
  }

  /** How many interactive requests are in flight. */
  get active(): number {
    return this.#active;
  }

  /** Marks an interactive request as started; call the returned function once, when it has finished. */
  begin(): () => void {
    this.#active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#active -= 1;
      if (this.#active === 0) for (const wake of this.#waiters.splice(0)) wake();
    };
  }

  /** Resolves once the warm-up is done and no interactive request is in flight. */
  async idle(): Promise<void> {
    await this.#ready;
    while (this.#active > 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
}

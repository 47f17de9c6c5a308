import type { Logger } from '../logging.js';

/**
 * Work that continues after a request was acked. Every task's failure is caught and logged here, so nothing a
 * background answer does can crash the process; `idle()` lets shutdown (and tests) wait for answers in flight.
 */
export class BackgroundTasks {
  readonly #running = new Set<Promise<void>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /**
   * Starts `work` on a later turn of the event loop (after the ack's response has been written), never throwing.
   */
  run(name: string, work: () => Promise<void>): void {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => {
        this.#logger.error({ err: error, task: name }, `background task ${name} failed`);
      })
      .finally(() => {
        this.#running.delete(task);
      });
    this.#running.add(task);
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves once every task started so far (and any they start) has finished. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}

import { latestSlot } from './job-period.js';
import type { ScheduledJob, ScheduleTicker } from './schedule-ticker.js';

interface DrivenJob {
  readonly expression: string;
  readonly run: () => Promise<void>;
  readonly name: string;
  running: Promise<void> | null;
}

/**
 * A clock that moves only when told, and fires the schedules registered on it as it moves: the test-only time source
 * of `radar serve` under RADAR_TEST_CLOCK (see src/slack/test-clock.ts). Moving it to `to` fires, together, every job
 * whose expression matched a minute in (previous time, to] — once, however many of its minutes the step passed over,
 * since each job works on the period current at `to` (as the catch-up after a restart does). A job still running is
 * not fired again (node-cron's noOverlap).
 */
export class DrivenClock implements ScheduleTicker {
  #now: number | null = null;
  readonly #jobs = new Set<DrivenJob>();

  /** Epoch ms. Throws until the clock has been set: nothing may read a time the driver has not given. */
  now(): number {
    if (this.#now === null) throw new Error('the driven clock has not been set yet');
    return this.#now;
  }

  schedule(expression: string, run: () => Promise<void>, name: string): ScheduledJob {
    const job: DrivenJob = { expression, run, name, running: null };
    this.#jobs.add(job);
    return {
      stop: async () => {
        this.#jobs.delete(job);
        await job.running;
      },
    };
  }

  /**
   * Sets the time to `to` and fires the jobs due in between; resolves with their names once they have finished. The
   * first call only sets the time. Refuses (throws, time unchanged) to go back or to a time that is not an instant.
   */
  async advanceTo(to: number): Promise<string[]> {
    if (!Number.isSafeInteger(to) || to < 0) throw new RangeError(`not an epoch time in ms: ${String(to)}`);
    const from = this.#now;
    if (from !== null && to < from) {
      throw new RangeError(
        `the clock cannot go back, from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}`,
      );
    }
    this.#now = to;
    if (from === null) return [];
    const due = [...this.#jobs].filter((job) => {
      const slot = latestSlot(job.expression, to);
      return job.running === null && slot !== null && slot > from;
    });
    await Promise.all(
      due.map((job) => {
        job.running = job.run().finally(() => {
          job.running = null;
        });
        return job.running;
      }),
    );
    return due.map((job) => job.name);
  }
}

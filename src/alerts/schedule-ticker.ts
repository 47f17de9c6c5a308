import cron from 'node-cron';

/** One job registered on a ticker; `stop` resolves once it will fire no more. */
export interface ScheduledJob {
  stop(): Promise<void>;
}

/**
 * What fires Radar's schedules (scheduler.ts). In production node-cron does, on the wall clock; a test can pass a
 * ticker it drives itself (driven-clock.ts) so `radar serve` runs the same jobs at instants the test chooses.
 */
export interface ScheduleTicker {
  /** Fires `run` at every minute the five-field UTC `expression` matches, never two runs of it at once. */
  schedule(expression: string, run: () => Promise<void>, name: string): ScheduledJob;
}

/** node-cron on the wall clock, in UTC, one run of each job at a time. */
export const cronTicker: ScheduleTicker = {
  schedule(expression, run, name) {
    const task = cron.schedule(expression, run, { timezone: 'Etc/UTC', noOverlap: true, name });
    return {
      async stop() {
        await task.destroy();
      },
    };
  },
};

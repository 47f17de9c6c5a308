import type { Logger } from '../logging.js';
import type { AlertRuntime } from './alert-runtime.js';
import { cronTicker, type ScheduledJob, type ScheduleTicker } from './schedule-ticker.js';
import { DIGEST_CHECK_CRON, isValidSchedule, OUTBOX_DRAIN_CRON, SLA_CHECK_CRON } from './schedules.js';

export interface Schedules {
  /** Resolves when the start-up catch-up (missed scan, SLA check, digest, undelivered outbox) has finished. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the node-cron schedules of one instance. node-cron fires on every instance, and that is fine: each job is
 * keyed by (job, period) in the store, so only the first instance to claim a period runs it. On start, whatever
 * was missed while down runs at once: the scan of the current slot (if that slot has no run), the SLA check, this
 * week's digests that are past due, and the outbox.
 */
export function startSchedules(
  runtime: AlertRuntime,
  scanCron: string,
  logger: Logger,
  /** Waited for before the start-up catch-up, so the first slash commands are answered first (serve.ts). */
  catchUpAfter: () => Promise<void> = async () => undefined,
  /** node-cron on the wall clock; `radar serve` under RADAR_TEST_CLOCK passes the test's driven ticker. */
  ticker: ScheduleTicker = cronTicker,
): Schedules {
  if (!isValidSchedule(scanCron)) throw new Error(`invalid scan schedule: ${scanCron}`);
  const guard = (job: string, work: () => Promise<unknown>) => async () => {
    try {
      await work();
    } catch (error) {
      logger.error({ err: error, job }, `alert job ${job} failed`);
    }
  };
  const scan = guard('scan', async () => {
    const report = await runtime.scan();
    logger.info(
      { period: report.scan.period, ran: report.scan.ran, delivered: report.delivered.delivered },
      'red-zone scan',
    );
  });
  const sla = guard('sla-check', () => runtime.checkSla());
  const digest = guard('digest', () => runtime.digest());
  const drain = guard('outbox', () => runtime.drain());
  const tasks: ScheduledJob[] = [
    ticker.schedule(scanCron, scan, 'radar-scan'),
    ticker.schedule(SLA_CHECK_CRON, sla, 'radar-sla'),
    ticker.schedule(DIGEST_CHECK_CRON, digest, 'radar-digest'),
    ticker.schedule(OUTBOX_DRAIN_CRON, drain, 'radar-outbox'),
  ];
  const caughtUp = (async () => {
    await catchUpAfter();
    await scan();
    await digest();
    await drain();
  })();
  return {
    caughtUp,
    async stop() {
      for (const task of tasks) await task.stop();
      await caughtUp;
    },
  };
}

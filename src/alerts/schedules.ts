import cron from 'node-cron';

/**
 * Radar's schedules, as node-cron expressions (five fields: minute hour day-of-month month day-of-week), evaluated
 * in UTC. node-cron fires on every instance; what makes a run happen once is the (job, period) key in the state
 * store, so these only say how often an instance looks.
 */

/** Red-zone scan: hourly at minute 0. Zones change when the warehouse refreshes (daily at most), so hourly is ample. */
export const DEFAULT_SCAN_CRON = '0 * * * *';

/**
 * SLA check (reminders at 24 h, escalations at 48 h, snoozes ending): every 10 minutes, so a deadline is acted on
 * within 10 minutes of passing.
 */
export const SLA_CHECK_CRON = '*/10 * * * *';

/**
 * Digest check: every 15 minutes. Each manager's digest is due at Monday 09:00 in their own time zone, which can
 * fall on any quarter hour in UTC (e.g. India +05:30, Nepal +05:45 rounds to the next check).
 */
export const DIGEST_CHECK_CRON = '*/15 * * * *';

/** Outbox drain: every minute, for entries whose delivery failed and waits for a retry, or a crashed instance's lease. */
export const OUTBOX_DRAIN_CRON = '* * * * *';

/** Job names, as stored with their periods. */
export const JOBS = {
  scan: 'scan',
  sla: 'sla-check',
  /** Per recipient: `digest:<user id>` or `digest-channel:<channel id>`. */
  digest: 'digest',
} as const;

/** The digest job of each recipient, as run-digest claims it: `digest:<user id>`, `digest:channel:<channel id>`. */
export function digestJobNames(managers: readonly string[], digestChannel: string | undefined): string[] {
  return [
    ...managers.map((m) => `${JOBS.digest}:${m}`),
    ...(digestChannel === undefined ? [] : [`${JOBS.digest}:channel:${digestChannel}`]),
  ];
}

/** True for a valid five-field expression (Radar's periods are minute slots, so a seconds field is refused). */
export function isValidSchedule(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 5 && cron.validate(expression);
}

for (const [name, expression] of Object.entries({
  DEFAULT_SCAN_CRON,
  SLA_CHECK_CRON,
  DIGEST_CHECK_CRON,
  OUTBOX_DRAIN_CRON,
})) {
  if (!isValidSchedule(expression)) throw new Error(`schedules.ts: ${name} is not a valid cron expression`);
}

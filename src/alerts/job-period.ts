import { CronExpressionParser } from 'cron-parser';

const MINUTE_MS = 60_000;

/** How far back a schedule's latest slot is searched: a weekly expression fits, anything sparser counts as none. */
const LOOKBACK_MS = 8 * 24 * 60 * MINUTE_MS;

/**
 * The latest instant at or before `now` that the (five-field, UTC) expression matches, or null within the look-back.
 * A job's period is this slot, so every instance firing for the same slot, a manual `radar scan`, and the catch-up
 * after a restart all name the same (job, period). cron-parser's prev() jumps field by field instead of testing
 * every minute of the look-back (up to 11,520 checks).
 */
export function latestSlot(expression: string, now: number): number | null {
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  // prev() is strictly before its start: start a second after this minute so the minute itself can match.
  const schedule = CronExpressionParser.parse(expression, {
    currentDate: new Date(minute + 1000),
    startDate: new Date(minute - LOOKBACK_MS),
    tz: 'Etc/UTC',
  });
  if (!schedule.hasPrev()) return null;
  const slot = schedule.prev().getTime();
  return slot >= minute - LOOKBACK_MS ? slot : null;
}

/** A slot as a period key: `2026-11-23T10:00Z` (sorts in time order). */
export function periodKey(slotMs: number): string {
  return `${new Date(slotMs).toISOString().slice(0, 16)}Z`;
}

/** The period of the schedule's latest slot at `now` (falls back to the minute of `now`). */
export function currentPeriod(expression: string, now: number): string {
  return periodKey(latestSlot(expression, now) ?? Math.floor(now / MINUTE_MS) * MINUTE_MS);
}

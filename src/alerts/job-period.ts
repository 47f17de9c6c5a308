import cron from 'node-cron';

const MINUTE_MS = 60_000;

/** How far back a schedule's latest slot is searched: a weekly expression fits, anything sparser counts as none. */
const LOOKBACK_MINUTES = 8 * 24 * 60;

/**
 * The latest instant at or before `now` that the (five-field, UTC) expression matches, or null within the look-back.
 * A job's period is this slot, so every instance firing for the same slot, a manual `radar scan`, and the catch-up
 * after a restart all name the same (job, period).
 */
export function latestSlot(expression: string, now: number): number | null {
  const task = cron.createTask(expression, () => undefined, { timezone: 'Etc/UTC' });
  try {
    let t = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    for (let i = 0; i <= LOOKBACK_MINUTES; i++, t -= MINUTE_MS) {
      if (task.match(new Date(t))) return t;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/** A slot as a period key: `2026-11-23T10:00Z` (sorts in time order). */
export function periodKey(slotMs: number): string {
  return `${new Date(slotMs).toISOString().slice(0, 16)}Z`;
}

/** The period of the schedule's latest slot at `now` (falls back to the minute of `now`). */
export function currentPeriod(expression: string, now: number): string {
  return periodKey(latestSlot(expression, now) ?? Math.floor(now / MINUTE_MS) * MINUTE_MS);
}

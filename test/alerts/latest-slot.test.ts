import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { latestSlot } from '../../src/alerts/job-period.js';
import { seededRandom } from '../analysis/seeded-random.js';

const MINUTE = 60_000;

/** The old method, as a second opinion: test every minute backwards with node-cron's matcher. */
function minuteByMinute(expression: string, now: number, lookbackMinutes = 8 * 24 * 60): number | null {
  const task = cron.createTask(expression, () => undefined, { timezone: 'Etc/UTC' });
  try {
    let t = Math.floor(now / MINUTE) * MINUTE;
    for (let i = 0; i <= lookbackMinutes; i++, t -= MINUTE) if (task.match(new Date(t))) return t;
    return null;
  } finally {
    void task.destroy();
  }
}

describe('alerts/latestSlot (cron-parser prev())', () => {
  it('counts the current minute as a slot, seconds into it', () => {
    expect(latestSlot('0 * * * *', Date.UTC(2026, 10, 23, 10, 0, 59, 999))).toBe(Date.UTC(2026, 10, 23, 10, 0));
    expect(latestSlot('0 * * * *', Date.UTC(2026, 10, 23, 9, 59, 59))).toBe(Date.UTC(2026, 10, 23, 9, 0));
  });

  it('finds no slot beyond the 8-day look-back (a yearly expression)', () => {
    expect(latestSlot('0 0 1 1 *', Date.UTC(2026, 10, 23, 10, 0))).toBeNull();
    expect(latestSlot('0 0 1 1 *', Date.UTC(2027, 0, 8, 23, 0))).toBe(Date.UTC(2027, 0, 1));
    expect(latestSlot('0 0 1 1 *', Date.UTC(2027, 0, 9, 0, 1))).toBeNull();
  });

  it('agrees with the minute-by-minute search on Radar schedules at random instants', () => {
    const random = seededRandom(13);
    const expressions = ['0 * * * *', '*/10 * * * *', '*/15 * * * *', '* * * * *', '30 9 * * 1', '0 9 * * 1-5'];
    for (let i = 0; i < 30; i++) {
      const now = Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 24 * 60) * MINUTE + Math.floor(random() * MINUTE);
      for (const expression of expressions) {
        expect(latestSlot(expression, now), `${expression} at ${new Date(now).toISOString()}`).toBe(
          minuteByMinute(expression, now),
        );
      }
    }
  });
});

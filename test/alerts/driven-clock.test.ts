import { describe, expect, it } from 'vitest';
import { DrivenClock } from '../../src/alerts/driven-clock.js';
import { startSchedules } from '../../src/alerts/scheduler.js';
import { DIGEST_CHECK_CRON, OUTBOX_DRAIN_CRON, SLA_CHECK_CRON } from '../../src/alerts/schedules.js';
import { HOUR, T0 } from './alert-fixtures.js';
import { silentLogger } from './scan-helpers.js';

const MINUTE = 60_000;

/** A clock with Radar's four schedules registered, recording each firing as `name@HH:MM`. */
function clockWithSchedules() {
  const clock = new DrivenClock();
  const fired: string[] = [];
  for (const [expression, name] of [
    ['0 * * * *', 'scan'],
    [SLA_CHECK_CRON, 'sla'],
    [DIGEST_CHECK_CRON, 'digest'],
    [OUTBOX_DRAIN_CRON, 'outbox'],
  ] as const) {
    clock.schedule(
      expression,
      async () => {
        fired.push(`${name}@${new Date(clock.now()).toISOString().slice(11, 16)}`);
      },
      name,
    );
  }
  return { clock, fired };
}

describe('alerts/driven-clock', () => {
  it('fires each job once per step whose minutes its expression matched, and nothing on the first setting', async () => {
    const { clock, fired } = clockWithSchedules();
    // T0 is Monday 2026-11-23 10:00 UTC.
    expect(await clock.advanceTo(T0)).toEqual([]);
    expect(clock.now()).toBe(T0);
    // 10:00 → 10:05: minutes 10:01–10:05; only the every-minute outbox matches.
    expect(await clock.advanceTo(T0 + 5 * MINUTE)).toEqual(['outbox']);
    // 10:05 → 10:10:30: 10:10 matches */10 (SLA) and every minute; not */15 nor the hour.
    expect(await clock.advanceTo(T0 + 10 * MINUTE + 30_000)).toEqual(['sla', 'outbox']);
    // Within the same minute: nothing.
    expect(await clock.advanceTo(T0 + 10 * MINUTE + 50_000)).toEqual([]);
    // 10:10:50 → 13:00: three hours of slots, each job fired once, at 13:00.
    expect(await clock.advanceTo(T0 + 3 * HOUR)).toEqual(['scan', 'sla', 'digest', 'outbox']);
    expect(fired).toEqual([
      'outbox@10:05',
      'sla@10:10',
      'outbox@10:10',
      'scan@13:00',
      'sla@13:00',
      'digest@13:00',
      'outbox@13:00',
    ]);
  });

  it('refuses to go back or to a non-instant, leaving the time unchanged, and cannot be read before it is set', async () => {
    const clock = new DrivenClock();
    expect(() => clock.now()).toThrow(/has not been set yet/);
    await clock.advanceTo(T0);
    await expect(clock.advanceTo(T0 - 1)).rejects.toThrow(/cannot go back, from 2026-11-23T10:00:00.000Z/);
    await expect(clock.advanceTo(Number.NaN)).rejects.toThrow(/not an epoch time in ms: NaN/);
    expect(clock.now()).toBe(T0);
  });

  it('does not fire a job still running, and stops firing a job once stopped', async () => {
    const clock = new DrivenClock();
    await clock.advanceTo(T0);
    let release: () => void = () => undefined;
    let runs = 0;
    const job = clock.schedule(
      '* * * * *',
      () => {
        runs++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      'slow',
    );
    const first = clock.advanceTo(T0 + MINUTE);
    expect(await clock.advanceTo(T0 + 2 * MINUTE)).toEqual([]);
    release();
    expect(await first).toEqual(['slow']);
    expect(runs).toBe(1);
    const stopping = job.stop();
    await stopping;
    expect(await clock.advanceTo(T0 + 3 * MINUTE)).toEqual([]);
    expect(runs).toBe(1);
  });

  it('drives startSchedules: its jobs run when the test moves the time, on the time it set', async () => {
    const clock = new DrivenClock();
    await clock.advanceTo(T0);
    const seen: string[] = [];
    const runtime = {
      scan: async () => {
        seen.push(`scan ${clock.now() - T0}`);
        return { scan: { period: 'p', ran: true }, delivered: { delivered: 0 } };
      },
      checkSla: async () => seen.push(`sla ${clock.now() - T0}`),
      digest: async () => seen.push(`digest ${clock.now() - T0}`),
      drain: async () => seen.push(`drain ${clock.now() - T0}`),
    };
    // A stand-in runtime with only what the scheduler calls.
    const stand = runtime as unknown as Parameters<typeof startSchedules>[0];
    const schedules = startSchedules(stand, '0 * * * *', silentLogger, async () => undefined, clock);
    await schedules.caughtUp;
    expect(seen).toEqual(['scan 0', 'digest 0', 'drain 0']);
    seen.length = 0;
    await clock.advanceTo(T0 + HOUR);
    expect(seen.sort()).toEqual([`digest ${HOUR}`, `drain ${HOUR}`, `scan ${HOUR}`, `sla ${HOUR}`]);
    await schedules.stop();
    seen.length = 0;
    expect(await clock.advanceTo(T0 + 2 * HOUR)).toEqual([]);
    expect(seen).toEqual([]);
  });
});

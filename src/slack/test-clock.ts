import { DrivenClock } from '../alerts/driven-clock.js';
import { cronTicker, type ScheduleTicker } from '../alerts/schedule-ticker.js';
import type { RadarConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logging.js';

/**
 * The time `radar serve` runs its alerts on: the wall clock and node-cron, or — only when RADAR_TEST_CLOCK=ipc is set
 * and the process was started with an IPC channel (child_process `stdio: [..., 'ipc']`) — a clock its parent process
 * drives, so a test runs real serve processes through days of scans, reminders, escalations and digests in minutes.
 *
 * Why the IPC channel and not a port or a file: it exists only between Radar and the process that spawned it, so no
 * HTTP request (Slack's included), no other local user and no other process can reach it, and without the variable
 * nothing listens for it at all. It drives the alert runtime's clock and the schedule ticks (scan, SLA check, digest,
 * outbox); slash-command answers and Slack request-signature checks keep the wall clock.
 *
 * Protocol (one JSON message each way per step; see TestClockMessage and TestClockReport):
 * - Radar sends `clock-wanted` and starts nothing until the parent answers with the first `clock` (the start time);
 * - each `clock { now }` moves the time forward to `now` and fires the schedules due in between, then Radar answers
 *   `clock { now, fired }` once those jobs have finished, or `refused { reason }` (time unchanged) for a message that
 *   is not a forward step in time;
 * - `listening` once the app takes requests and the schedules run; `caught-up` once the start-up catch-up finished.
 */
export interface ServeClock {
  readonly now: () => number;
  readonly ticker: ScheduleTicker;
  report(event: 'listening' | 'caught-up'): void;
  close(): void;
}

/** What the parent sends. */
export interface TestClockMessage {
  readonly type: 'clock';
  /** Epoch ms, not before the current time. */
  readonly now: number;
}

/** What Radar sends back. */
export type TestClockReport =
  | { readonly type: 'clock-wanted' }
  | { readonly type: 'clock'; readonly now: number; readonly fired: readonly string[] }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'listening' }
  | { readonly type: 'caught-up' };

/** Production: Date.now and node-cron. */
export const wallClock: ServeClock = {
  now: () => Date.now(),
  ticker: cronTicker,
  report: () => undefined,
  close: () => undefined,
};

/** The wall clock unless RADAR_TEST_CLOCK=ipc; then resolves once the parent has given the start time. */
export async function openServeClock(config: RadarConfig, logger: Logger): Promise<ServeClock> {
  if (config.RADAR_TEST_CLOCK === undefined) return wallClock;
  const channel = process.send === undefined ? undefined : process;
  if (channel === undefined) {
    throw new ConfigError(
      'RADAR_TEST_CLOCK=ipc needs a parent process holding an IPC channel to drive the clock (tests only); unset RADAR_TEST_CLOCK to run on the wall clock.',
    );
  }
  logger.warn('RADAR_TEST_CLOCK=ipc: the alert clock and schedules are driven by the parent process (tests only)');
  const clock = new DrivenClock();
  const send = (report: TestClockReport): void => {
    // The parent may be gone (a test that ended): then there is nobody left to tell.
    if (channel.connected) channel.send?.(report, undefined, undefined, () => undefined);
  };
  let started: () => void = () => undefined;
  const set = new Promise<void>((resolve) => {
    started = resolve;
  });
  // One step at a time, in the order sent: a step's jobs finish before the next step moves the time.
  let steps = Promise.resolve();
  const onMessage = (message: unknown): void => {
    steps = steps.then(async () => {
      try {
        const to = clockStep(message);
        const fired = await clock.advanceTo(to);
        send({ type: 'clock', now: to, fired });
        started();
      } catch (error) {
        send({ type: 'refused', reason: error instanceof Error ? error.message : String(error) });
      }
    });
  };
  channel.on('message', onMessage);
  send({ type: 'clock-wanted' });
  await set;
  return {
    now: () => clock.now(),
    ticker: clock,
    report: (event) => send({ type: event }),
    close: () => {
      channel.off('message', onMessage);
      channel.channel?.unref();
    },
  };
}

function clockStep(message: unknown): number {
  const m = message as Partial<TestClockMessage> | null;
  if (typeof m !== 'object' || m === null || m.type !== 'clock' || typeof m.now !== 'number') {
    throw new TypeError(`expected { type: 'clock', now: <epoch ms> }, got ${JSON.stringify(message)}`);
  }
  return m.now;
}

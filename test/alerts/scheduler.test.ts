import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AlertRuntime } from '../../src/alerts/alert-runtime.js';
import { startSchedules } from '../../src/alerts/scheduler.js';
import { DEFAULT_SCAN_CRON, JOBS } from '../../src/alerts/schedules.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { HOUR, T0, tempStore } from './alert-fixtures.js';
import { RecordingTransport } from './recording-transport.js';
import { silentLogger } from './scan-helpers.js';

const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
const context: CommandContext = { warehouse: provider.get, now: () => new Date(T0), locale: 'en' };
const cleanups: (() => Promise<void>)[] = [];
afterAll(() => provider.close());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function runtimeOn(store: SqliteAlertStore, now: () => number, transport = new RecordingTransport()) {
  return new AlertRuntime({
    store,
    transport,
    context,
    now,
    scanCron: DEFAULT_SCAN_CRON,
    managers: [],
    timeZoneOf: async () => 'UTC',
    logger: silentLogger,
  });
}

describe('alerts/scheduler', () => {
  it('lets only one of two instances on the same state run a scan period', async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const other = SqliteAlertStore.open(t.path, T0);
    cleanups.push(() => other.close());
    const a = new RecordingTransport();
    const b = new RecordingTransport();
    const [first, second] = await Promise.all([
      runtimeOn(t.store, () => T0, a).scan(),
      runtimeOn(other, () => T0 + 60_000, b).scan(),
    ]);
    expect([first.scan.ran, second.scan.ran].filter(Boolean)).toHaveLength(1);
    expect([...a.sent, ...b.sent].map((m) => m.type)).toEqual(['summary-post']);
  });

  it('catches up the scan missed while down when the schedules start, and not again', async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const transport = new RecordingTransport();
    await runtimeOn(t.store, () => T0, transport).scan();
    expect(await t.store.lastJobPeriod(JOBS.scan)).toBe('2026-11-23T10:00Z');

    // Down from 10:05 to 13:20: the 11:00, 12:00 and 13:00 scans never ran. On start, the current slot runs.
    let now = T0 + 3 * HOUR + 20 * 60_000;
    const runtime = runtimeOn(t.store, () => now, transport);
    const schedules = startSchedules(runtime, DEFAULT_SCAN_CRON, silentLogger);
    await schedules.caughtUp;
    await schedules.stop();
    expect(await t.store.lastJobPeriod(JOBS.scan)).toBe('2026-11-23T13:00Z');

    now += 10 * 60_000;
    const restarted = startSchedules(runtime, DEFAULT_SCAN_CRON, silentLogger);
    await restarted.caughtUp;
    await restarted.stop();
    expect(await t.store.hasJobRun(JOBS.scan, '2026-11-23T13:00Z')).toBe(true);
    expect(transport.ofType('summary-post')).toHaveLength(1);
  });
});

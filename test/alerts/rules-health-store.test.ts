import { afterEach, describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import { type HealthFacts, runHealthJob } from '../../src/alerts/health/health-job.js';
import { PostgresAlertStore } from '../../src/alerts/postgres/postgres-alert-store.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { DEFAULT_ZONE_THRESHOLDS } from '../../src/analysis/zones/zone-thresholds.js';
import type { SnapshotCacheState } from '../../src/data/snapshot-cache/snapshot-cache-keeper.js';
import { createLogger } from '../../src/logging.js';
import { HOUR, openStore, STORE_KINDS, type StoreKind, T0 } from './alert-fixtures.js';
import { RecordingTransport } from './recording-transport.js';
import { drain, scan } from './scan-helpers.js';

const DAY = 24 * HOUR;
const silent = createLogger({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Another handle on the same state, as a restarted (or second) instance opens it. */
async function reopen(kind: StoreKind, url: string, now: number): Promise<AlertStore> {
  const store = kind === 'sqlite' ? SqliteAlertStore.open(url, now) : await PostgresAlertStore.open(url, now, silent);
  cleanups.push(() => store.close());
  return store;
}

const notice = (text: string) => ({ dedupeKey: `rules:${text}`, message: { type: 'radar-notice', to: 'alert', text } });

describe.each(STORE_KINDS)('alerts/zone thresholds and self-health state (%s store)', (kind) => {
  it('keeps the defaults until a change, then records who, when, old → new once, with its line enqueued', async () => {
    const t = await openStore(kind);
    cleanups.push(t.cleanup);
    expect(await t.store.thresholdsInForce()).toEqual({
      thresholds: DEFAULT_ZONE_THRESHOLDS,
      changedBy: null,
      changedAt: null,
      version: 0,
    });
    const proposed = { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 };
    const request = {
      actor: 'U0ADMIN01',
      now: T0,
      thresholds: proposed,
      requestKey: 'V1',
      notice: (before: typeof proposed, after: typeof proposed) =>
        notice(`red_below ${before.redBelow} → ${after.redBelow}`) as never,
    };
    const result = await t.store.changeThresholds(request);
    expect(result).toEqual({
      kind: 'changed',
      change: {
        id: expect.any(Number),
        changedBy: 'U0ADMIN01',
        changedAt: T0,
        before: DEFAULT_ZONE_THRESHOLDS,
        after: proposed,
      },
    });
    // The same submission again (Slack retried it), and the same values from another request: nothing new.
    expect(await t.store.changeThresholds(request)).toEqual({ kind: 'replayed' });
    expect(await t.store.changeThresholds({ ...request, requestKey: 'V2', now: T0 + HOUR })).toEqual({
      kind: 'unchanged',
    });
    expect(await t.store.thresholdsInForce()).toEqual({
      thresholds: proposed,
      changedBy: 'U0ADMIN01',
      changedAt: T0,
      version: 1,
    });
    const back = {
      ...request,
      thresholds: DEFAULT_ZONE_THRESHOLDS,
      requestKey: 'V3',
      actor: 'U0ADMIN02',
      now: T0 + DAY,
    };
    await t.store.changeThresholds(back);
    expect((await t.store.thresholdsInForce()).version).toBe(2);
    expect(
      (await t.store.thresholdChangesSince(T0 + 1)).map((c) => [c.changedBy, c.before.redBelow, c.after.redBelow]),
    ).toEqual([['U0ADMIN02', 45, 50]]);
    const transport = new RecordingTransport();
    await drain(t.store, transport, T0 + DAY);
    expect(transport.ofType('radar-notice').map((m) => m.text)).toEqual(['red_below 50 → 45', 'red_below 45 → 50']);
  });

  it('counts deliveries that failed or gave up in a window', async () => {
    const t = await openStore(kind);
    cleanups.push(t.cleanup);
    for (const [i, redBelow] of [40, 41, 42].entries()) {
      await t.store.changeThresholds({
        actor: 'U0ADMIN01',
        now: T0 + i,
        thresholds: { ...DEFAULT_ZONE_THRESHOLDS, redBelow },
        requestKey: `K${i}`,
        notice: () => notice(String(redBelow)) as never,
      });
    }
    const [first, second] = await t.store.claimOutbox(T0 + 10, 60_000, 2);
    await t.store.failOutbox(first?.id ?? -1, 'channel_not_found', null);
    await t.store.failOutbox(second?.id ?? -1, 'ratelimited', T0 + 20);
    expect(await t.store.deliveryStats(T0)).toEqual({ created: 3, failed: 2, dead: 1 });
    expect(await t.store.deliveryStats(T0 + 3)).toEqual({ created: 0, failed: 0, dead: 0 });
  });

  describe('self-health: each condition gives one notice and one all-clear, across restarts and two instances', () => {
    /** Runs the check every 10 minutes from `from` to `to` on alternating instances, reopening the state halfway. */
    async function checks(
      kindOf: StoreKind,
      steps: readonly { readonly at: number; readonly facts: Partial<HealthFacts> }[],
    ): Promise<string[]> {
      const t = await openStore(kindOf, T0 - 30 * DAY);
      cleanups.push(t.cleanup);
      const texts: string[] = [];
      let stores = [t.store, await reopen(kindOf, t.url, T0)];
      for (const [i, step] of steps.entries()) {
        if (i === Math.floor(steps.length / 2)) {
          // A restart: both instances come back on the same state (the old handles are closed at cleanup).
          stores = [await reopen(kindOf, t.url, step.at), await reopen(kindOf, t.url, step.at)];
        }
        const facts = (store: AlertStore): HealthFacts => ({
          store,
          now: step.at,
          staleAfterMs: 3 * DAY,
          dataDateMs: () => step.at - DAY,
          scanCron: '0 * * * *',
          ...step.facts,
        });
        // Both instances check the same period at once: the store lets one of them decide.
        const runs = await Promise.all(stores.map((s) => runHealthJob(facts(s))));
        expect(runs.filter((r) => r.ran)).toHaveLength(1);
        const transport = new RecordingTransport();
        await drain(stores[0] as AlertStore, transport, step.at);
        texts.push(...transport.ofType('radar-notice').map((m) => m.text));
      }
      return texts;
    }

    const every10 = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i * 10 * 60_000);

    it('stale data: one notice when the data date passes RADAR_STALE_AFTER, one all-clear when a new export lands', async () => {
      const times = every10(12, T0);
      const texts = await checks(
        kind,
        times.map((at, i) => ({ at, facts: { dataDateMs: () => (i >= 3 && i < 9 ? at - 4 * DAY : at - DAY) } })),
      );
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(
        /^:warning: \*Radar needs attention\.\* The export's data date is .*, 4 days old \(more than 3 days\)/,
      );
      expect(texts[1]).toMatch(/^:white_check_mark: \*Resolved after 60 minutes\.\* The export's data date is/);
    });

    it('snapshot cache: one notice when its build fails, one all-clear when a build succeeds', async () => {
      const failed: SnapshotCacheState = { kind: 'failed', at: T0, error: 'ENOSPC: no space left on device' };
      const ready: SnapshotCacheState = { kind: 'ready', at: T0 };
      const texts = await checks(
        kind,
        every10(10, T0).map((at, i) => ({ at, facts: { cache: () => (i >= 2 && i < 8 ? failed : ready) } })),
      );
      expect(texts).toEqual([
        expect.stringMatching(/snapshot cache of the export could not be built \(ENOSPC: no space left on device\)/),
        ':white_check_mark: *Resolved after 60 minutes.* The snapshot cache is built.',
      ]);
    });

    it('a flapping problem is noticed at most once a day', async () => {
      const failed: SnapshotCacheState = { kind: 'failed', at: T0, error: 'disk' };
      const ready: SnapshotCacheState = { kind: 'ready', at: T0 };
      // Fails, clears, fails again within the hour: one notice, one all-clear, and the second episode is held back.
      const texts = await checks(
        kind,
        every10(8, T0).map((at, i) => ({
          at,
          facts: { cache: () => ([0, 1, 4, 5, 6, 7].includes(i) ? failed : ready) },
        })),
      );
      expect(texts.map((t) => t.slice(0, 20))).toEqual([':warning: *Radar nee', ':white_check_mark: *']);
    });

    it('scheduled job: one notice when the scan has not run for two periods, one all-clear when it runs again', async () => {
      const t = await openStore(kind, T0 - DAY);
      cleanups.push(t.cleanup);
      await scan(t.store, [], T0); // the scan of 10:00 ran
      const second = await reopen(kind, t.url, T0);
      const transport = new RecordingTransport();
      const texts: string[] = [];
      for (const at of every10(24, T0 + 10 * 60_000)) {
        if (at === T0 + 3 * HOUR + 20 * 60_000) await scan(t.store, [], at); // it runs again at 13:20
        const facts = (store: AlertStore): HealthFacts => ({
          store,
          now: at,
          staleAfterMs: 3 * DAY,
          dataDateMs: () => at - DAY,
          scanCron: '0 * * * *',
        });
        await Promise.all([runHealthJob(facts(t.store)), runHealthJob(facts(second))]);
        await drain(t.store, transport, at);
        texts.push(...transport.ofType('radar-notice').map((m) => m.text));
        transport.clear();
      }
      // Slots 11:00 and 12:00 missed → late from 13:00 (the 13:00 slot may still be running); back at 13:20.
      expect(texts).toEqual([
        expect.stringMatching(
          /^:warning: .*The red-zone scan has not run for two periods: last run 2026-11-23 10:00 UTC/,
        ),
        expect.stringMatching(
          /^:white_check_mark: \*Resolved after 20 minutes\.\* The red-zone scan last ran 2026-11-23 13:00 UTC/,
        ),
      ]);
    });

    it('deliveries: one notice when a message gives up, one all-clear when the last 24 hours are clean again', async () => {
      const t = await openStore(kind, T0 - DAY);
      cleanups.push(t.cleanup);
      await t.store.changeThresholds({
        actor: 'U0ADMIN01',
        now: T0,
        thresholds: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
        requestKey: 'K',
        notice: () => notice('line') as never,
      });
      const [entry] = await t.store.claimOutbox(T0, 60_000, 1);
      await t.store.failOutbox(entry?.id ?? -1, 'channel_not_found', null);
      const transport = new RecordingTransport();
      const texts: string[] = [];
      for (const at of [T0 + HOUR, T0 + 2 * HOUR, T0 + DAY + HOUR, T0 + DAY + 2 * HOUR]) {
        const store = await reopen(kind, t.url, at); // every check on a freshly started instance
        await runHealthJob({ store, now: at, staleAfterMs: 3 * DAY, dataDateMs: () => at, scanCron: '0 * * * *' });
        await drain(store, transport, at);
        texts.push(...transport.ofType('radar-notice').map((m) => m.text));
        transport.clear();
      }
      expect(texts).toEqual([
        expect.stringMatching(/^:warning: .*1 message gave up \(dead letters\) and 1 of 1 failed at least once/),
        expect.stringMatching(
          /^:white_check_mark: \*Resolved after 24 hours\.\* Deliveries in the last 24 hours: 1, none gave up\./,
        ),
      ]);
    });
  });
});

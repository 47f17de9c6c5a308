import { copyFileSync, linkSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { OUTBOX_EVENT_TYPE } from '../../src/slack/alerts/delivery-read-back.js';
import { HOUR, T0 } from '../alerts/alert-fixtures.js';
import { changedDemoWarehouse } from '../alerts/changed-warehouse.js';
import { seededRandom } from '../analysis/seeded-random.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeMessage, FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';
import { getFreePort } from '../helpers/free-port.js';
import { createTestDatabase, queryDatabase } from '../helpers/postgres-database.js';
import { RadarServeProcess } from '../helpers/radar-serve-process.js';

/**
 * Two real `radar serve` processes (HTTP mode) on one Postgres and the fake Slack, their alert clock and schedule
 * ticks driven by the test (RADAR_TEST_CLOCK=ipc, src/slack/test-clock.ts), over 33 scan/dispatch cycles and 84
 * hours of Radar time: every step fires, in both processes at once, whatever node-cron would have fired (scan, SLA
 * check, digest check, outbox). Faults: SIGKILL of one process at a random point; SIGKILL of the process that posted,
 * in the milliseconds after the fake Slack accepted its post; a post Slack accepts but never answers (the client
 * times out). A killed process is restarted at once and rejoins when it listens, as a replaced host would, while the
 * other carries on. The export is replaced between cycles (hard links renamed into place), so customers turn red and
 * recover; from hour 20 a set of alerts stays open unacknowledged long enough for 24-hour reminders (thread replies,
 * read back with conversations.replies) and 48-hour escalations. Then the count of what the fake Slack holds.
 */
const CLEAN_CYCLES = 2;
const ALERTS = FAKE_CHANNELS.publicMember;
const MANAGERS_CHANNEL = FAKE_CHANNELS.privateMember;
/** How long a cycle waits for the post it means to kill after, or the k-th post of a random kill. */
const POST_WAIT_MS = 8_000;

type Fault = 'none' | 'random-kill' | 'kill-after-post' | 'timeout-after-post';
type WarehouseName = 'base' | 'red3' | 'red6' | 'red9' | 'red12';

interface Cycle {
  readonly at: number;
  readonly warehouse: WarehouseName;
  readonly fault: Fault;
}

/**
 * Hours 1–16, hourly: the export alternates between the demo and a copy where its 3 highest-priority non-red
 * customers are red and 2 red ones recovered, so every cycle posts alerts; the Monday digest is due at 14:00 UTC
 * (09:00 in New York). From hour 20, every 4 hours: 6, then 9, then 12 customers red and staying red, so reminders
 * fall due at hours 44, 48, 52 and escalations at 68, 72, 76. Cycles with a post expected get the post faults.
 */
function plan(): Cycle[] {
  const cycles: Cycle[] = [];
  const postFaults: Fault[] = ['kill-after-post', 'timeout-after-post', 'random-kill', 'none'];
  for (let hour = 1; hour <= 16; hour++) {
    cycles.push({
      at: T0 + hour * HOUR,
      warehouse: hour % 2 === 1 ? 'red3' : 'base',
      fault: postFaults[hour % 4] as Fault,
    });
  }
  const waves: WarehouseName[] = ['red6', 'red9', 'red12'];
  const alertFaults: Fault[] = ['kill-after-post', 'timeout-after-post', 'random-kill'];
  const reminderFaults: Fault[] = ['timeout-after-post', 'kill-after-post', 'timeout-after-post'];
  const escalationFaults: Fault[] = ['kill-after-post', 'timeout-after-post', 'kill-after-post'];
  for (let step = 0; step <= 14 + CLEAN_CYCLES; step++) {
    let fault: Fault;
    if (step > 14) fault = 'none';
    else if (step <= 2) fault = alertFaults[step] as Fault;
    else if (step >= 6 && step <= 8) fault = reminderFaults[step - 6] as Fault;
    else if (step >= 12) fault = escalationFaults[step - 12] as Fault;
    else fault = step % 2 === 0 ? 'random-kill' : 'none';
    cycles.push({ at: T0 + (20 + 4 * step) * HOUR, warehouse: waves[Math.min(step, 2)] as WarehouseName, fault });
  }
  return cycles;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function entryOf(message: FakeMessage): string | undefined {
  const metadata = message.metadata;
  return metadata?.event_type === OUTBOX_EVENT_TYPE ? String(metadata.event_payload.entry) : undefined;
}

const KINDS = {
  alerts: 'alert-post:',
  summaries: 'summary-post:',
  reminders: 'reminder:',
  escalations: 'escalation:',
  digests: 'digest:',
} as const;

describe('two radar serve processes on one Postgres, with kill -9 and timeouts (fake Slack over HTTP)', () => {
  it('delivers every alert, summary, reminder, escalation and digest exactly once over 33 cycles', async () => {
    const started = performance.now();
    const clock = new ManualClock(T0);
    const fake = await FakeSlack.start({ clock });
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'radar-fault-'));
    cleanups.push(
      () => fake.stop(),
      () => database.drop(),
      () => rmSync(dir, { recursive: true, force: true }),
    );

    const exports: Record<WarehouseName, string> = {
      base: join(dir, 'base.sqlite'),
      red3: changedDemoWarehouse(join(dir, 'red3.sqlite'), 3, 2).path,
      red6: changedDemoWarehouse(join(dir, 'red6.sqlite'), 6, 2).path,
      red9: changedDemoWarehouse(join(dir, 'red9.sqlite'), 9, 2).path,
      red12: changedDemoWarehouse(join(dir, 'red12.sqlite'), 12, 2).path,
    };
    copyFileSync(ensureDemoWarehouse('full'), exports.base);
    const live = join(dir, 'warehouse.sqlite');
    let current: WarehouseName | undefined;
    /** A new export lands: renamed into place, as an export job would, so readers see a new file. */
    const useExport = (name: WarehouseName) => {
      if (name === current) return;
      const next = join(dir, 'next.sqlite');
      linkSync(exports[name], next);
      renameSync(next, live);
      current = name;
    };
    useExport('base');

    const instances: RadarServeProcess[] = [];
    for (const name of ['A', 'B']) {
      instances.push(
        new RadarServeProcess(
          name,
          {
            SLACK_BOT_TOKEN: fake.botToken,
            SLACK_SIGNING_SECRET: 'fault-test-secret',
            SLACK_API_URL: fake.apiUrlFor(name),
            // A 1 s Slack call timeout, so "timeout after Slack posted" costs a second (production: 20 s).
            SLACK_TIMEOUT_MS: '1000',
            PORT: String(await getFreePort()),
            LOG_LEVEL: 'warn',
            RADAR_WAREHOUSE: live,
            RADAR_CACHE_DIR: join(dir, 'snapshot-cache'),
            RADAR_STATE_URL: database.url,
            RADAR_ALERT_CHANNEL: ALERTS,
            RADAR_ESCALATION_CHANNEL: MANAGERS_CHANNEL,
            RADAR_MANAGERS: FAKE_USERS.newYork,
          },
          () => clock.now(),
        ),
      );
    }
    cleanups.push(async () => {
      for (const instance of instances) await instance.stop();
    });
    // Both start at T0 (Monday 10:00 UTC); their start-up catch-up runs the first scan: the baseline summary.
    await Promise.all(instances.map((i) => i.start()));
    await Promise.all(instances.map((i) => i.caughtUp));
    const preparedMs = performance.now() - started;

    /** Restarts of killed processes, running while the cycles go on. */
    const restarts = new Map<RadarServeProcess, Promise<void>>();
    const restart = (instance: RadarServeProcess) => {
      restarts.set(
        instance,
        instance.start().finally(() => restarts.delete(instance)),
      );
    };
    const up = () => instances.filter((i) => i.alive && !restarts.has(i));
    /** Posts the fake received after call `after`, up to call `upTo`. */
    const postsSince = (after: number, upTo: number) =>
      fake.calls.of('chat.postMessage', (c) => c.seq > after && c.seq <= upTo).length;

    const random = seededRandom(17);
    const faults = { randomKills: 0, killsAfterPost: 0, timeoutsArmed: 0 };
    const cycles = plan();
    // On a failure, the cycles as they ran: hour, export, fault, and what each process fired (or 'killed').
    const trace: string[] = [];
    let restartWaitMs = 0;
    onTestFailed(() => console.log(trace.join('\n')));
    for (const { at, warehouse, fault } of cycles) {
      const kills = fault === 'random-kill' || fault === 'kill-after-post';
      // A kill leaves one process running: wait for a restart first if only one is up (or none at all). Before the
      // clock moves, so the restarted process starts on an earlier time and this step fires the slot's jobs in both,
      // as in a process restarted within the hour. (Started on the slot's own time, its start-up catch-up would be
      // all that covers the slot: a slot skipped if that catch-up ran after the next step, which Radar time outpaces.)
      const waitStarted = performance.now();
      while (up().length < (kills ? 2 : 1)) await Promise.race(restarts.values());
      restartWaitMs += performance.now() - waitStarted;
      clock.set(at);
      useExport(warehouse);
      const posted = fake.calls.all().length;
      if (fault === 'timeout-after-post') {
        fake.acceptThenHangNext('chat.postMessage');
        faults.timeoutsArmed++;
      }
      const stepping = up();
      const steps = Promise.all(
        stepping.map((i) => i.step(at).then((f) => `${i.name}:${Array.isArray(f) ? f.join(',') : f}`)),
      );
      // Waits for a post no longer than the cycle's steps take: a cycle without (enough) posts does not hold the test.
      const stepsDone = steps.then(() => null);
      if (fault === 'random-kill') {
        const victim = stepping[Math.floor(random() * stepping.length)] as RadarServeProcess;
        // A random point: at once (mid-scan), or after the k-th post of the cycle (mid-delivery, else once idle).
        const k = Math.floor(random() * 4);
        if (k > 0) {
          const kthPost = fake.calls
            .waitFor('chat.postMessage', (c) => postsSince(posted, c.seq) >= k, POST_WAIT_MS)
            .catch(() => null);
          await Promise.race([kthPost, stepsDone]);
        }
        await victim.kill();
        faults.randomKills++;
        restart(victim);
      } else if (fault === 'kill-after-post') {
        const accepted = fake
          .waitForCall('chat.postMessage', (c) => c.seq > posted && c.status === 200, POST_WAIT_MS)
          .catch(() => null);
        const first = await Promise.race([accepted, stepsDone]);
        // The process that posted dies before it can record the receipt.
        const poster = instances.find((i) => i.name === first?.client);
        if (poster?.alive) {
          await poster.kill();
          faults.killsAfterPost++;
          restart(poster);
        }
      }
      trace.push(`${(at - T0) / HOUR} ${warehouse} ${fault} ${(await steps).join(' ')}`);
    }
    // Both back, caught up, then the clean cycles' steps already ran for both; one more step each flushes leases.
    while (restarts.size > 0) await Promise.race(restarts.values());
    await Promise.all(instances.map((i) => i.caughtUp));
    const last = (cycles.at(-1) as Cycle).at + 4 * HOUR;
    clock.set(last);
    await Promise.all(instances.map((i) => i.step(last)));

    // What Slack holds, per outbox entry.
    const messages = [...fake.workspace.channels.keys()].flatMap((id) => fake.messagesIn(id));
    const perEntry = new Map<string, number>();
    for (const message of messages) {
      const entry = entryOf(message);
      if (entry !== undefined) perEntry.set(entry, (perEntry.get(entry) ?? 0) + 1);
    }
    const outbox = await queryDatabase<{ dedupe_key: string; delivered: boolean; dead: number }>(
      database.url,
      `SELECT dedupe_key, delivered_at IS NOT NULL AS delivered, dead FROM outbox WHERE dedupe_key NOT LIKE '%refresh:%'`,
    );
    const byKind = Object.fromEntries(
      Object.entries(KINDS).map(([kind, prefix]) => {
        const rows = outbox.filter((row) => row.dedupe_key.startsWith(prefix));
        const lost = rows.filter((row) => !row.delivered || !perEntry.has(row.dedupe_key)).map((r) => r.dedupe_key);
        const duplicated = rows.filter((row) => (perEntry.get(row.dedupe_key) ?? 0) > 1).map((r) => r.dedupe_key);
        return [kind, { sent: rows.length, lost, duplicated }];
      }),
    ) as Record<keyof typeof KINDS, { sent: number; lost: string[]; duplicated: string[] }>;
    // Posts carrying an entry the outbox does not have (none expected), and digest chart uploads (no metadata).
    const strays = [...perEntry.keys()].filter((entry) => !outbox.some((row) => row.dedupe_key === entry));
    const chartEntries = outbox.filter((row) => row.dedupe_key.startsWith('digest-charts:'));
    const uploads = fake.calls.succeeded('files.completeUploadExternal');
    const hung = fake.calls.of('chat.postMessage', (c) => c.status === 'hung');
    const figures = {
      cycles: cycles.length,
      hoursOfRadarTime: (last - T0) / HOUR,
      ...faults,
      timeoutsAfterPost: hung.length,
      kills: instances.reduce((n, i) => n + i.kills, 0),
      historyReads: fake.calls.succeeded('conversations.history').length,
      threadReads: fake.calls.succeeded('conversations.replies').length,
      ...Object.fromEntries(Object.entries(byKind).map(([kind, v]) => [kind, v.sent])),
      digestChartUploads: uploads.length,
      lost:
        Object.values(byKind).reduce((n, v) => n + v.lost.length, 0) +
        (chartEntries.length - uploads.length > 0 ? chartEntries.length - uploads.length : 0),
      duplicated:
        Object.values(byKind).reduce((n, v) => n + v.duplicated.length, 0) +
        Math.max(0, uploads.length - chartEntries.length),
      seconds: Math.round((performance.now() - started) / 1000),
      preparingSeconds: Math.round(preparedMs / 1000),
      waitingForRestartsSeconds: Math.round(restartWaitMs / 1000),
    };
    console.log(`two-instance fault test: ${JSON.stringify(figures)}`);
    for (const [kind, v] of Object.entries(byKind)) {
      expect({ kind, lost: v.lost, duplicated: v.duplicated }).toEqual({ kind, lost: [], duplicated: [] });
    }
    expect(strays).toEqual([]);
    expect(outbox.filter((row) => row.dead > 0)).toEqual([]);
    // Worked out from the plan: one baseline summary at T0; 6 + 3 + 3 alerts that stay open get one reminder each
    // (each has its own card) and one escalation per wave; one Monday digest (one manager, no digest channel) with
    // its one chart upload. Alerts: each of the 8 red3 hours turns 3 customers red and the base hour after it turns
    // the 2 recovered ones red again (8 × 5), then the waves add 6 + 3 + 3. Every cycle has a process stepping, so
    // a scan that reads a stale export (a snapshot cache filed under the wrong file) shows up here as fewer.
    expect(byKind.summaries.sent).toBe(1);
    expect(byKind.reminders.sent).toBe(12);
    expect(byKind.escalations.sent).toBe(3);
    expect(byKind.digests.sent).toBe(1);
    expect(chartEntries).toHaveLength(1);
    expect(uploads).toHaveLength(1);
    expect(byKind.alerts.sent).toBe(8 * (3 + 2) + 6 + 3 + 3);
    expect(figures.killsAfterPost).toBeGreaterThanOrEqual(5);
    expect(figures.timeoutsAfterPost).toBeGreaterThanOrEqual(5);
    expect(figures.threadReads).toBeGreaterThanOrEqual(1);
    expect(fake.violations).toEqual([]);
  }, 600_000);
});

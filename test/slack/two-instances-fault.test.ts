import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { OUTBOX_EVENT_TYPE } from '../../src/slack/alerts/delivery-read-back.js';
import { T0 } from '../alerts/alert-fixtures.js';
import { changedDemoWarehouse } from '../alerts/changed-warehouse.js';
import { seededRandom } from '../analysis/seeded-random.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeMessage, FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';
import { createTestDatabase, queryDatabase } from '../helpers/postgres-database.js';

/**
 * Two Radar instances on one Postgres and the fake Slack (over HTTP), for 28 hourly scan/dispatch cycles under faults plus 2 clean ones in which
 * both instances run the scan, the SLA check and delivery at the same moment. Faults, in turn: none; SIGKILL of one
 * instance at a random point; SIGKILL of both in the milliseconds after the fake Slack accepted a post; a post that
 * Slack accepts but never answers (the client times out). Killed instances restart. Then two clean cycles, and the
 * count of what the fake Slack holds: every alert, summary and digest exactly once (no alert stays open 24 h here,
 * so reminders and escalations do not occur; they go through the same outbox and read-back).
 */
const repo = resolve(import.meta.dirname, '../..');
const HOUR = 3_600_000;
const CYCLES = 28;
const ALERTS = FAKE_CHANNELS.publicMember;
const MANAGERS_CHANNEL = FAKE_CHANNELS.privateMember;

class Instance {
  #child: ChildProcessWithoutNullStreams | null = null;
  #waiting: ((line: string) => void) | null = null;
  #exited: Promise<void> = Promise.resolve();
  kills = 0;

  constructor(
    readonly name: string,
    private readonly args: readonly string[],
  ) {}

  async start(now: number): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'test/alerts/fault-instance.ts'), ...this.args, String(now), this.name],
      { cwd: repo },
    );
    this.#child = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    this.#exited = new Promise((done) => {
      child.on('exit', (code, signal) => {
        if (signal === null && code !== 0) this.#waiting?.(`crashed ${code}: ${stderr.slice(-2000)}`);
        else this.#waiting?.('killed');
        done();
      });
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.#waiting?.(line));
    const first = await this.#next();
    if (first !== 'ready') throw new Error(`${this.name} did not start: ${first}`);
  }

  #next(): Promise<string> {
    return new Promise((resolveLine) => {
      this.#waiting = (line) => {
        this.#waiting = null;
        resolveLine(line);
      };
    });
  }

  /** Sends a command; resolves with its answer, or 'killed'. */
  run(command: string): Promise<string> {
    const answer = this.#next();
    this.#child?.stdin.write(`${command}\n`);
    return answer.then((line) => {
      if (line.startsWith('crashed')) throw new Error(`${this.name} ${line}`);
      return line;
    });
  }

  async kill(): Promise<void> {
    if (this.#child === null || this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.kills++;
    this.#child.kill('SIGKILL');
    await this.#exited;
  }

  get alive(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function entryOf(message: FakeMessage): string | undefined {
  const metadata = message.metadata;
  return metadata?.event_type === OUTBOX_EVENT_TYPE ? String(metadata.event_payload.entry) : undefined;
}

describe('two Radar instances on one Postgres, with kill -9 and timeouts (fake Slack over HTTP)', () => {
  it('delivers every alert, summary and digest exactly once over 30 cycles with kills and timeouts', async () => {
    const clock = new ManualClock(T0);
    const fake = await FakeSlack.start({ clock });
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'radar-fault-'));
    cleanups.push(
      () => fake.stop(),
      () => database.drop(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    const warehouses = {
      base: ensureDemoWarehouse('full'),
      changed: changedDemoWarehouse(join(dir, 'changed.sqlite'), 3, 2).path,
    };
    const env = {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: 'fault-test-secret',
      SLACK_API_URL: fake.apiUrl,
      RADAR_STATE_URL: database.url,
      RADAR_ALERT_CHANNEL: ALERTS,
      RADAR_ESCALATION_CHANNEL: MANAGERS_CHANNEL,
      RADAR_MANAGERS: FAKE_USERS.newYork,
    };
    const args = [JSON.stringify(env), JSON.stringify(warehouses)];
    const instances = [new Instance('A', args), new Instance('B', args)];
    cleanups.push(async () => {
      for (const instance of instances) await instance.kill();
    });
    await Promise.all(instances.map((i) => i.start(T0)));

    const random = seededRandom(17);
    const faults = { randomKills: 0, killsAfterPost: 0, timeoutsAfterPost: 0 };
    const cycle = async (index: number, fault: number, command: 'scan' | 'digest') => {
      const at = T0 + index * HOUR;
      clock.advance(at - clock.now());
      const warehouse = index % 2 === 0 ? 'base' : 'changed';
      const line = command === 'scan' ? `scan ${at} ${warehouse}` : `digest ${at}`;
      const posted = fake.calls.all().length;
      if (fault === 3) {
        fake.acceptThenHangNext('chat.postMessage');
        faults.timeoutsAfterPost++;
      }
      const runs = Promise.all(instances.map((i) => i.run(line)));
      if (fault === 1) {
        const victim = instances[Math.floor(random() * 2)] as Instance;
        // A random point: at once (mid-scan), or after the k-th Slack call of the cycle (mid-delivery).
        const k = Math.floor(random() * 4);
        if (k > 0) {
          await fake.calls
            .waitFor('chat.postMessage', (c) => c.seq > posted + k, 15_000)
            .catch(() => fake.calls.waitFor('chat.update', (c) => c.seq > posted, 1))
            .catch(() => null);
        }
        await victim.kill();
        faults.randomKills++;
      } else if (fault === 2) {
        const accepted = await fake
          .waitForCall('chat.postMessage', (c) => c.seq > posted && c.status === 200, 15_000)
          .catch(() => null);
        if (accepted !== null) {
          // The instance that posted dies before it can record the receipt.
          const poster = instances.find((i) => i.name === accepted.headers['x-radar-instance']);
          await poster?.kill();
          if (poster !== undefined) faults.killsAfterPost++;
        }
      }
      await runs;
      for (const instance of instances) if (!instance.alive) await instance.start(at);
    };

    for (let index = 0; index < CYCLES; index++) {
      await cycle(index, index % 4, 'scan');
      // The Monday digest (due 14:00 UTC for New York): both instances run it, under faults too.
      if (index >= 5 && index <= 7) await cycle(index, (index % 3) + 1, 'digest');
    }
    for (let index = CYCLES; index < CYCLES + 2; index++) await cycle(index, 0, 'scan');

    // What Slack holds, per outbox entry.
    const messages = [ALERTS, MANAGERS_CHANNEL, ...fake.workspace.channels.keys()]
      .filter((id, i, all) => all.indexOf(id) === i)
      .flatMap((id) => fake.messagesIn(id));
    const perEntry = new Map<string, number>();
    for (const message of messages) {
      const entry = entryOf(message);
      if (entry !== undefined) perEntry.set(entry, (perEntry.get(entry) ?? 0) + 1);
    }
    const duplicated = [...perEntry].filter(([, n]) => n > 1).map(([entry, n]) => `${entry} ×${n}`);
    const outbox = await queryDatabase<{ dedupe_key: string; delivered: boolean; dead: number }>(
      database.url,
      `SELECT dedupe_key, delivered_at IS NOT NULL AS delivered, dead FROM outbox
       WHERE dedupe_key NOT LIKE '%refresh:%'`,
    );
    // Uploads carry no metadata (digest charts): they are counted by the uploads the fake completed, below.
    const lost = outbox
      .filter(
        (row) => !row.delivered || (!row.dedupe_key.startsWith('digest-charts:') && !perEntry.has(row.dedupe_key)),
      )
      .map((row) => row.dedupe_key);
    const alerts = await queryDatabase<{ id: number; delivery: string }>(
      database.url,
      'SELECT id, delivery FROM alerts',
    );
    const summaries = await queryDatabase<{ id: number }>(database.url, 'SELECT id FROM summaries');
    const uploads = fake.calls.succeeded('files.completeUploadExternal');
    const count = (prefix: string) => outbox.filter((row) => row.dedupe_key.startsWith(prefix)).length;
    const figures = {
      cycles: CYCLES + 2,
      ...faults,
      kills: instances.reduce((n, i) => n + i.kills, 0),
      alerts: alerts.length,
      alertPosts: count('alert-post:'),
      summaries: summaries.length,
      reminders: count('reminder:'),
      escalations: count('escalation:'),
      digests: count('digest:'),
      digestChartUploads: uploads.length,
      historyReads:
        fake.calls.succeeded('conversations.history').length + fake.calls.succeeded('conversations.replies').length,
      duplicated: duplicated.length,
      lost: lost.length,
    };
    console.log(`two-instance fault test: ${JSON.stringify(figures)}`);

    expect(duplicated).toEqual([]);
    expect(lost).toEqual([]);
    expect(summaries.map((s) => perEntry.get(`summary-post:${s.id}`) ?? 0).every((n) => n === 1)).toBe(true);
    const individual = alerts.filter((a) => a.delivery === 'individual');
    expect(individual.map((a) => perEntry.get(`alert-post:${a.id}`) ?? 0).every((n) => n === 1)).toBe(true);
    expect(figures.digests).toBe(1);
    expect(uploads).toHaveLength(1);
    expect(figures.alertPosts).toBeGreaterThanOrEqual(30);
    expect(figures.killsAfterPost).toBeGreaterThanOrEqual(5);
    expect(figures.timeoutsAfterPost).toBeGreaterThanOrEqual(5);
    expect(fake.violations).toEqual([]);
  }, 600_000);
});

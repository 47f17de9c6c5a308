import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { changedDemoWarehouse } from '../alerts/changed-warehouse.js';
import { FAKE_CHANNELS, FAKE_USERS, FakeSlack, UPLOAD_METHOD } from '../helpers/fake-slack/index.js';
import { createTestDatabase } from '../helpers/postgres-database.js';

/**
 * The "done when" walk-through: the real `radar` CLI (a child process per command, as an operator runs it) on the
 * demo warehouse, against the fake Slack. Scans at --now instants, then the digest across a Monday.
 */
const repo = resolve(import.meta.dirname, '../..');
const ALERTS = FAKE_CHANNELS.publicMember;
const MANAGERS_CHANNEL = FAKE_CHANNELS.privateMember;
let fake: FakeSlack;
let dir: string;

beforeAll(async () => {
  fake = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), 'radar-demo-flow-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function radar(
  args: string[],
  warehouse: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
      cwd: repo,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: 'demo-flow-secret',
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: fake.apiUrl,
        RADAR_WAREHOUSE: warehouse,
        RADAR_STATE_DB: join(dir, 'state.sqlite'),
        RADAR_ALERT_CHANNEL: ALERTS,
        RADAR_ESCALATION_CHANNEL: MANAGERS_CHANNEL,
        RADAR_MANAGERS: `${FAKE_USERS.newYork},${FAKE_USERS.shanghai}`,
        RADAR_DIGEST_CHANNEL: '',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

const posts = (predicate: (args: Record<string, unknown>) => boolean) =>
  fake.calls.succeeded('chat.postMessage', (c) => predicate(c.args));

describe('radar scan and digest on the demo, against the fake Slack', () => {
  const demo = ensureDemoWarehouse('full');

  it('walks from the baseline to new reds, 24 h reminders, 48 h escalations and the Monday digests', async () => {
    const baseline = await radar(['scan', '--now', '2026-11-23T10:00:00Z'], demo);
    expect(baseline.stderr).toBe('');
    expect(baseline.stdout).toContain('baseline');
    const first = posts((a) => a.channel === ALERTS);
    expect(first).toHaveLength(1);
    expect(String(first[0]?.args.text)).toMatch(/^Baseline: \d+ customers already in the red zone$/);

    const changed = changedDemoWarehouse(join(dir, 'changed.sqlite'), 23, 2);
    const later = await radar(['scan', '--now', '2026-11-23T11:00:00Z'], changed.path);
    expect(later.stdout).toContain('20 new alerts, 3 in the overflow summary; 2 resolved.');
    const alertPosts = posts((a) => a.channel === ALERTS && String(a.text).startsWith('Red zone:'));
    expect(alertPosts).toHaveLength(20);
    expect(posts((a) => String(a.text) === '3 more customers entered the red zone')).toHaveLength(1);
    // The two recoveries are struck through on the baseline summary, updated in place.
    expect(fake.calls.succeeded('chat.update').length).toBeGreaterThanOrEqual(1);

    const again = await radar(['scan', '--now', '2026-11-23T11:30:00Z'], changed.path);
    expect(again.stdout).toContain('already ran for this period');

    const day = await radar(['scan', '--now', '2026-11-24T11:00:00Z'], changed.path);
    expect(day.stdout).toContain('SLA check 2026-11-24T11:00Z: 23 reminders, 0 escalations');
    const reminders = posts((a) => a.thread_ts !== undefined && String(a.text).startsWith('Reminder'));
    expect(reminders).toHaveLength(21); // 20 cards + one grouped reminder in the overflow summary's thread

    const twoDays = await radar(['scan', '--now', '2026-11-25T11:00:00Z'], changed.path);
    expect(twoDays.stdout).toContain('0 reminders, 23 escalations');
    const escalations = posts((a) => a.channel === MANAGERS_CHANNEL);
    expect(escalations).toHaveLength(1);
    expect(String(escalations[0]?.args.text)).toBe(
      'SLA missed: 23 red-zone alerts without an intervention after 48 h.',
    );

    // Monday 30 Nov: Shanghai's 09:00 is 01:00 UTC, New York's (EST) is 14:00 UTC.
    const early = await radar(['digest', '--now', '2026-11-30T00:45:00Z'], changed.path);
    expect(early.stdout).toContain(`@${FAKE_USERS.shanghai}: not due yet (due Mon 30 Nov 2026, 09:00 GMT+8)`);
    // Still Sunday evening in New York: last Monday's digest (never sent) is too late to catch up.
    expect(early.stdout).toContain(`@${FAKE_USERS.newYork}: 2026-W48 digest skipped`);
    const shanghai = await radar(['digest', '--now', '2026-11-30T01:00:00Z'], changed.path);
    expect(shanghai.stdout).toContain(`@${FAKE_USERS.shanghai}: 2026-W49 digest sent`);
    const before = await radar(['digest', '--now', '2026-11-30T13:59:00Z'], changed.path);
    expect(before.stdout).toContain(`@${FAKE_USERS.shanghai}: 2026-W49 digest already sent`);
    expect(before.stdout).toContain(`@${FAKE_USERS.newYork}: not due yet (due Mon 30 Nov 2026, 09:00 EST)`);
    const newYork = await radar(['digest', '--now', '2026-11-30T14:00:00Z'], changed.path);
    expect(newYork.stdout).toContain(`@${FAKE_USERS.newYork}: 2026-W49 digest sent`);

    const digests = posts((a) => String(a.text).startsWith('Radar weekly digest'));
    expect(digests.map((c) => c.args.channel)).toEqual([FAKE_USERS.shanghai, FAKE_USERS.newYork]);
    expect(JSON.stringify(digests[0]?.args.blocks)).toContain('Top 10 by priority');
    expect(fake.calls.succeeded('files.completeUploadExternal')).toHaveLength(2);
    expect(fake.calls.of(UPLOAD_METHOD).length).toBeGreaterThanOrEqual(4);
    expect(fake.violations).toEqual([]);
  }, 180_000);

  it('says "failed permanently" and exits non-zero when the alert channel does not exist, without retrying', async () => {
    const env = { RADAR_ALERT_CHANNEL: 'C0DELETED01', RADAR_STATE_DB: join(dir, 'state-deleted-channel.sqlite') };
    const run = await radar(['scan', '--now', '2026-11-23T10:00:00Z'], demo, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Delivered 0 messages, 1 failed permanently.');
    expect(run.stdout).not.toContain('will retry');
    expect(run.stderr).toMatch(
      /1 message failed permanently and will not be retried \(summary-post:\d+: summary-post: channel_not_found\)/,
    );
    const again = await radar(['scan', '--now', '2026-11-23T10:30:00Z'], demo, env);
    expect(again.stdout).toContain('Delivered 0 messages.');
    expect(
      fake.calls.all().filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DELETED01'),
    ).toHaveLength(1);
  }, 120_000);

  it('keeps the state in Postgres with RADAR_STATE_URL: a second instance finds the period already run', async () => {
    const database = await createTestDatabase();
    try {
      const env = { RADAR_STATE_URL: database.url, RADAR_STATE_DB: join(dir, 'never-created.sqlite') };
      const before = fake.calls.succeeded('chat.postMessage').length;
      const [first, second] = await Promise.all([
        radar(['scan', '--now', '2026-11-23T10:00:00Z'], demo, env),
        radar(['scan', '--now', '2026-11-23T10:00:00Z'], demo, env),
      ]);
      const outputs = [first?.stdout ?? '', second?.stdout ?? ''].sort();
      expect([first?.code, second?.code]).toEqual([0, 0]);
      expect(outputs.filter((o) => o.includes('already ran for this period'))).toHaveLength(1);
      expect(outputs.filter((o) => /baseline \(first scan/.test(o))).toHaveLength(1);
      expect(fake.calls.succeeded('chat.postMessage').length - before).toBe(1);
      expect(existsSync(join(dir, 'never-created.sqlite'))).toBe(false);
    } finally {
      await database.drop();
    }
  }, 120_000);
});

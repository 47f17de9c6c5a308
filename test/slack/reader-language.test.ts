import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadScanInputs } from '../../src/alerts/scan-inputs.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import { ALERT_ACTIONS, ALERT_VIEWS, MODAL_INPUTS } from '../../src/slack/alerts/alert-text.js';
import { createSlackAlerts, type SlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import { ANSWER_ACTIONS, SHARE_ACTION_ID } from '../../src/slack/messages.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { T0, tempStore } from '../alerts/alert-fixtures.js';
import { StubRenderer } from '../alerts/slack-harness.js';
import { blockTexts, englishLeft } from '../helpers/english-left.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeSlack, type ManualClock } from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import {
  sendAppHomeOpened,
  sendBlockActions,
  sendSlashCommand,
  sendViewSubmission,
} from '../helpers/slack-requests.js';

const SIGNING_SECRET = 'radar-reader-language-signing-secret';
const CHANNEL = FAKE_CHANNELS.publicMember;
const CJK = /[\u4e00-\u9fff]/;
/** A zh-CN reader Radar has never looked up (so the failing users.info is the first call for them). */
const LIN = 'U0LIN000001';

/**
 * Per-reader language through the real Bolt app and the fake Slack: the asker's Slack locale (users.info with
 * include_locale) picks the answer's language, in the same channel as an English reader; digests follow each
 * manager's; a failing users.info answers in the configured language without failing the answer.
 */
describe('slack: each reader gets Radar in their own language', () => {
  let fake: FakeSlack;
  let clock: ManualClock;
  let app: RunningSlackApp;
  let alerts: SlackAlerts;
  let names: string[];
  let cleanup: () => Promise<void>;
  let closeWarehouse: () => void;
  const log: string[] = [];

  beforeAll(async () => {
    const env = await startFakeSlackEnv({
      signingSecret: SIGNING_SECRET,
      env: { RADAR_ALERT_CHANNEL: CHANNEL, RADAR_MANAGERS: `${FAKE_USERS.newYork},${FAKE_USERS.shanghai}` },
    });
    fake = env.fake;
    clock = env.clock;
    clock.set(T0);
    fake.workspace.setLocale(FAKE_USERS.shanghai, 'zh-CN');
    fake.workspace.addUser({ id: LIN, name: 'lin', tz: 'Asia/Shanghai', locale: 'zh-CN' });
    const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
    closeWarehouse = provider.close;
    const scan = loadScanInputs(provider.get());
    names = scan.customers.flatMap((c) => [c.key, ...(c.organization === null ? [] : [c.organization])]);
    const context: CommandContext = { warehouse: provider.get, now: () => new Date(clock.now()), locale: 'en' };
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => log.push(line) } });
    const renderer = new StubRenderer();
    const state = tempStore();
    cleanup = state.cleanup;
    const created = createSlackAlerts(env.config, {
      context,
      now: () => clock.now(),
      logger,
      renderer,
      clientOverrides: { retryConfig: { retries: 0 } },
      store: state.store,
    });
    if (created === null) throw new Error('alerts not configured');
    alerts = created;
    const deps: SlackAppDeps = {
      commands: COMMANDS,
      contextFor: () => context,
      clock,
      logger,
      renderer,
      privateByDefault: false,
      homeAlertsSection: (userId, t) => alerts.homeSection(userId, t),
    };
    app = await startSlackApp(env, deps, { retryConfig: { retries: 0 } }, alerts);
  });

  afterAll(async () => {
    await app.stop();
    await alerts.runtime.close();
    await cleanup();
    closeWarehouse();
  });

  beforeEach(() => {
    fake.calls.clear();
  });

  /** The answer a slash command posted in the channel, and the chart files it uploaded with it. */
  async function ask(userId: string, text: string) {
    const ack = await sendSlashCommand(app.target, { command: '/priority', text, userId, channelId: CHANNEL });
    expect(ack.status).toBe(200);
    await app.settle();
    const posts = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const completed = fake.calls.succeeded('files.completeUploadExternal');
    const files = completed.flatMap((c) =>
      (c.args.files as { id: string }[]).map((f) => fake.workspace.files.get(f.id)),
    );
    return {
      ack: ack.body,
      blocks: posts.flatMap((p) => blockTexts(p.args.blocks)).join('\n'),
      text: String(posts[0]?.args.text),
      files,
    };
  }

  it('answers a zh-CN asker in Chinese, chart titles and alt text included, and an en-US asker in English', async () => {
    const chinese = await ask(FAKE_USERS.shanghai, 'top 5');
    expect(chinese.ack).toContain('正在处理');
    expect(chinese.blocks).toContain('方法与数据');
    expect(chinese.blocks).toContain(`提问人 <@${FAKE_USERS.shanghai}>`);
    expect(englishLeft(chinese.blocks, { names, allow: ['priority', 'top'] })).toEqual([]);
    expect(chinese.files.length).toBeGreaterThanOrEqual(1);
    for (const file of chinese.files) {
      expect(file?.title).toMatch(CJK);
      expect(file?.altText).toMatch(CJK);
    }
    const infoCalls = fake.calls.succeeded('users.info', (c) => c.args.user === FAKE_USERS.shanghai);
    expect(infoCalls.map((c) => String(c.args.include_locale))).toEqual(['true']);

    fake.calls.clear();
    const english = await ask(FAKE_USERS.berlin, 'top 5');
    expect(english.ack).toContain('Working on');
    expect(english.blocks).toContain('Method and data');
    expect(english.blocks).toContain(`Asked by <@${FAKE_USERS.berlin}>`);
    expect(english.blocks).not.toMatch(CJK);
    for (const file of english.files) expect(file?.title).not.toMatch(CJK);
  });

  it('answers "Method and data" and "Open card" in the presser’s language', async () => {
    await ask(FAKE_USERS.newYork, 'top 3');
    const answer = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL)[0];
    const ts = String((answer?.response as { ts?: string } | undefined)?.ts);
    type Button = { action_id: string; value: string };
    const blocks = (answer?.args.blocks ?? []) as { type: string; accessory?: Button; elements?: Button[] }[];
    const details = blocks.flatMap((b) => b.elements ?? []).find((b) => b.action_id === ANSWER_ACTIONS.details);
    const card = blocks.flatMap((b) => (b.accessory ? [b.accessory] : []))[0];
    expect(details).toBeDefined();
    expect(card).toBeDefined();
    fake.calls.clear();
    await sendBlockActions(app.target, {
      userId: FAKE_USERS.shanghai,
      actions: [{ actionId: details?.action_id ?? '', value: details?.value ?? '' }],
      message: { channelId: CHANNEL, ts },
    });
    await app.settle();
    const thread = fake.calls.succeeded('chat.postMessage', (c) => c.args.thread_ts === ts);
    const method = thread.flatMap((c) => blockTexts(c.args.blocks)).join('\n');
    expect(method).toContain('*读取的数据* · 涉及客户：');
    expect(method).not.toContain('Data read');
    await sendBlockActions(app.target, {
      userId: FAKE_USERS.shanghai,
      actions: [{ actionId: card?.action_id ?? '', value: card?.value ?? '' }],
      message: { channelId: CHANNEL, ts },
    });
    await app.settle();
    const posted = fake.responseUrls.all().flatMap((state) => state.posts.map((post) => post.body));
    const cardReply = posted.at(-1) as { blocks?: unknown } | undefined;
    expect(blockTexts(cardReply?.blocks).join('\n')).toContain('方法与数据');
  });

  it('answers `private` in Chinese with a Chinese Share button, and shares in the sharer’s language', async () => {
    const responseUrl = fake.createResponseUrl({ userId: FAKE_USERS.shanghai, channelId: CHANNEL });
    await sendSlashCommand(app.target, {
      command: '/priority',
      text: 'top 3 private',
      userId: FAKE_USERS.shanghai,
      channelId: CHANNEL,
      responseUrl,
    });
    await app.settle();
    const posted = fake.responseUrls.all().flatMap((state) => state.posts.map((post) => post.body));
    const last = posted.at(-1) as { blocks?: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
    const texts = blockTexts(last.blocks).join('\n');
    expect(texts).toContain('仅您可见。图表和文件在您与 Radar 的私信中。');
    expect(texts).toContain('分享到频道');
    const share = last.blocks?.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION_ID);
    fake.calls.clear();
    await sendBlockActions(app.target, {
      userId: FAKE_USERS.shanghai,
      actions: [{ actionId: SHARE_ACTION_ID, value: share?.value ?? '' }],
      message: { channelId: CHANNEL, ts: '1736153999.000001', ephemeral: true },
    });
    await app.settle();
    const shared = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL)[0];
    expect(blockTexts(shared?.args.blocks).join('\n')).toContain(`分享人 <@${FAKE_USERS.shanghai}>`);
  });

  it('lets lang=en override a zh-CN reader, and answers help in the reader’s language in the ack', async () => {
    const overridden = await ask(FAKE_USERS.shanghai, 'top 3 lang=en');
    expect(overridden.ack).toContain('Working on');
    expect(overridden.blocks).toContain('Method and data');
    const asked = await ask(FAKE_USERS.berlin, 'top 3 lang=zh');
    expect(asked.ack).toContain('正在处理');
    expect(asked.blocks).toContain(`提问人 <@${FAKE_USERS.berlin}>`);
    expect(overridden.blocks).toContain('Asked by');
    const help = await sendSlashCommand(app.target, {
      command: '/priority',
      text: 'help',
      userId: FAKE_USERS.shanghai,
      channelId: CHANNEL,
    });
    expect(help.body).toMatch(CJK);
    const mistake = await sendSlashCommand(app.target, {
      command: '/priority',
      text: 'top 5 zone=purple',
      userId: FAKE_USERS.shanghai,
      channelId: CHANNEL,
    });
    const reply = JSON.parse(mistake.body) as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^不接受 `zone=purple`：zone 可取 red\|yellow\|green。\n用法：\/priority /);
  });

  it('answers in the configured language when users.info fails, logs it, and still delivers the answer', async () => {
    fake.errorNext('users.info', 'internal_error');
    const answer = await ask(LIN, 'top 3');
    expect(answer.blocks).toContain('Method and data');
    expect(answer.blocks).toContain(`Asked by <@${LIN}>`);
    expect(log.some((line) => line.includes('users.info failed') && line.includes('internal_error'))).toBe(true);
  });

  it('acks within Slack’s 3 s in the configured language when users.info hangs, and still answers', async () => {
    const slow = 'U0SLOW00001';
    fake.workspace.addUser({ id: slow, name: 'slow', locale: 'zh-CN' });
    fake.hangNext('users.info');
    const started = Date.now();
    const answer = await ask(slow, 'top 3');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.ack).toContain('Working on');
    expect(answer.blocks).toContain(`Asked by <@${slow}>`);
  });

  it('publishes App Home in the viewer’s language', async () => {
    expect((await sendAppHomeOpened(app.target, FAKE_USERS.shanghai)).status).toBe(200);
    const zh = await fake.waitForCall('views.publish', (c) => c.args.user_id === FAKE_USERS.shanghai);
    const zhTexts = blockTexts((zh.args.view as { blocks: unknown }).blocks).join('\n');
    expect(zhTexts).toContain('我的告警');
    expect(zhTexts).toContain('数据仓库状态');
    expect(englishLeft(zhTexts, { names })).toEqual([]);
    expect((await sendAppHomeOpened(app.target, FAKE_USERS.newYork)).status).toBe(200);
    const en = await fake.waitForCall('views.publish', (c) => c.args.user_id === FAKE_USERS.newYork);
    expect(blockTexts((en.args.view as { blocks: unknown }).blocks).join('\n')).toContain('Your alerts');
  });

  it('posts channel alerts in the configured language, opens modals in the presser’s, DMs an assignee in theirs', async () => {
    // A zh-CN assignee Radar has not looked up yet (LIN's lookup failed above and is kept for a minute).
    const mei = 'U0MEI000001';
    fake.workspace.addUser({ id: mei, name: 'mei', locale: 'zh-CN' });
    const report = await alerts.runtime.scan();
    const id = report.scan.ran ? report.scan.outcome.created[0]?.id : undefined;
    expect(id).toBeDefined();
    const summary = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL)[0];
    expect(String(summary?.args.text)).toMatch(/^Baseline: \d+ customers already in the red zone$/);
    const ts = String((summary?.response as { ts?: string } | undefined)?.ts);
    await sendBlockActions(app.target, {
      userId: FAKE_USERS.shanghai,
      actions: [{ actionId: ALERT_ACTIONS.assign, value: String(id) }],
      message: { channelId: CHANNEL, ts },
    });
    await fake.waitForCall('views.open');
    await app.settle();
    const modal = fake.workspace.modals.at(-1)?.view as { title: { text: string }; submit: { text: string } };
    expect([modal.title.text, modal.submit.text]).toEqual(['指派告警', '指派']);
    const submitted = await sendViewSubmission(app.target, {
      userId: FAKE_USERS.shanghai,
      callbackId: ALERT_VIEWS.assign,
      privateMetadata: String(id),
      values: {
        [MODAL_INPUTS.assignee.block]: {
          [MODAL_INPUTS.assignee.action]: { type: 'users_select', selected_user: mei },
        },
      },
    });
    expect(submitted.status).toBe(200);
    await app.settle();
    const dm = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === mei)[0];
    expect(String(dm?.args.text)).toMatch(/^您被指派了 .+ 的红区告警。$/);
    expect(englishLeft(blockTexts(dm?.args.blocks).join('\n'), { names })).toEqual([]);
    // The summary line is refreshed in the channel's language.
    const refreshed = fake.calls.succeeded('chat.update', (c) => c.args.ts === ts).at(-1);
    expect(blockTexts(refreshed?.args.blocks).join('\n')).toContain(`<@${mei}>`);
    expect(blockTexts(refreshed?.args.blocks).join('\n')).not.toMatch(CJK);
    // The presser's App Home lists the alert they assigned, with its SLA clock and their next digest, in Chinese.
    fake.calls.clear();
    expect((await sendAppHomeOpened(app.target, FAKE_USERS.shanghai)).status).toBe(200);
    const home = await fake.waitForCall('views.publish', (c) => c.args.user_id === FAKE_USERS.shanghai);
    const homeTexts = blockTexts((home.args.view as { blocks: unknown }).blocks).join('\n');
    expect(homeTexts).toContain('*您确认过的未结告警* (1)');
    expect(homeTexts).toContain(`已指派给 <@${mei}>`);
    expect(homeTexts).toMatch(/您的下一份周报：2026年11月30日 周一 09:00 GMT\+8/);
    expect(englishLeft(homeTexts, { names })).toEqual([]);
  });

  it('sends the digest to a zh-CN manager in Chinese and to an en-US manager in English', async () => {
    // Monday 30 Nov 2026 14:00 UTC: 09:00 in New York, 22:00 in Shanghai (both due).
    clock.set(Date.UTC(2026, 10, 30, 14, 0, 0));
    const runs = await alerts.runtime.digest(false);
    expect(runs.map((r) => r.status)).toEqual(['sent', 'sent']);
    const digest = (user: string) => {
      const post = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === user)[0];
      expect(post).toBeDefined();
      return { text: String(post?.args.text), blocks: blockTexts(post?.args.blocks).join('\n') };
    };
    const zh = digest(FAKE_USERS.shanghai);
    expect(zh.text).toMatch(/^Radar 周报 · 2026-W49：红区 [\d,]+ 个，超时告警 0 条$/);
    expect(zh.blocks).toContain('各区客户数');
    expect(englishLeft(zh.blocks, { names })).toEqual([]);
    const en = digest(FAKE_USERS.newYork);
    expect(en.text).toMatch(/^Radar weekly digest · 2026-W49: [\d,]+ red, 0 overdue alerts$/);
    const uploads = fake.calls.succeeded('files.completeUploadExternal');
    const comments = uploads.map((c) => String(c.args.initial_comment));
    expect(comments).toContain('2026-W49 周报的图表');
    expect(comments).toContain('Charts for the weekly digest 2026-W49');
    const zhFiles = uploads
      .filter((c) => String(c.args.initial_comment).includes('周报'))
      .flatMap((c) => (c.args.files as { id: string }[]).map((f) => fake.workspace.files.get(f.id)));
    for (const file of zhFiles) expect(file?.title).toMatch(CJK);
  });
});

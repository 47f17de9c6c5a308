import type { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChartRenderer } from '../../src/charts/render-pool.js';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { AnyCommandDefinition, CommandContext } from '../../src/commands/command-definition.js';
import { loadConfig } from '../../src/config.js';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import { translator } from '../../src/i18n/translate.js';
import { createLogger } from '../../src/logging.js';
import type { KnownBlock } from '../../src/slack/block-types.js';
import type { SlackAppHandle } from '../../src/slack/create-app.js';
import {
  ASKED_BY,
  CHARTS_NOT_ATTACHED,
  DELIVERY_UNCONFIRMED,
  PRIVATE_CHANNEL_NOTE,
  SHARE_ACTION_ID,
  SHARED_BY,
  SHARED_CONFIRMATION,
  UNKNOWN_COMMAND,
  WORKING_TEXT,
} from '../../src/slack/messages.js';
import { safeRetryPolicy } from '../../src/slack/retry-policy.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { verifyBotToken } from '../../src/slack/verify-token.js';
import { FAKE_CHANNELS, FAKE_USERS, FakeSlack } from '../helpers/fake-slack/index.js';
import { startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import {
  type SlackRequestTarget,
  sendAppHomeOpened,
  sendBlockActions,
  sendSlashCommand,
} from '../helpers/slack-requests.js';

const EN = translator('en');

const SIGNING_SECRET = 'radar-test-signing-secret-0123456789';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 3)]);

/** A promise the test resolves when it chooses: the "slow analysis" without sleeps. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function answerOf(overrides: Partial<CommandAnswer> = {}): CommandAnswer {
  return {
    command: '/tiny',
    title: 'Tiny answer',
    headline: 'Three accounts need a call: *Acme* first.',
    sections: [
      {
        kind: 'table',
        title: 'Accounts',
        table: { columns: ['Account', 'Score'], align: ['left', 'right'], rows: [['Acme <Corp>', '0.91']] },
      },
    ],
    provenance: {
      tables: [
        { table: 'netsuite2_customer_analytics', rowsInTable: 10, rowsUsed: 3, reduction: 'latest per customer' },
      ],
      n: 3,
      filters: ['tier=Gold'],
      thresholds: ['score > 0.8'],
      dataDate: '2025-01-05',
      qualityNotes: [],
    },
    charts: [
      {
        id: 'score-bars',
        title: 'Scores (n = 3)',
        altText: 'Acme scores highest.',
        spec: { data: { values: [] }, mark: 'bar' },
      },
      {
        id: 'score-trend',
        title: 'Trend (n = 3)',
        altText: 'Scores rise.',
        spec: { data: { values: [] }, mark: 'line' },
      },
    ],
    chartsOmitted: 0,
    data: {},
    ...overrides,
  };
}

/** A registry entry whose run the test controls; takes `n=<rows>` and the common words. */
function testCommand(
  slash: string,
  run: (options: { n: number }, context: CommandContext) => CommandAnswer | Promise<CommandAnswer>,
): AnyCommandDefinition {
  return {
    slash,
    summary: `test command ${slash}`,
    syntax: {
      slash,
      usage: '[n=1–1000]',
      options: { n: { schema: z.coerce.number().int().min(1).max(1000), allowed: '1–1000', description: 'rows' } },
    },
    examples: [slash, `${slash} n=20`],
    help: ['A command for tests.'],
    requirements: [],
    parse: (args) => ({ n: args.option<number>('n') ?? 1 }),
    run,
  };
}

class FakeRenderer implements ChartRenderer {
  renders = 0;
  blockedUntil: Promise<void> | undefined;
  async render(): Promise<Buffer> {
    this.renders += 1;
    if (this.blockedUntil !== undefined) await this.blockedUntil;
    return PNG;
  }
  async close(): Promise<void> {}
}

interface Harness {
  readonly fake: FakeSlack;
  readonly handle: SlackAppHandle;
  readonly target: SlackRequestTarget;
  readonly renderer: FakeRenderer;
  readonly logLines: Record<string, unknown>[];
  readonly rawLog: string[];
  /** Waits until every background answer has finished. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

interface HarnessOptions {
  readonly commands?: readonly AnyCommandDefinition[];
  readonly privateByDefault?: boolean;
  readonly retryConfig?: webApi.RetryOptions;
  readonly timeoutMs?: number;
  readonly homeAlertsSection?: SlackAppDeps['homeAlertsSection'];
  readonly warehousePath?: string;
}

const running: Harness[] = [];

afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
});

async function startRadar(options: HarnessOptions = {}): Promise<Harness> {
  const env = await startFakeSlackEnv({ signingSecret: SIGNING_SECRET, env: { LOG_LEVEL: 'info' } });
  const { fake, clock } = env;
  const rawLog: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => rawLog.push(line) } });
  const renderer = new FakeRenderer();
  const defaultCommand = testCommand('/tiny', () => answerOf());
  const warehousePath = options.warehousePath;
  const deps: SlackAppDeps = {
    commands: options.commands ?? [defaultCommand],
    contextFor: () => ({
      warehouse: () => openWarehouse(warehousePath ?? '/nonexistent/radar-test.sqlite'),
      now: () => new Date(clock.now()),
      locale: 'en',
    }),
    clock,
    logger,
    renderer,
    privateByDefault: options.privateByDefault ?? false,
    ...(options.homeAlertsSection === undefined ? {} : { homeAlertsSection: options.homeAlertsSection }),
  };
  const app = await startSlackApp(env, deps, {
    retryConfig: options.retryConfig ?? { retries: 0 },
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  const harness: Harness = {
    fake,
    handle: app.handle,
    renderer,
    rawLog,
    get logLines() {
      return rawLog.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    target: app.target,
    settle: app.settle,
    stop: app.stop,
  };
  running.push(harness);
  return harness;
}

function requestLines(h: Harness): Record<string, unknown>[] {
  return h.logLines.flatMap((line) => (line.request === undefined ? [] : [line.request as Record<string, unknown>]));
}

function responsePosts(h: Harness) {
  return h.fake.responseUrls.all().flatMap((state) => state.posts.map((post) => post.body));
}

const alice = FAKE_USERS.newYork;

describe('slack/app: requests', () => {
  it('rejects a bad signature and a stale timestamp with 401 and posts nothing', async () => {
    const h = await startRadar();
    const command = { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember };
    expect((await sendSlashCommand(h.target, command, { wrongSecret: true })).status).toBe(401);
    expect((await sendSlashCommand(h.target, command, { staleTimestamp: true })).status).toBe(401);
    await h.settle();
    expect(h.fake.calls.all().filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(requestLines(h)).toEqual([]);
  });

  it('acks before a slow analysis finishes, and answers once it does', async () => {
    const slow = gate();
    const h = await startRadar({
      commands: [
        testCommand('/slow', async () => {
          await slow.promise;
          return answerOf({ command: '/slow', charts: [] });
        }),
      ],
    });
    const response = await sendSlashCommand(h.target, {
      command: '/slow',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral', text: WORKING_TEXT(EN, '/slow') });
    // The analysis is still waiting: nothing has been posted yet.
    expect(h.fake.calls.of('chat.postMessage')).toEqual([]);
    slow.open();
    await h.settle();
    expect(h.fake.calls.succeeded('chat.postMessage')).toHaveLength(1);
  });

  it('acks a second command while the first is still rendering its charts', async () => {
    const h = await startRadar();
    const rendering = gate();
    h.renderer.blockedUntil = rendering.promise;
    const first = await sendSlashCommand(h.target, {
      command: '/tiny',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    expect(first.status).toBe(200);
    await h.fake.waitForCall('chat.postMessage');
    await expect.poll(() => h.renderer.renders).toBeGreaterThan(0);
    const second = await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'n=2',
      userId: FAKE_USERS.berlin,
      channelId: FAKE_CHANNELS.publicMember,
    });
    expect(second.status).toBe(200);
    expect(h.fake.calls.of('files.completeUploadExternal')).toEqual([]);
    rendering.open();
    await h.settle();
    expect(h.fake.calls.succeeded('files.completeUploadExternal')).toHaveLength(2);
  });
});

describe('slack/app: answering in the channel', () => {
  it('posts the summary with fallback text, then the charts as one shared upload', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    const [post] = h.fake.calls.succeeded('chat.postMessage');
    expect(post?.args.channel).toBe(FAKE_CHANNELS.publicMember);
    expect(String(post?.args.text)).toContain('Tiny answer');
    const blocks = post?.args.blocks as KnownBlock[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Tiny answer' } });
    expect(JSON.stringify(blocks)).toContain('Acme &lt;Corp&gt;');
    expect(JSON.stringify(blocks)).toContain(ASKED_BY(EN, alice, '/tiny'));
    const complete = h.fake.calls.succeeded('files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]?.args.channel_id).toBe(FAKE_CHANNELS.publicMember);
    const files = [...h.fake.workspace.files.values()];
    expect(files.map((f) => [f.filename, f.state, f.sharedTo])).toEqual([
      ['score-bars.png', 'completed', [FAKE_CHANNELS.publicMember]],
      ['score-trend.png', 'completed', [FAKE_CHANNELS.publicMember]],
    ]);
    expect(files[0]?.altText).toBe('Acme scores highest.');
    expect(h.fake.violations).toEqual([]);
    expect(h.fake.warnings).toEqual([]);
    expect(requestLines(h)).toEqual([
      expect.objectContaining({
        command: '/tiny',
        user: alice,
        channel: FAKE_CHANNELS.publicMember,
        outcome: 'answered',
      }),
    ]);
  });

  it('joins a public channel it is not in, then posts', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicNotMember });
    await h.settle();
    expect(h.fake.calls.all().map((c) => `${c.method}:${c.status}`)).toEqual(
      expect.arrayContaining(['conversations.join:200']),
    );
    expect(h.fake.calls.of('chat.postMessage').map((c) => (c.response as { ok: boolean }).ok)).toEqual([false, true]);
    expect(h.fake.messagesIn(FAKE_CHANNELS.publicNotMember)).toHaveLength(2);
  });

  it('answers privately with a note in a private channel it cannot post to', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.privateNotMember });
    await h.settle();
    const posts = responsePosts(h);
    expect(posts[0]?.text).toBe(PRIVATE_CHANNEL_NOTE(EN));
    expect(posts[1]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(posts[1]?.blocks)).not.toContain(SHARE_ACTION_ID);
    expect(h.fake.messagesIn(FAKE_CHANNELS.privateNotMember)).toEqual([]);
    const dm = h.fake.calls.succeeded('conversations.open')[0];
    expect(dm).toBeDefined();
    const files = [...h.fake.workspace.files.values()];
    expect(
      files.every((f) => f.state === 'completed' && f.sharedTo.length === 1 && f.sharedTo[0]?.startsWith('D')),
    ).toBe(true);
  });

  it('retries a 429 and delivers the answer exactly once', async () => {
    const h = await startRadar({ retryConfig: safeRetryPolicy({ retries: 2, minTimeout: 0, maxTimeout: 0 }) });
    h.fake.rateLimitNext('chat.postMessage', { retryAfterSec: 0 });
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(h.fake.calls.of('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(h.fake.messagesIn(FAKE_CHANNELS.publicMember).filter((m) => m.source === 'chat.postMessage')).toHaveLength(
      1,
    );
  });

  it('retries a 503 but never re-sends a post that timed out; the asker is told instead', async () => {
    const h = await startRadar({
      retryConfig: safeRetryPolicy({ retries: 2, minTimeout: 0, maxTimeout: 0 }),
      timeoutMs: 300,
    });
    h.fake.serverErrorNext('chat.postMessage', { status: 503 });
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(h.fake.calls.of('chat.postMessage').map((c) => c.status)).toEqual([503, 200]);

    h.fake.hangNext('chat.postMessage');
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(h.fake.calls.of('chat.postMessage').map((c) => c.status)).toEqual([503, 200, 'hung']);
    expect(responsePosts(h).map((p) => p.text)).toContain(DELIVERY_UNCONFIRMED(EN, '/tiny'));
    expect(requestLines(h).map((r) => r.outcome)).toEqual(['answered', 'delivery_failed']);
  });

  it('keeps the text answer and adds a clear note when the chart upload fails', async () => {
    const h = await startRadar();
    h.fake.errorNext('files.completeUploadExternal', 'internal_error');
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    const [message] = h.fake.messagesIn(FAKE_CHANNELS.publicMember);
    expect(message?.edits).toBe(1);
    expect(JSON.stringify(message?.blocks)).toContain(CHARTS_NOT_ATTACHED(EN, 'Slack answered internal_error'));
    expect(JSON.stringify(message?.blocks)).toContain('Tiny answer');
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'answered', code: 'attachments_failed' });
  });
});

describe('slack/app: private answers and the Share button', () => {
  it('answers `private` ephemerally, uploads the charts to the DM, and offers a Share button', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'private n=3',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    await h.settle();
    expect(h.fake.calls.of('chat.postMessage')).toEqual([]);
    const [summary] = responsePosts(h);
    expect(summary).toMatchObject({ response_type: 'ephemeral' });
    expect(String(summary?.text)).toContain('Tiny answer');
    const opened = h.fake.calls.succeeded('conversations.open')[0]?.response as { channel: { id: string } } | undefined;
    const dmId = opened?.channel.id ?? 'missing';
    expect(dmId).toMatch(/^D/);
    expect(h.fake.calls.succeeded('files.completeUploadExternal')[0]?.args.channel_id).toBe(dmId);
    expect([...h.fake.workspace.files.values()].every((f) => f.sharedTo.includes(dmId))).toBe(true);
    const actions = ((summary?.blocks ?? []) as KnownBlock[]).find((b) => b.type === 'actions');
    expect(actions).toMatchObject({ elements: [{ action_id: SHARE_ACTION_ID, text: { text: 'Share in channel' } }] });
  });

  it('shares the private answer in the channel when the button is pressed, attributed to the presser', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'n=3 private',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    await h.settle();
    const blocks = responsePosts(h)[0]?.blocks as KnownBlock[];
    const button = (blocks.find((b) => b.type === 'actions') as { elements: { value: string }[] }).elements[0];
    expect(JSON.parse(button?.value ?? '{}')).toEqual({ v: 1, text: '/tiny n=3', channel: FAKE_CHANNELS.publicMember });
    const pressed = await sendBlockActions(h.target, {
      userId: alice,
      actions: [{ actionId: SHARE_ACTION_ID, value: button?.value ?? '' }],
      message: { channelId: FAKE_CHANNELS.publicMember, ts: '1736153999.000001', ephemeral: true },
    });
    expect(pressed.status).toBe(200);
    await h.settle();
    const [shared] = h.fake.calls.succeeded('chat.postMessage');
    expect(shared?.args.channel).toBe(FAKE_CHANNELS.publicMember);
    expect(JSON.stringify(shared?.args.blocks)).toContain(SHARED_BY(EN, alice, '/tiny n=3'));
    expect(h.fake.calls.succeeded('files.completeUploadExternal').map((c) => c.args.channel_id)).toContain(
      FAKE_CHANNELS.publicMember,
    );
    expect(responsePosts(h).map((p) => p.text)).toContain(SHARED_CONFIRMATION(EN, FAKE_CHANNELS.publicMember));
  });

  it('answers privately by default when RADAR_PRIVATE_BY_DEFAULT is set', async () => {
    const h = await startRadar({ privateByDefault: true });
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(h.fake.calls.of('chat.postMessage')).toEqual([]);
    expect(responsePosts(h)[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'answered', private: true });
  });
});

describe('slack/app: errors', () => {
  it('answers bad arguments with the usage in the ack itself, with no "Working on" and nothing after', async () => {
    const h = await startRadar();
    const ack = await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'n=zero',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    await h.settle();
    const reply = JSON.parse(ack.body) as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/n=zero/);
    expect(reply.text).not.toContain(WORKING_TEXT(EN, '/tiny n=zero'));
    expect(responsePosts(h)).toEqual([]);
    expect(h.fake.calls.of('chat.postMessage')).toEqual([]);
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'usage', code: 'usage' });
  });

  it('answers help in the ack itself, ephemerally, with nothing after', async () => {
    const h = await startRadar();
    const ack = await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'help',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    await h.settle();
    expect(JSON.parse(ack.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(String(JSON.parse(ack.body).text)).toContain('*/tiny* — test command /tiny');
    expect(responsePosts(h)).toEqual([]);
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'answered', code: 'help' });
  });

  it('explains a warehouse problem ephemerally', async () => {
    const h = await startRadar({
      commands: [
        testCommand('/needs-data', (_o, context) => {
          context.warehouse();
          return answerOf();
        }),
      ],
    });
    await sendSlashCommand(h.target, { command: '/needs-data', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(String(responsePosts(h)[0]?.text)).toMatch(/No warehouse file at .*RADAR_WAREHOUSE/);
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'data_error', code: 'warehouse_not_found' });
  });

  it('reports a bug as an internal error without crashing', async () => {
    const h = await startRadar({
      commands: [
        testCommand('/broken', () => {
          throw new TypeError('boom');
        }),
      ],
    });
    await sendSlashCommand(h.target, { command: '/broken', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await h.settle();
    expect(String(responsePosts(h)[0]?.text)).toContain('internal error');
    expect(requestLines(h)[0]).toMatchObject({ outcome: 'internal_error' });
  });

  it('says which variable is wrong when the bot token is refused at startup', async () => {
    const fake = await FakeSlack.start();
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-wrong-token', SLACK_API_URL: fake.apiUrl });
      await expect(verifyBotToken(config)).rejects.toThrow(/^SLACK_BOT_TOKEN is not a valid token.*invalid_auth/);
      const ok = loadConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl });
      await expect(verifyBotToken(ok)).resolves.toMatchObject({ botUserId: 'U0RADARBOT1' });
    } finally {
      await fake.stop();
    }
  });
});

describe('slack/app: logging', () => {
  it('writes one line per request and never a token or the signing secret', async () => {
    const h = await startRadar();
    await sendSlashCommand(h.target, { command: '/tiny', userId: alice, channelId: FAKE_CHANNELS.publicMember });
    await sendSlashCommand(h.target, {
      command: '/tiny',
      text: 'n=0',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    await h.settle();
    const lines = requestLines(h);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['channel', 'command', 'durationMs', 'outcome', 'user']),
      );
    }
    const all = h.rawLog.join('');
    expect(all).not.toContain(h.fake.botToken);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('slack/app: App Home', () => {
  it('publishes the Home tab with the commands, warehouse health and the alerts placeholder', async () => {
    const h = await startRadar();
    expect((await sendAppHomeOpened(h.target, FAKE_USERS.shanghai)).status).toBe(200);
    const call = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === FAKE_USERS.shanghai);
    expect(call.response).toMatchObject({ ok: true });
    const text = JSON.stringify(call.args.view);
    expect(text).toContain('Red-zone alerts: not configured.');
    expect(text).toContain('*/tiny* — test command /tiny');
    expect(text).toContain('No warehouse file at');
  });

  it('shows what the alerts hook returns', async () => {
    const h = await startRadar({
      homeAlertsSection: (userId) => [
        { type: 'section', text: { type: 'mrkdwn', text: `2 open alerts for <@${userId}>` } },
      ],
    });
    await sendAppHomeOpened(h.target, alice);
    const call = await h.fake.waitForCall('views.publish');
    expect(JSON.stringify(call.args.view)).toContain(`2 open alerts for <@${alice}>`);
    expect(JSON.stringify(call.args.view)).not.toContain('not configured');
  });
});

describe('slack/app: commands the registry lacks', () => {
  it('answers a manifest command this build does not have instead of timing out', async () => {
    const h = await startRadar();
    const response = await sendSlashCommand(h.target, {
      command: '/not-yet',
      userId: alice,
      channelId: FAKE_CHANNELS.publicMember,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      response_type: 'ephemeral',
      text: UNKNOWN_COMMAND(EN, '/not-yet', ['/tiny']),
    });
  });
});

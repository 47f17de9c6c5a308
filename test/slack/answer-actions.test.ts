import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChartRenderer, createChartRenderer } from '../../src/charts/render-pool.js';
import { type CommandExecutor, createCommandPool } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { translator } from '../../src/i18n/translate.js';
import { createLogger } from '../../src/logging.js';
import { ANSWER_ACTIONS, LIST_THREAD_TEXT } from '../../src/slack/messages.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeSlack } from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import { type SlackRequestTarget, sendBlockActions, sendSlashCommand } from '../helpers/slack-requests.js';

const SIGNING_SECRET = 'radar-answer-actions-secret';

interface Button {
  readonly action_id: string;
  readonly value: string;
  readonly text: { readonly text: string };
}

/**
 * The buttons of an answer, through the real Bolt app and the fake Slack over HTTP: "Method and data" and "List all N"
 * answer in the thread of the answer; "Open card" shows the account's /customer card to the presser only. Commands run
 * in-process and, as `radar serve` runs them, in a command worker, which sends a list's rows only for "List all N" and
 * `list` (the main message shows only their count).
 */
describe.each([
  ['in-process', false],
  ['in a command worker', true],
])('slack/answer buttons on the demo warehouse, commands %s', (_, inWorker) => {
  let fake: FakeSlack;
  let app: RunningSlackApp;
  let renderer: ChartRenderer;
  let target: SlackRequestTarget;
  let closeWarehouse: () => void;
  let executor: CommandExecutor | undefined;
  let answerTs = '';
  let buttons: Button[] = [];
  let cards: Button[] = [];
  const user = FAKE_USERS.berlin;
  const channel = FAKE_CHANNELS.publicMember;

  beforeAll(async () => {
    const env = await startFakeSlackEnv({ signingSecret: SIGNING_SECRET });
    fake = env.fake;
    const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
    closeWarehouse = provider.close;
    renderer = createChartRenderer({ poolSize: 1 });
    executor = inWorker ? createCommandPool({ warehousePath: ensureDemoWarehouse('full'), size: 1 }) : undefined;
    app = await startSlackApp(
      env,
      {
        commands: COMMANDS,
        contextFor: () => ({ warehouse: provider.get, now: () => new Date(env.clock.now()), locale: 'en' }),
        clock: env.clock,
        logger: createLogger({ level: 'error', destination: { write: () => {} } }),
        renderer,
        ...(executor === undefined ? {} : { executor }),
        privateByDefault: false,
      },
      { retryConfig: { retries: 0 } },
    );
    target = app.target;
    await sendSlashCommand(target, {
      command: '/priority',
      text: 'route=manual charts=none',
      userId: user,
      channelId: channel,
    });
    await app.settle();
    const post = fake.calls.succeeded('chat.postMessage')[0];
    answerTs = String((post?.response as { ts?: string } | undefined)?.ts);
    const blocks = (post?.args.blocks ?? []) as { type: string; accessory?: Button; elements?: Button[] }[];
    buttons = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
    cards = blocks.flatMap((b) => (b.accessory ? [b.accessory] : []));
  });

  afterAll(async () => {
    await app.stop();
    await renderer.close();
    await executor?.close();
    closeWarehouse();
  });

  it('posts the main message with Method and data, List all 25 and an Open card per named account', () => {
    expect(buttons.map((b) => b.text.text)).toEqual(['Method and data', 'List all 25']);
    expect(cards).toHaveLength(10);
    expect(cards.every((c) => c.text.text === 'Open card')).toBe(true);
  });

  it('"Method and data" posts the method part in the thread of the answer', async () => {
    const before = fake.calls.succeeded('chat.postMessage').length;
    const button = buttons.find((b) => b.action_id === ANSWER_ACTIONS.details) as Button;
    const pressed = await sendBlockActions(target, {
      userId: user,
      actions: [{ actionId: button.action_id, value: button.value }],
      message: { channelId: channel, ts: answerTs },
    });
    expect(pressed.status).toBe(200);
    await app.settle();
    const replies = fake.calls.succeeded('chat.postMessage').slice(before);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.args.thread_ts === answerTs && r.args.channel === channel)).toBe(true);
    const text = JSON.stringify(replies.map((r) => r.args.blocks));
    expect(text).toContain('Data read');
    expect(text).toContain('manual intervention when priority fell by');
  });

  it('"List all 25" posts in the thread with a CSV of raw numbers, in rank order', async () => {
    const before = fake.calls.succeeded('chat.postMessage').length;
    const button = buttons.find((b) => b.action_id === ANSWER_ACTIONS.list) as Button;
    await sendBlockActions(target, {
      userId: user,
      actions: [{ actionId: button.action_id, value: button.value }],
      message: { channelId: channel, ts: answerTs },
    });
    await app.settle();
    const [reply] = fake.calls.succeeded('chat.postMessage').slice(before);
    expect(reply?.args.thread_ts).toBe(answerTs);
    expect(reply?.args.text).toBe(LIST_THREAD_TEXT(translator('en'), 25, '/priority top 10 route=manual'));
    const file = [...fake.workspace.files.values()].find((f) => f.filename.endsWith('-all.csv'));
    expect(file?.sharedTo).toEqual([channel]);
    const lines = (file?.bytes?.toString('utf8') ?? '').trim().split('\r\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]).toMatch(/^\uFEFF?rank,organisation,email,/);
    const ranks = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(lines.join('\n')).not.toMatch(/\$\d/);
  });

  it('"Open card" shows that customer\'s /customer card to the presser only', async () => {
    const card = cards[0] as Button;
    const lookup = (JSON.parse(card.value) as { lookup: string }).lookup;
    const posts = fake.calls.succeeded('chat.postMessage').length;
    await sendBlockActions(target, {
      userId: user,
      actions: [{ actionId: card.action_id, value: card.value }],
      message: { channelId: channel, ts: answerTs },
    });
    await app.settle();
    expect(fake.calls.succeeded('chat.postMessage')).toHaveLength(posts);
    const ephemeral = fake.responseUrls
      .all()
      .flatMap((s) => s.posts.map((p) => p.body as { response_type?: string; text?: string }))
      .filter((b) => b.response_type === 'ephemeral' && String(b.text).includes(lookup));
    expect(ephemeral.length).toBeGreaterThanOrEqual(1);
    expect(String(ephemeral[0]?.text)).toMatch(/Next: /);
  });

  it('`list` in the slash command attaches every account as a CSV with the answer', async () => {
    const csvs = () => [...fake.workspace.files.values()].filter((f) => f.filename.endsWith('-all.csv'));
    const before = csvs().length;
    await sendSlashCommand(target, {
      command: '/priority',
      text: 'route=manual list charts=none',
      userId: user,
      channelId: channel,
    });
    await app.settle();
    const added = csvs().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]?.sharedTo).toEqual([channel]);
    expect((added[0]?.bytes?.toString('utf8') ?? '').trim().split('\r\n')).toHaveLength(26);
  });

  it('says the button is out of date when its value cannot be read', async () => {
    await sendBlockActions(target, {
      userId: user,
      actions: [{ actionId: ANSWER_ACTIONS.details, value: 'not json' }],
      message: { channelId: channel, ts: answerTs },
    });
    await app.settle();
    const texts = fake.responseUrls
      .all()
      .flatMap((s) => s.posts.map((p) => String((p.body as { text?: string }).text)));
    expect(texts.some((t) => t.includes('older version of Radar'))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChartRenderer, createChartRenderer } from '../../src/charts/render-pool.js';
import { type CommandExecutor, createCommandPool } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import {
  BLOCK_LIMITS,
  blockTextLength,
  FAKE_CHANNELS,
  FAKE_USERS,
  type FakeSlack,
} from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import { type SlackRequestTarget, sendSlashCommand } from '../helpers/slack-requests.js';

const SIGNING_SECRET = 'radar-e2e-signing-secret';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Every registered command, through the real Bolt app, against the bundled demo warehouse, with the real command and
 * chart worker pools (as `radar serve` runs them): what a CSM gets when typing each command in a channel.
 */
describe('slack/commands end to end on the demo warehouse', () => {
  let fake: FakeSlack;
  let app: RunningSlackApp;
  let renderer: ChartRenderer;
  let executor: CommandExecutor;
  let target: SlackRequestTarget;
  let closeWarehouse: () => void;
  const rawLog: string[] = [];

  beforeAll(async () => {
    const env = await startFakeSlackEnv({ signingSecret: SIGNING_SECRET });
    const { clock } = env;
    fake = env.fake;
    const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
    executor = createCommandPool({ warehousePath: ensureDemoWarehouse('full'), size: 1 });
    closeWarehouse = provider.close;
    renderer = createChartRenderer({ poolSize: 2 });
    app = await startSlackApp(
      env,
      {
        commands: COMMANDS,
        contextFor: () => ({ warehouse: provider.get, now: () => new Date(clock.now()), locale: 'en' }),
        clock,
        logger: createLogger({ level: 'info', destination: { write: (line: string) => rawLog.push(line) } }),
        renderer,
        executor,
        privateByDefault: false,
      },
      { retryConfig: { retries: 0 } },
    );
    target = app.target;
  });

  afterAll(async () => {
    await app.stop();
    await renderer.close();
    await executor.close();
    closeWarehouse();
  });

  it.each(COMMANDS.map((c) => [c.slash]))('%s charts=all answers in the channel within Slack limits', async (slash) => {
    const before = fake.calls.all().length;
    const response = await sendSlashCommand(target, {
      command: slash,
      text: { '/radar': 'doctor', '/customer': 'arjun_lopez3839@hotmail.com charts=all' }[slash] ?? 'charts=all',
      userId: FAKE_USERS.berlin,
      channelId: FAKE_CHANNELS.publicMember,
    });
    expect(response.status).toBe(200);
    await app.settle();
    const calls = fake.calls.all().slice(before);
    const failed = calls.filter((c) => c.status !== 200 || (c.response as { ok?: boolean } | undefined)?.ok === false);
    expect(failed.map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const post of posts) {
      expect(String(post.args.text).length).toBeGreaterThan(0);
      expect((post.args.blocks as unknown[]).length).toBeLessThanOrEqual(BLOCK_LIMITS.messageBlocks);
      expect(blockTextLength(post.args.blocks)).toBeLessThanOrEqual(BLOCK_LIMITS.messageTotalText);
    }
    const uploads = calls.filter((c) => c.method === 'files.completeUploadExternal');
    for (const upload of uploads) expect(upload.args.channel_id).toBe(FAKE_CHANNELS.publicMember);
    for (const file of fake.workspace.files.values()) {
      expect(file.state).toBe('completed');
      if (file.filename.endsWith('.png')) expect(file.bytes?.subarray(0, 8)).toEqual(PNG_MAGIC);
    }
    expect(fake.violations).toEqual([]);
    expect(fake.warnings).toEqual([]);
    const requests = rawLog.map((l) => JSON.parse(l) as { request?: { command: string; outcome: string } });
    expect(requests.filter((l) => l.request?.command === slash).map((l) => l.request?.outcome)).toEqual(['answered']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import { createSlackAlerts, type SlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { T0, tempStore } from '../alerts/alert-fixtures.js';
import { StubRenderer } from '../alerts/slack-harness.js';
import { blockTexts } from '../helpers/english-left.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeSlack } from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import { sendSlashCommand } from '../helpers/slack-requests.js';

const CHANNEL = FAKE_CHANNELS.publicMember;

/**
 * RADAR_LANGUAGE=zh-CN: channel posts nobody in particular asked for (the baseline summary) are in Chinese, while an
 * en-US asker in the same channel still gets English.
 */
describe('slack: RADAR_LANGUAGE sets the channel posts’ language', () => {
  let fake: FakeSlack;
  let app: RunningSlackApp;
  let alerts: SlackAlerts;
  let cleanup: () => Promise<void>;
  let closeWarehouse: () => void;

  beforeAll(async () => {
    const env = await startFakeSlackEnv({
      signingSecret: 'radar-channel-language-secret',
      env: { RADAR_ALERT_CHANNEL: CHANNEL, RADAR_LANGUAGE: 'zh-CN' },
    });
    fake = env.fake;
    env.clock.set(T0);
    const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
    closeWarehouse = provider.close;
    const context: CommandContext = {
      warehouse: provider.get,
      now: () => new Date(env.clock.now()),
      locale: env.config.language,
    };
    const logger = createLogger({ level: 'silent' });
    const renderer = new StubRenderer();
    const state = tempStore();
    cleanup = state.cleanup;
    const created = createSlackAlerts(env.config, {
      context,
      now: () => env.clock.now(),
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
      clock: env.clock,
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

  it('posts the baseline summary in Chinese', async () => {
    await alerts.runtime.scan();
    const summary = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL)[0];
    expect(String(summary?.args.text)).toMatch(/^基线：\d+ 个客户已在红区$/);
    expect(blockTexts(summary?.args.blocks).join('\n')).toContain('首次扫描：Radar 开始监控时这些客户已在红区');
  });

  it('still answers an en-US asker in English in that channel', async () => {
    fake.calls.clear();
    await sendSlashCommand(app.target, {
      command: '/priority',
      text: 'top 3',
      userId: FAKE_USERS.berlin,
      channelId: CHANNEL,
    });
    await app.settle();
    const answer = fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === CHANNEL)[0];
    expect(blockTexts(answer?.args.blocks).join('\n')).toContain(`Asked by <@${FAKE_USERS.berlin}>`);
  });
});

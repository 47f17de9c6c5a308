import type { ChartRenderer } from '../../src/charts/render-pool.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import { createSlackAlerts, type SlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import type { SlackAppHandle } from '../../src/slack/create-app.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';
import { startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import type { SlackRequestTarget } from '../helpers/slack-requests.js';
import { T0, tempStore } from './alert-fixtures.js';

export const SIGNING_SECRET = 'radar-alerts-signing-secret-0123456789';
export const ALERT_CHANNEL = FAKE_CHANNELS.publicMember;
export const ESCALATION_CHANNEL = FAKE_CHANNELS.privateMember;
export const MANAGERS = [FAKE_USERS.newYork, FAKE_USERS.shanghai] as const;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

/** Charts "render" to a tiny PNG: these tests are about delivery, not pixels. */
export class StubRenderer implements ChartRenderer {
  renders = 0;
  async render(): Promise<Buffer> {
    this.renders += 1;
    return PNG;
  }
  async close(): Promise<void> {}
}

export interface AlertsHarness {
  readonly fake: FakeSlack;
  readonly clock: ManualClock;
  readonly alerts: SlackAlerts;
  readonly handle: SlackAppHandle;
  readonly target: SlackRequestTarget;
  /** Waits for every background task (button handlers) to finish. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real Bolt app with the alerts feature, against the fake Slack (users in New York, Shanghai and Berlin),
 * a temp state store and, when given, a warehouse file. Clock: a ManualClock at T0 shared by Radar and the fake.
 */
export async function startAlertsHarness(options: { warehousePath?: string } = {}): Promise<AlertsHarness> {
  const env = await startFakeSlackEnv({
    signingSecret: SIGNING_SECRET,
    clock: new ManualClock(T0),
    env: {
      RADAR_ALERT_CHANNEL: ALERT_CHANNEL,
      RADAR_ESCALATION_CHANNEL: ESCALATION_CHANNEL,
      RADAR_MANAGERS: MANAGERS.join(','),
    },
  });
  const { fake, clock, config } = env;
  const logger = createLogger({ level: 'silent' });
  const state = tempStore();
  const provider = createWarehouseProvider(options.warehousePath ?? '/nonexistent/radar-alerts.sqlite');
  const context: CommandContext = { warehouse: provider.get, now: () => new Date(clock.now()), locale: 'en' };
  const renderer = new StubRenderer();
  const alerts = createSlackAlerts(config, {
    context,
    now: () => clock.now(),
    logger,
    renderer,
    clientOverrides: { retryConfig: { retries: 0 } },
    store: state.store,
  });
  if (alerts === null) throw new Error('alerts not configured');
  const deps: SlackAppDeps = {
    commands: [],
    contextFor: () => context,
    clock,
    logger,
    renderer,
    privateByDefault: false,
    homeAlertsSection: (userId, t) => alerts.homeSection(userId, t),
  };
  const app = await startSlackApp(env, deps, { retryConfig: { retries: 0 } }, alerts);
  return {
    fake,
    clock,
    alerts,
    handle: app.handle,
    target: app.target,
    settle: app.settle,
    stop: async () => {
      await app.stop();
      provider.close();
      await state.cleanup();
    },
  };
}

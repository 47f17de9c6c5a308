import type { webApi } from '@slack/bolt';
import { loadConfig, type RadarConfig } from '../../src/config.js';
import type { SlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackAppHandle } from '../../src/slack/create-app.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { FakeSlack, ManualClock } from './fake-slack/index.js';
import { getFreePort } from './free-port.js';
import type { SlackRequestTarget } from './slack-requests.js';

/** The fake Slack on a ManualClock shared with Radar, and a Radar config that points at it on a free port. */
export interface FakeSlackEnv {
  readonly fake: FakeSlack;
  readonly clock: ManualClock;
  readonly port: number;
  readonly config: RadarConfig;
  readonly signingSecret: string;
}

export interface FakeSlackEnvOptions {
  readonly signingSecret: string;
  /** Defaults to a ManualClock at its own default start. */
  readonly clock?: ManualClock;
  /** Further environment for loadConfig (alert channels, LOG_LEVEL, …). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startFakeSlackEnv(options: FakeSlackEnvOptions): Promise<FakeSlackEnv> {
  const clock = options.clock ?? new ManualClock();
  const fake = await FakeSlack.start({ clock });
  const port = await getFreePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: options.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    ...options.env,
  });
  return { fake, clock, port, config, signingSecret: options.signingSecret };
}

/** The real Bolt app listening on the env's port, and how tests reach, settle and stop it. */
export interface RunningSlackApp {
  readonly handle: SlackAppHandle;
  readonly target: SlackRequestTarget;
  /** Waits until every background task (answers, button handlers) has finished. */
  settle(): Promise<void>;
  /** Stops the app, waits for its tasks, then stops the fake Slack. */
  stop(): Promise<void>;
}

export async function startSlackApp(
  env: FakeSlackEnv,
  deps: SlackAppDeps,
  clientOverrides: webApi.WebClientOptions = { retryConfig: { retries: 0 } },
  alerts?: SlackAlerts | null,
): Promise<RunningSlackApp> {
  const handle = createSlackApp(env.config, deps, clientOverrides, alerts);
  await handle.app.start(env.port);
  return {
    handle,
    target: {
      url: `http://127.0.0.1:${env.port}${SLACK_EVENTS_PATH}`,
      signingSecret: env.signingSecret,
      fake: env.fake,
    },
    settle: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await handle.tasks.idle();
    },
    stop: async () => {
      await handle.app.stop();
      await handle.tasks.idle();
      await env.fake.stop();
    },
  };
}

import { App, HTTPReceiver, type webApi } from '@slack/bolt';
import type { RadarConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { SlackAlerts } from './alerts/slack-alerts.js';
import { registerAnswerActions } from './answer-actions.js';
import { registerAppHome } from './app-home.js';
import { BackgroundTasks } from './background-tasks.js';
import { createBoltLogger } from './bolt-logger.js';
import { createReaderLocales } from './reader-locale.js';
import { registerCommands } from './register-commands.js';
import { guardRequests, RequestReplayGuard } from './request-guard.js';
import { SLACK_CALL_TIMEOUT_MS, safeRetryPolicy } from './retry-policy.js';
import { registerRulesActions } from './rules/register-rules-actions.js';
import { registerShareAction } from './share-action.js';
import type { ListenerDeps, SlackAppDeps } from './slack-deps.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppHandle {
  readonly app: App;
  /** Answers still being computed or delivered; `idle()` waits for them (shutdown, tests). */
  readonly tasks: BackgroundTasks;
}

/** WebClient options from config: SLACK_API_URL, the safe retry policy and a per-call timeout; tests override them. */
export function webClientOptions(
  config: RadarConfig,
  overrides: webApi.WebClientOptions = {},
): webApi.WebClientOptions {
  return {
    ...(config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL }),
    retryConfig: safeRetryPolicy(),
    timeout: config.SLACK_TIMEOUT_MS ?? SLACK_CALL_TIMEOUT_MS,
    ...overrides,
  };
}

/**
 * The Bolt app: HTTP (signed requests on /slack/events) unless SLACK_APP_TOKEN asks for Socket Mode; acks are never
 * held back (`processBeforeResponse: false`), listeners are thin adapters over src/commands, and any error that
 * escapes a listener is logged by `app.error` instead of crashing the process.
 */
export function createSlackApp(
  config: RadarConfig,
  deps: SlackAppDeps,
  clientOverrides: webApi.WebClientOptions = {},
  /** Red-zone alert buttons and modals (src/slack/alerts); absent when alerts are not configured. */
  alerts?: SlackAlerts | null,
): SlackAppHandle {
  const token = config.SLACK_BOT_TOKEN;
  if (token === undefined) throw new ConfigError('SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-…).');
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  if (!socketMode && config.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError("SLACK_SIGNING_SECRET is missing: set it from the app's Basic Information page.");
  }
  const logger = createBoltLogger(deps.logger);
  const app = new App({
    token,
    ...(socketMode
      ? { socketMode: true, appToken: config.SLACK_APP_TOKEN }
      : { receiver: guardedReceiver(config.SLACK_SIGNING_SECRET as string, config.PORT, logger) }),
    processBeforeResponse: false,
    logger,
    clientOptions: webClientOptions(config, { logger, ...clientOverrides }),
  });
  const tasks = new BackgroundTasks(deps.logger);
  // One users.info cache per process: the alerts module's when alerts run (DMs and digests use it too).
  const listenerDeps: ListenerDeps = {
    ...deps,
    readerLocales:
      deps.readerLocales ??
      alerts?.readerLocales ??
      createReaderLocales({
        client: app.client,
        now: () => deps.clock.now(),
        logger: deps.logger,
        fallback: config.language,
      }),
  };
  registerCommands(app, listenerDeps, tasks);
  registerShareAction(app, listenerDeps, tasks);
  registerAnswerActions(app, listenerDeps, tasks);
  registerAppHome(app, listenerDeps);
  alerts?.register(app, tasks);
  if (deps.rules !== undefined) registerRulesActions(app, deps.rules, tasks, listenerDeps.readerLocales);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a Slack listener');
  });
  return { app, tasks };
}

/** Bolt's HTTP receiver on /slack/events, behind the replay and future-timestamp guard (request-guard.ts). */
function guardedReceiver(signingSecret: string, port: number, logger: ReturnType<typeof createBoltLogger>) {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    port,
    processBeforeResponse: false,
    logger,
  });
  receiver.requestListener = guardRequests(receiver.requestListener, new RequestReplayGuard(signingSecret));
  return receiver;
}

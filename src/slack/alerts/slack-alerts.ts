import { type App, webApi } from '@slack/bolt';
import { AlertRuntime, type AlertRuntimeOptions } from '../../alerts/alert-runtime.js';
import type { AlertStore } from '../../alerts/alert-store.js';
import { DEFAULT_STATE_DB, SqliteAlertStore } from '../../alerts/sqlite/sqlite-alert-store.js';
import type { ChartRenderer } from '../../charts/render-pool.js';
import type { CommandContext } from '../../commands/command-definition.js';
import type { RadarConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';
import type { Translate } from '../../i18n/translate.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import type { KnownBlock } from '../block-types.js';
import { webClientOptions } from '../create-app.js';
import { createReaderLocales, type ReaderLocales } from '../reader-locale.js';
import { buildHomeAlertsSection } from './home-section.js';
import { registerAlertActions } from './register-alert-actions.js';
import { type AlertChannels, createSlackTransport } from './slack-transport.js';
import { createTimeZoneLookup } from './user-time-zones.js';

/** What create-app and serve need from the alerts feature. */
export interface SlackAlerts {
  readonly runtime: AlertRuntime;
  /** Registers the alert buttons and modals on the Bolt app (called once from createSlackApp). */
  register(app: App, tasks: BackgroundTasks): void;
  /** The App Home hook (`SlackAppDeps.homeAlertsSection`), in the viewer's language. */
  homeSection(userId: string, t: Translate): Promise<KnownBlock[]>;
  /** Each user's language (users.info, cached): DMs, digests, modals; the Slack app shares this cache. */
  readonly readerLocales: ReaderLocales;
}

export interface SlackAlertsOptions {
  readonly context: CommandContext;
  readonly now: () => number;
  readonly logger: Logger;
  readonly renderer: ChartRenderer;
  /** Tests pass the fake's URL and no retries. */
  readonly clientOverrides?: webApi.WebClientOptions;
  /** Defaults to the SQLite store at RADAR_STATE_DB (or .radar/state.sqlite). */
  readonly store?: AlertStore;
  /** Where the scan job runs (serve passes a worker thread); in-process when absent. */
  readonly runScanJob?: AlertRuntimeOptions['runScanJob'];
}

/** Channels from config; null when RADAR_ALERT_CHANNEL is unset (alerts off). */
export function alertChannels(config: RadarConfig): AlertChannels | null {
  if (config.RADAR_ALERT_CHANNEL === undefined) return null;
  return {
    alertChannel: config.RADAR_ALERT_CHANNEL,
    escalationChannel: config.RADAR_ESCALATION_CHANNEL ?? config.RADAR_ALERT_CHANNEL,
    managers: config.RADAR_MANAGERS,
    ...(config.RADAR_ADMIN_CHANNEL === undefined ? {} : { adminChannel: config.RADAR_ADMIN_CHANNEL }),
  };
}

/** The alerts feature on Slack: store, WebClient transport, users.info zones, buttons and the Home section. */
export function createSlackAlerts(config: RadarConfig, options: SlackAlertsOptions): SlackAlerts | null {
  const channels = alertChannels(config);
  if (channels === null) return null;
  const token = config.SLACK_BOT_TOKEN;
  if (token === undefined) throw new ConfigError('SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-…).');
  const client = new webApi.WebClient(token, webClientOptions(config, options.clientOverrides ?? {}));
  const store = options.store ?? SqliteAlertStore.open(config.RADAR_STATE_DB ?? DEFAULT_STATE_DB, options.now());
  const readerLocales = createReaderLocales({
    client,
    now: options.now,
    logger: options.logger,
    fallback: config.language,
  });
  const runtime = new AlertRuntime({
    store,
    transport: createSlackTransport({
      client,
      store,
      channels,
      renderer: options.renderer,
      now: options.now,
      logger: options.logger,
      readerLocales,
    }),
    context: options.context,
    now: options.now,
    scanCron: config.RADAR_SCAN_CRON,
    managers: config.RADAR_MANAGERS,
    digestChannel: config.RADAR_DIGEST_CHANNEL,
    timeZoneOf: createTimeZoneLookup(client, options.now, options.logger),
    localeOf: (userId) => readerLocales.localeOf(userId),
    channelLocale: config.language,
    logger: options.logger,
    ...(options.runScanJob === undefined ? {} : { runScanJob: options.runScanJob }),
  });
  return {
    runtime,
    register: (app, tasks) => registerAlertActions(app, runtime, tasks, options.logger, readerLocales),
    homeSection: (userId, t) => buildHomeAlertsSection(runtime, userId, t),
    readerLocales,
  };
}

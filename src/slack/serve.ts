import { startHealthChecks } from '../alerts/health/health-schedule.js';
import { openAlertStore, stateLocation } from '../alerts/open-alert-store.js';
import { readRadarState } from '../alerts/radar-state-source.js';
import { startSchedules } from '../alerts/scheduler.js';
import { digestJobNames } from '../alerts/schedules.js';
import { DEFAULT_STATE_DB } from '../alerts/sqlite/sqlite-alert-store.js';
import { createChartRenderer } from '../charts/render-pool.js';
import { openCliSession } from '../cli/cli-context.js';
import type { CommandContext } from '../commands/command-definition.js';
import { createCommandPool } from '../commands/command-pool.js';
import { COMMANDS } from '../commands/index.js';
import { radarVersion } from '../commands/radar-command.js';
import type { RadarConfig } from '../config.js';
import { exportDataDate } from '../data/export-data-date.js';
import { keepSnapshotCacheFresh, type SnapshotCacheState } from '../data/snapshot-cache/snapshot-cache-keeper.js';
import { SOURCE_RECHECK_MS } from '../data/warehouse-provider.js';
import type { Locale } from '../i18n/locale.js';
import { createLogger } from '../logging.js';
import { ForegroundFirst } from '../workers/foreground-first.js';
import { alertChannels, createSlackAlerts } from './alerts/slack-alerts.js';
import { createSlackApp, SLACK_EVENTS_PATH } from './create-app.js';
import { previewRules } from './rules/preview-rules.js';
import type { SlackAppDeps } from './slack-deps.js';
import { openServeClock } from './test-clock.js';
import { verifyBotToken } from './verify-token.js';

/** How long shutdown waits for answers in flight before closing the renderer and the warehouse anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * `radar serve` (and `radar` with Slack tokens): checks the token, opens the warehouse and the chart workers, starts
 * the Bolt app, and on SIGTERM/SIGINT stops taking requests, lets answers in flight finish, then closes everything.
 * Resolves once shut down; a bad token rejects with a ConfigError naming SLACK_BOT_TOKEN (the CLI exits non-zero).
 */
export async function serveSlack(config: RadarConfig, mode: 'http' | 'socket'): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL });
  // The wall clock and node-cron; a parent-driven clock only under RADAR_TEST_CLOCK=ipc (tests, see test-clock.ts).
  const clock = await openServeClock(config, logger);
  const identity = await verifyBotToken(config);
  const session = await openCliSession(config, undefined, undefined, {
    onRefreshError: (error) => logger.warn({ err: error }, 'checking the warehouse source for new data failed'),
  });
  // Commands run in workers that open the replica link; the main thread looks at a database source for new data.
  const sourceWatch =
    session.checkSource === undefined ? undefined : setInterval(session.checkSource, SOURCE_RECHECK_MS);
  sourceWatch?.unref();
  const renderer = createChartRenderer();
  // Red-zone alerts (off unless RADAR_ALERT_CHANNEL is set): state store, buttons, Home section, schedules.
  // SQLite by default; Postgres (RADAR_STATE_URL) when several instances share the state.
  const store = alertChannels(config) === null ? undefined : await openAlertStore(config, clock.now(), logger);
  const alerts = createSlackAlerts(config, {
    context: session.context,
    now: clock.now,
    logger,
    renderer,
    // The scan job (zones for every customer) runs in a command worker, for the same reason as commands, on the
    // per-export structures the commands built there (a scan thread of its own would build them a second time).
    runScanJob: (now) => executor.runScan(now),
    ...(store === undefined ? {} : { store }),
  });
  // Analyses run in worker threads: at a million customers one takes seconds, and acks must not wait for it.
  const executor = createCommandPool({
    warehousePath: session.warehousePath,
    scan: {
      stateDbPath: config.RADAR_STATE_DB ?? DEFAULT_STATE_DB,
      stateUrl: config.RADAR_STATE_URL,
      scanCron: config.RADAR_SCAN_CRON,
    },
    ...(alerts === null ? {} : { openAlerts: () => alerts.runtime.allOpenAlerts() }),
    ...(store === undefined ? {} : { thresholdsInForce: async () => (await store.thresholdsInForce()).thresholds }),
  });
  // Interactive first: workers start and open the warehouse now; the cache build and catch-up scan wait for them
  // and for a moment with no command in flight.
  const foreground = new ForegroundFirst(executor.warm?.() ?? Promise.resolve());
  // The bundled demo's data date is fixed, so its age is not judged; a real export's is (RADAR_STALE_AFTER).
  const staleAfterMs = session.usingDemo ? null : config.RADAR_STALE_AFTER;
  let snapshotCacheState: () => SnapshotCacheState = () => ({ kind: 'not-started' });
  const radarState =
    store === undefined
      ? undefined
      : () =>
          readRadarState(store, {
            now: clock.now(),
            scanCron: config.RADAR_SCAN_CRON,
            version: radarVersion(),
            managers: config.RADAR_MANAGERS,
            digestChannel: config.RADAR_DIGEST_CHANNEL,
            cache: () => snapshotCacheState(),
            staleAfterMs,
            stateLocation: stateLocation(config),
          });
  const contextFor = (): CommandContext => ({
    ...session.context,
    ...(alerts === null ? {} : { openAlertsFor: (keys: readonly string[]) => alerts.runtime.openAlertsFor(keys) }),
    ...(radarState === undefined ? {} : { radarState }),
    ...(staleAfterMs === null ? {} : { staleAfterMs }),
  });
  const radarCommand = COMMANDS.find((c) => c.slash === '/radar');
  const deps: SlackAppDeps = {
    commands: COMMANDS,
    foreground,
    contextFor,
    clock: { now: () => Date.now() },
    logger,
    renderer,
    executor,
    privateByDefault: config.RADAR_PRIVATE_BY_DEFAULT,
    ...(alerts === null ? {} : { homeAlertsSection: (userId, t) => alerts.homeSection(userId, t) }),
    ...(alerts === null || store === undefined || radarCommand === undefined
      ? {}
      : {
          rules: {
            store,
            drain: () => alerts.runtime.drain(),
            admins: config.RADAR_ADMINS,
            preview: (values: string, locale: Locale) =>
              previewRules(executor, radarCommand, values, { ...contextFor(), locale }),
            now: clock.now,
            logger,
          },
        }),
  };
  const { app, tasks } = createSlackApp(config, deps, {}, alerts);
  if (mode === 'http') await app.start(config.PORT);
  else await app.start();
  // Chart workers load vega, sharp and the fonts now rather than during the first answer; after start-up, not during it.
  renderer.warm?.().catch((error: unknown) => logger.warn({ err: error }, 'chart workers did not warm up'));
  const schedules =
    alerts === null
      ? null
      : startSchedules(alerts.runtime, config.RADAR_SCAN_CRON, logger, () => foreground.idle(), clock.ticker);
  clock.report('listening');
  void (schedules?.caughtUp ?? Promise.resolve()).then(() => clock.report('caught-up'));
  // Latest rows per customer, column by column on disk: first answers at a million customers in seconds, not a minute.
  const snapshotCache = keepSnapshotCacheFresh({
    warehousePath: session.warehousePath,
    logger,
    startAfter: foreground.idle(),
    ...(config.RADAR_CACHE_DIR === undefined ? {} : { cacheRoot: config.RADAR_CACHE_DIR }),
  });
  snapshotCacheState = snapshotCache.state;
  // Radar's own health (stale data, failing deliveries, the cache build, late jobs), once per 10 minutes over all
  // instances, to RADAR_ADMIN_CHANNEL (default the alert channel).
  const healthChecks =
    alerts === null || store === undefined
      ? null
      : startHealthChecks({
          now: clock.now,
          drain: () => alerts.runtime.drain(),
          logger,
          after: schedules?.caughtUp,
          facts: (now) => ({
            store,
            now,
            staleAfterMs: staleAfterMs ?? Number.POSITIVE_INFINITY,
            dataDateMs: () => exportDataDate(session.context.warehouse()),
            cache: snapshotCache.state,
            scanCron: config.RADAR_SCAN_CRON,
            digestJobs: digestJobNames(config.RADAR_MANAGERS, config.RADAR_DIGEST_CHANNEL),
            locale: config.language,
          }),
        });
  logger.info(
    {
      mode,
      team: identity.team,
      bot: identity.botUserId,
      warehouse: session.sourceLabel,
      demo: session.usingDemo,
      ...(mode === 'http' ? { port: config.PORT, path: SLACK_EVENTS_PATH } : {}),
    },
    mode === 'http'
      ? `Radar is listening on port ${config.PORT} at ${SLACK_EVENTS_PATH}`
      : 'Radar is connected to Slack in Socket Mode',
  );

  await new Promise<void>((resolve) => {
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, inFlight: tasks.size }, 'shutting down');
      void (async () => {
        try {
          await app.stop();
        } catch (error) {
          logger.warn({ err: error }, 'stopping the receiver failed');
        }
        let timer: NodeJS.Timeout | undefined;
        const drained = await Promise.race([
          tasks.idle().then(() => true),
          new Promise<boolean>((done) => {
            timer = setTimeout(() => done(false), DRAIN_TIMEOUT_MS);
          }),
        ]);
        clearTimeout(timer);
        if (!drained) logger.warn({ inFlight: tasks.size }, 'answers still in flight were abandoned');
        await schedules?.stop();
        await healthChecks?.stop();
        clearInterval(sourceWatch);
        await session.settled();
        await snapshotCache.close();
        await alerts?.runtime.close();
        await executor.close();
        await renderer.close();
        session.close();
        clock.close();
        logger.info('stopped');
        process.off('SIGTERM', shutdown);
        process.off('SIGINT', shutdown);
        resolve();
      })();
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  });
}

import type { AlertStore } from '../alerts/alert-store.js';
import { openAlertStore, stateLocation } from '../alerts/open-alert-store.js';
import { readRadarState } from '../alerts/radar-state-source.js';
import { DEFAULT_STATE_DB, SqliteAlertStore } from '../alerts/sqlite/sqlite-alert-store.js';
import { radarVersion } from '../commands/radar-command.js';
import { type RadarConfig, slackMode } from '../config.js';
import { createLogger } from '../logging.js';
import { ask } from './ask.js';
import { openCliSession } from './cli-context.js';

export interface StateCommandOptions {
  readonly json?: boolean;
  /** `radar rules --backtest key=value …`: true for a backtest of the thresholds in force alone. */
  readonly backtest?: boolean | readonly string[];
}

/**
 * `radar rules` and `radar status`: the same /radar answers as Slack, with Radar's state read from its store. Without
 * Slack tokens the SQLite state is read from an in-memory copy, so the file is never written (as `radar scan` does).
 */
export async function runStateCommand(
  action: 'rules' | 'status',
  config: RadarConfig,
  options: StateCommandOptions,
  print: (text: string) => void,
): Promise<void> {
  const now = Date.now();
  const session = await openCliSession(config, () => new Date(now));
  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => process.stderr.write(line) } });
  const staleAfterMs = session.usingDemo ? null : config.RADAR_STALE_AFTER;
  let store: AlertStore | undefined;
  try {
    store =
      slackMode(config) === 'local' && config.RADAR_STATE_URL === undefined
        ? SqliteAlertStore.openDryRun(config.RADAR_STATE_DB ?? DEFAULT_STATE_DB, now)
        : await openAlertStore(config, now, logger);
    const opened = store;
    const context = {
      ...session.context,
      ...(staleAfterMs === null ? {} : { staleAfterMs }),
      zoneThresholds: (await opened.thresholdsInForce()).thresholds,
      radarState: () =>
        readRadarState(opened, {
          now,
          scanCron: config.RADAR_SCAN_CRON,
          version: radarVersion(),
          managers: config.RADAR_MANAGERS,
          digestChannel: config.RADAR_DIGEST_CHANNEL,
          staleAfterMs,
          stateLocation: stateLocation(config),
        }),
    };
    const backtest = options.backtest;
    const words =
      action === 'status'
        ? '/radar status'
        : backtest === undefined || backtest === false
          ? '/radar rules'
          : `/radar rules backtest ${backtest === true ? '' : backtest.join(' ')}`.trim();
    print((await ask(words, context, { json: options.json === true })).output);
  } finally {
    await store?.close();
    session.close();
  }
}

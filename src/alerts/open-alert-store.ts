import type { RadarConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logging.js';
import type { AlertStore } from './alert-store.js';
import { PostgresAlertStore } from './postgres/postgres-alert-store.js';
import { DEFAULT_STATE_DB, SqliteAlertStore } from './sqlite/sqlite-alert-store.js';

/** Where the state lives, for logs and CLI output (the URL without its password). */
export function stateLocation(config: Pick<RadarConfig, 'RADAR_STATE_URL' | 'RADAR_STATE_DB'>): string {
  if (config.RADAR_STATE_URL !== undefined) {
    try {
      const url = new URL(config.RADAR_STATE_URL);
      url.password = url.password === '' ? '' : '***';
      return url.toString();
    } catch {
      return 'the Postgres database in RADAR_STATE_URL';
    }
  }
  return config.RADAR_STATE_DB ?? DEFAULT_STATE_DB;
}

/**
 * Radar's state: Postgres when RADAR_STATE_URL is set (several instances share it), otherwise the SQLite file
 * RADAR_STATE_DB (one machine). Either way the migrations not applied yet run now.
 */
export async function openAlertStore(
  config: Pick<RadarConfig, 'RADAR_STATE_URL' | 'RADAR_STATE_DB'>,
  now: number,
  logger: Logger,
): Promise<AlertStore> {
  if (config.RADAR_STATE_URL !== undefined) {
    try {
      return await PostgresAlertStore.open(config.RADAR_STATE_URL, now, logger);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `Radar cannot open its state in Postgres at ${stateLocation(config)} (${reason}). Check RADAR_STATE_URL (host, port, user, password, database) and that Postgres is running, then start again.`,
        { cause: error },
      );
    }
  }
  return SqliteAlertStore.open(config.RADAR_STATE_DB ?? DEFAULT_STATE_DB, now);
}

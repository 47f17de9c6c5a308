import { existsSync } from 'node:fs';
import { openAlertStore } from '../alerts/open-alert-store.js';
import { DEFAULT_STATE_DB, SqliteAlertStore } from '../alerts/sqlite/sqlite-alert-store.js';
import type { ZoneThresholds } from '../analysis/zones/zone-thresholds.js';
import { type RadarConfig, slackMode } from '../config.js';
import { createLogger } from '../logging.js';

/**
 * The zone thresholds in force in Radar's state, for `radar ask` and the local prompt, so their zones agree with the
 * scan's; undefined when there is no state yet (the defaults hold). The state is found as `radar rules` finds it, and
 * never written: without Slack tokens the SQLite file is read from an in-memory copy, and a missing file is not
 * created.
 */
export async function thresholdsFromState(config: RadarConfig, now: number): Promise<ZoneThresholds | undefined> {
  const sqlitePath = config.RADAR_STATE_DB ?? DEFAULT_STATE_DB;
  if (config.RADAR_STATE_URL === undefined && !existsSync(sqlitePath)) return undefined;
  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => process.stderr.write(line) } });
  const store =
    slackMode(config) === 'local' && config.RADAR_STATE_URL === undefined
      ? SqliteAlertStore.openDryRun(sqlitePath, now)
      : await openAlertStore(config, now, logger);
  try {
    return (await store.thresholdsInForce()).thresholds;
  } finally {
    await store.close();
  }
}

import type { Warehouse } from './open-warehouse.js';
import { snapshotKeyStats } from './read-table.js';
import type { TableId } from './warehouse-schema.js';

const SNAPSHOT_TABLES: readonly TableId[] = ['activity', 'funnel', 'value'];

/**
 * The export's data date (the latest parsed snapshot instant over the snapshot tables present), for the self-health
 * check. Key statistics are computed once per open export (or come from the snapshot cache), so a check every 10
 * minutes costs one pass per table per export.
 */
export function exportDataDate(warehouse: Warehouse): number | null {
  let latest: number | null = null;
  for (const table of SNAPSHOT_TABLES) {
    if (!warehouse.schema.tables.has(table)) continue;
    const date = snapshotKeyStats(warehouse, table).dataDateMs;
    if (date !== null && (latest === null || date > latest)) latest = date;
  }
  return latest;
}

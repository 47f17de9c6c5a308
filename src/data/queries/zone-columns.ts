import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import type { ActivityZoneColumns } from '../../analysis/zones/activity-zone-columns.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { type TableReadReport, tableAvailability } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { codesOfValues } from '../snapshot-cache/key-space-store.js';
import type { SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { ZONE_ACTIVITY_COLUMNS } from './zone-inputs.js';

export interface LoadedActivityZoneColumns {
  readonly columns: ActivityZoneColumns;
  readonly report: TableReadReport;
  /** The snapshot cache the columns are the latest activity rows of (in its row order); undefined when from SQLite. */
  readonly cache?: SnapshotCache;
  /** Row of each customer by cleaned email. */
  readonly rowOf: (email: string) => number | undefined;
  /** The rows of several customers at once (-1 for none), as rowOf gives them. */
  readonly rowsOf: (emails: readonly string[]) => Int32Array;
}

/**
 * The activity method's inputs as columns, once per open warehouse; null when loadZoneInputs would fall back to the
 * value table (no activity table, a missing column, or no keyed row), whose callers then take the row path.
 */
export const loadActivityZoneColumns = oncePerWarehouse(
  (warehouse: Warehouse, neededFor: string): LoadedActivityZoneColumns | null => {
    const availability = tableAvailability(warehouse, 'activity', [
      ...ZONE_ACTIVITY_COLUMNS,
      WAREHOUSE_TABLES.activity.snapshot.timestamp,
    ]);
    if (!availability.present || availability.missingColumns.length > 0 || availability.rows === 0) return null;
    const read = readTableColumns(warehouse, 'activity', ZONE_ACTIVITY_COLUMNS, { neededFor });
    if (read.length === 0) return null;
    const c = read.columns;
    const key = c.primary_email as CodedColumn;
    return {
      columns: {
        key,
        organization: c.primary_organization as CodedColumn,
        velocity: c.engagement_velocity as CodedColumn,
        riskLevel: c.activity_risk_level as CodedColumn,
        weightedEngagement: c.weighted_engagement_score as Float64Array,
      },
      report: read.report,
      ...(read.cache ? { cache: read.cache } : {}),
      ...rowIndex(key),
    };
  },
);

/**
 * Email → row (later rows win, as a Map filled in row order would keep them). The first few single lookups scan the
 * columns (a million string comparisons take milliseconds; /customer looks up one email). Asked for a list of emails
 * before the index exists (the first answer listing ~100k of a million customers), only those emails are hashed and
 * the rows scanned: a million-entry Map costs over a second to build. The index is built once lookups keep coming
 * (a second list, the scan, the zone lookups of whole rankings).
 */
function rowIndex(key: CodedColumn): Pick<LoadedActivityZoneColumns, 'rowOf' | 'rowsOf'> {
  let index: Map<string, number> | undefined;
  let scans = 0;
  let scannedOnce = false;
  const built = (): Map<string, number> => {
    if (!index) {
      index = new Map();
      for (let r = 0; r < key.indices.length; r++) {
        const code = key.indices[r] as number;
        if (code >= 0) index.set(key.dictionary[code] as string, r);
      }
    }
    return index;
  };
  return {
    rowOf: (email) => {
      if (!index && scans < SCANS_BEFORE_INDEX) {
        scans++;
        return scanFor(key, email);
      }
      return built().get(email);
    },
    rowsOf: (emails) => {
      const rows = new Int32Array(emails.length).fill(-1);
      // A second list is a repeated answer: from then on the index (built once) beats scanning every row again.
      if (scannedOnce) built();
      scannedOnce = true;
      if (index) {
        emails.forEach((email, k) => {
          rows[k] = index?.get(email) ?? -1;
        });
        return rows;
      }
      const wanted = new Map<string, number>();
      for (const email of emails) if (!wanted.has(email)) wanted.set(email, wanted.size);
      const wantedOfCode = new Int32Array(key.dictionary.length);
      key.dictionary.forEach((email, code) => {
        wantedOfCode[code] = wanted.get(email) ?? -1;
      });
      const lastRow = new Int32Array(wanted.size).fill(-1);
      for (let r = 0; r < key.indices.length; r++) {
        const code = key.indices[r] as number;
        if (code < 0) continue;
        const w = wantedOfCode[code] as number;
        if (w >= 0) lastRow[w] = r;
      }
      emails.forEach((email, k) => {
        rows[k] = lastRow[wanted.get(email) as number] as number;
      });
      return rows;
    },
  };
}

const SCANS_BEFORE_INDEX = 8;

/**
 * The last row holding `email`, compared by code: the email's code is found on the key space's bytes (or in the
 * dictionary), so a million emails are not decoded for one lookup.
 */
function scanFor(key: CodedColumn, email: string): number | undefined {
  const { indices } = key;
  const wanted = codesOfValues(key, [email]);
  for (let r = indices.length - 1; r >= 0; r--) {
    const code = indices[r] as number;
    if (code >= 0 && wanted[code] === 0) return r;
  }
  return undefined;
}

import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { PriorityZone } from '../../analysis/priority/priority-filter.js';
import { ZONE_CODES } from '../../analysis/zones/activity-zone-columns.js';
import type { SnapshotCache } from '../../data/snapshot-cache/snapshot-cache.js';
import type { LoadedZones } from '../load-zones.js';

/** The zones of mismatched customers, given as indices into the figures' mismatchedCustomers, in the order asked. */
export type MismatchedZones = (listed: readonly number[]) => readonly (PriorityZone | null)[];

/**
 * How the lead finds its listed customers' zones: by row numbers when the figures carry their value rows and those
 * rows and the zones were read from the same snapshot cache (mismatchedZonesByRow), else by email (the reference).
 */
export function mismatchedZones(
  figures: InvestmentMismatchFigures,
  zones: LoadedZones,
  /** The cache the investment columns are the latest value rows of (LoadedInvestment.cache). */
  valueCache: SnapshotCache | undefined,
): MismatchedZones {
  return mismatchedZonesByRow(figures, zones, valueCache) ?? mismatchedZonesByEmail(figures, zones);
}

/** Each listed customer's email looked up among the zones: the plain method. */
export function mismatchedZonesByEmail(figures: InvestmentMismatchFigures, zones: LoadedZones): MismatchedZones {
  const customers = figures.mismatchedCustomers;
  return (listed) => zones.lookupAll(listed.map((k) => customers[k]?.email as string));
}

/**
 * The same zones by row numbers: each customer's latest value row, that row's activity row (the cache's code join of
 * the two email columns, the last activity row of an email winning as in the email lookup's index), that row's zone.
 * At a million customers this replaces decoding every activity email and ~a million Map lookups for ~100k listed
 * accounts. Undefined when the rows and the zones do not come from one cache, or the cache cannot join them.
 */
export function mismatchedZonesByRow(
  figures: InvestmentMismatchFigures,
  zones: LoadedZones,
  valueCache: SnapshotCache | undefined,
): MismatchedZones | undefined {
  const rows = figures.mismatchedRows;
  const byRow = zones.byCacheRow;
  if (!rows || !valueCache || !byRow || byRow.cache !== valueCache) return undefined;
  const activityRowOf = valueCache.joinedRows(
    { tableId: 'value', rank: 1, column: 'primary_email' },
    { tableId: 'activity', rank: 1, column: 'primary_email' },
  );
  if (!activityRowOf) return undefined;
  const zoneOfRow = byRow.zones;
  return (listed) =>
    listed.map((k) => {
      const activityRow = activityRowOf[rows[k] as number] as number;
      return activityRow < 0 ? null : (ZONE_CODES[zoneOfRow[activityRow] as number] ?? null);
    });
}

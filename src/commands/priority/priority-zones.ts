import type { PriorityZone, RowZones, ZoneLookup } from '../../analysis/priority/priority-filter.js';
import type { PriorityResult, ScoredCustomer } from '../../analysis/priority/priority-score.js';
import type { CacheRows } from '../../data/queries/value-customers.js';
import type { LoadedZones } from '../load-zones.js';

const ZONES: readonly (PriorityZone | null)[] = [null, 'red', 'yellow', 'green'];
const CODE: Readonly<Record<PriorityZone, number>> = { red: 1, yellow: 2, green: 3 };

/** Zone codes in rank order, per ranking (built once per export and options) and per zone lookup (likewise). */
const built = new WeakMap<PriorityResult, WeakMap<ZoneLookup, Uint8Array>>();

/** What joins ranked customers to zoned activity rows by row number: both read from one snapshot cache. */
export interface ZoneRowJoin {
  /** Each ranked customer's input row among the cache's latest value rows (LoadedPriority.cacheRows). */
  readonly customerRows: CacheRows;
  readonly zones: NonNullable<LoadedZones['byCacheRow']>;
}

/**
 * Every ranked customer's zone, worked out once per ranking and set of zones, then read by rank: /priority asks for
 * the zone of each of its million rows (the list, the zone filter). With `join` the customers are matched to their
 * activity rows on the cache's stored email bytes (zoneCodesByRow); otherwise each ranked email is looked up, which
 * cost seconds at a million customers. A row not of this ranking (never the case in /priority) is looked up by email.
 */
export function zonesByRank(result: PriorityResult, lookup: ZoneLookup, join?: ZoneRowJoin): RowZones {
  let perLookup = built.get(result);
  if (!perLookup) {
    perLookup = new WeakMap();
    built.set(result, perLookup);
  }
  let codes = perLookup.get(lookup);
  if (!codes) {
    codes = (join && zoneCodesByRow(result, join)) ?? zoneCodesByEmail(result, lookup);
    perLookup.set(lookup, codes);
  }
  const byRank = codes;
  return {
    zoneOfRow(row) {
      const p = row.rank - 1;
      return result.ranked[p] === row ? (ZONES[byRank[p] as number] ?? null) : lookup(row.customer.email);
    },
  };
}

/** The zone code (index into ZONES) of each ranked row, by looking its email up: the plain method. */
export function zoneCodesByEmail(result: PriorityResult, lookup: ZoneLookup): Uint8Array {
  const { ranked } = result;
  const codes = new Uint8Array(ranked.length);
  for (let p = 0; p < ranked.length; p++) {
    const zone = lookup((ranked[p] as ScoredCustomer).customer.email);
    codes[p] = zone === null ? 0 : CODE[zone];
  }
  return codes;
}

/**
 * The same codes by row numbers: each ranked customer's latest value row, that row's activity row (the cache's
 * byte join of the two email columns, the last activity row of an email winning as in the lookup's index), that
 * row's zone. Undefined when the customers and the zones were not read from the same cache.
 */
export function zoneCodesByRow(result: Pick<PriorityResult, 'rankedFrom'>, join: ZoneRowJoin): Uint8Array | undefined {
  const { cache, rows } = join.customerRows;
  if (cache !== join.zones.cache) return undefined;
  const activityRowOf = cache.joinedRows(
    { tableId: 'value', rank: 1, column: 'primary_email' },
    { tableId: 'activity', rank: 1, column: 'primary_email' },
  );
  if (!activityRowOf) return undefined;
  const { rankedFrom } = result;
  const zones = join.zones.zones;
  const codes = new Uint8Array(rankedFrom.length);
  for (let p = 0; p < rankedFrom.length; p++) {
    const activityRow = activityRowOf[rows[rankedFrom[p] as number] as number] as number;
    codes[p] = activityRow < 0 ? 0 : (zones[activityRow] as number);
  }
  return codes;
}

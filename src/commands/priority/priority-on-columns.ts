import { selectPriorityColumns } from '../../analysis/priority/priority-column-filter.js';
import {
  type RankedPriorityColumns,
  rankPriorityColumns,
  scoredRowAt,
} from '../../analysis/priority/priority-columns.js';
import type { PriorityZone, RowZones } from '../../analysis/priority/priority-filter.js';
import { PRIORITY_ROUTES, type PriorityRoute } from '../../analysis/priority/priority-routes.js';
import type { PriorityOptions } from '../../analysis/priority/priority-score.js';
import { oncePerWarehouse } from '../../data/once-per-warehouse.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import type { LoadedPriorityColumns } from '../../data/queries/value-priority-columns.js';
import type { LoadedZones } from '../load-zones.js';
import type { PriorityCommandOptions } from './priority-options.js';
import type { PriorityShown } from './priority-shown.js';
import { zoneCodesByRow } from './priority-zones.js';

const ZONES: readonly (PriorityZone | null)[] = [null, 'red', 'yellow', 'green'];
const CODE: Readonly<Record<PriorityZone, number>> = { red: 1, yellow: 2, green: 3 };

/** Rankings per open export and set of options (a CSM trying weights: the defaults and the last other set). */
const rankingsBuilt = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, RankedPriorityColumns>());
const MAX_OPTION_SETS = 2;

/** The column ranking of `columns` under `options`, kept per export and options as loadPriority keeps its own. */
export function rankedColumns(
  warehouse: Warehouse,
  columns: LoadedPriorityColumns,
  options: PriorityOptions,
): RankedPriorityColumns {
  const built = rankingsBuilt(warehouse);
  const key = JSON.stringify(options);
  let ranked = built.get(key);
  if (!ranked) {
    ranked = rankPriorityColumns(columns.input, options);
    built.set(key, ranked);
    if (built.size > MAX_OPTION_SETS) built.delete(built.keys().next().value as string);
  }
  return ranked;
}

/** Zone codes by rank position, per ranking and set of zones. */
const zoneCodesBuilt = new WeakMap<RankedPriorityColumns, WeakMap<LoadedZones, Uint8Array>>();

/**
 * Each ranked customer's zone code: joined by cache rows when the customers and the zones come from one snapshot
 * cache, else looked up by email (as the row path does).
 */
export function zoneCodesOfColumns(
  ranked: RankedPriorityColumns,
  columns: LoadedPriorityColumns,
  zones: LoadedZones,
): Uint8Array {
  let perZones = zoneCodesBuilt.get(ranked);
  if (!perZones) {
    perZones = new WeakMap();
    zoneCodesBuilt.set(ranked, perZones);
  }
  let codes = perZones.get(zones);
  if (!codes) {
    const joined =
      zones.byCacheRow && zoneCodesByRow(ranked, { customerRows: columns.cacheRows, zones: zones.byCacheRow });
    codes = joined ?? zoneCodesByEmail(ranked, columns, zones);
    perZones.set(zones, codes);
  }
  return codes;
}

function zoneCodesByEmail(
  ranked: RankedPriorityColumns,
  columns: LoadedPriorityColumns,
  zones: LoadedZones,
): Uint8Array {
  const { emails, rows } = columns.input;
  const codes = new Uint8Array(ranked.n);
  for (let p = 0; p < ranked.n; p++) {
    const r = rows[ranked.rankedFrom[p] as number] as number;
    const zone = zones.lookup(emails.dictionary[emails.indices[r] as number] as string);
    codes[p] = zone === null ? 0 : CODE[zone];
  }
  return codes;
}

/**
 * What /priority shows of a column ranking: the filters applied to the columns, a ScoredCustomer (and its value
 * row) built for the top rows only, counts by route over the matches, and the matches listed from the columns.
 */
export function shownColumns(
  ranked: RankedPriorityColumns,
  columns: LoadedPriorityColumns,
  zoneCodes: Uint8Array,
  options: PriorityCommandOptions,
): PriorityShown {
  const selection = selectPriorityColumns(ranked, columns.input, columns.stage, zoneCodes, options.filters);
  const { matched } = selection;
  const top = Array.from(matched.subarray(0, options.top), (p) =>
    scoredRowAt(ranked, p, columns.customerAt(ranked.rankedFrom[p] as number)),
  );
  const zoneOf: RowZones = { zoneOfRow: (row) => ZONES[zoneCodes[row.rank - 1] as number] ?? null };
  return {
    top,
    matchedCount: matched.length,
    matchedRoutes: matched.length === ranked.n ? ranked.routeCounts : routeCounts(ranked, matched),
    emptyFilter: selection.emptyFilter,
    zoneOf,
    eachMatched(visit) {
      const { latest, input } = columns;
      for (let i = 0; i < matched.length; i++) {
        const p = matched[i] as number;
        const r = input.rows[ranked.rankedFrom[p] as number] as number;
        const priority = ranked.priority[p] as number;
        visit({
          rank: p + 1,
          organization: latest.text('primary_organization', r),
          email: latest.text('primary_email', r) as string,
          tier: latest.text('customer_tier', r),
          stage: latest.text('lifecycle_stage', r),
          zone: ZONES[zoneCodes[p] as number] ?? null,
          priority,
          change: ranked.hasPreviousPriority[p] === 1 ? priority - (ranked.previousPriority[p] as number) : null,
          health: latest.number('customer_health_score', r),
          churn: latest.number('churn_probability', r),
          ltv: latest.number('estimated_customer_ltv', r),
          route: PRIORITY_ROUTES[ranked.route[p] as number] as PriorityRoute,
        });
      }
    },
  };
}

function routeCounts(ranked: RankedPriorityColumns, matched: Uint32Array): Record<PriorityRoute, number> {
  const counts = new Float64Array(PRIORITY_ROUTES.length);
  for (let i = 0; i < matched.length; i++) {
    const route = ranked.route[matched[i] as number] as number;
    counts[route] = (counts[route] as number) + 1;
  }
  return Object.fromEntries(PRIORITY_ROUTES.map((route, i) => [route, counts[i] as number])) as Record<
    PriorityRoute,
    number
  >;
}

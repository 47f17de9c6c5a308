import type { PriorityRoute } from './priority-routes.js';
import type { ScoredCustomer } from './priority-score.js';

/** The most rows /priority lists, and how many it lists when not told. */
export const DEFAULT_TOP_N = 10;
export const MAX_TOP_N = 100;

export const PRIORITY_ZONES = ['red', 'yellow', 'green'] as const;
export type PriorityZone = (typeof PRIORITY_ZONES)[number];

export interface PriorityFilters {
  readonly tier?: string;
  readonly segment?: 'HV' | 'SMB';
  readonly stage?: string;
  readonly zone?: PriorityZone;
  readonly route?: PriorityRoute;
}

export type PriorityFilterKey = keyof PriorityFilters;

/** The filter that left nothing, with the values the customers still in view do have. */
export interface EmptyFilter {
  readonly key: PriorityFilterKey;
  readonly value: string;
  readonly present: readonly string[];
}

export interface PrioritySelection {
  /** Every scored customer passing the filters, in rank order. */
  readonly matched: readonly ScoredCustomer[];
  readonly top: readonly ScoredCustomer[];
  readonly emptyFilter: EmptyFilter | null;
}

type Accessor = (row: ScoredCustomer, zoneOf: ZoneLookup | RowZones) => string | null;
export type ZoneLookup = (email: string) => PriorityZone | null;
/** Zones read per ranked row rather than per email (a million rows: no hashing of a million emails per call). */
export interface RowZones {
  zoneOfRow(row: ScoredCustomer): PriorityZone | null;
}

export function zoneOfRow(zones: ZoneLookup | RowZones, row: ScoredCustomer): PriorityZone | null {
  return typeof zones === 'function' ? zones(row.customer.email) : zones.zoneOfRow(row);
}

const ACCESSORS: Readonly<Record<PriorityFilterKey, Accessor>> = {
  tier: (row) => row.customer.tier,
  segment: (row) => row.segment,
  stage: (row) => row.customer.stage,
  zone: (row, zoneOf) => zoneOfRow(zoneOf, row),
  route: (row) => row.route,
};

/** Filter order: the first filter that empties the view is the one the answer names. */
const FILTER_ORDER: readonly PriorityFilterKey[] = ['tier', 'segment', 'stage', 'zone', 'route'];

/**
 * Applies the filters in order (labels compared case-insensitively: `tier=gold` means Gold)
 * and keeps the first `top` rows. When a filter leaves nothing, says which one and what values
 * the customers before it had, so the answer can suggest a value that exists.
 */
export function selectPriority(
  ranked: readonly ScoredCustomer[],
  filters: PriorityFilters,
  top: number,
  zoneOf: ZoneLookup | RowZones = () => null,
): PrioritySelection {
  let rows = ranked;
  for (const key of FILTER_ORDER) {
    const wanted = filters[key];
    if (wanted === undefined) continue;
    const accessor = ACCESSORS[key];
    const target = wanted.toLowerCase();
    const kept = rows.filter((row) => accessor(row, zoneOf)?.toLowerCase() === target);
    if (kept.length === 0) {
      return {
        matched: [],
        top: [],
        emptyFilter: { key, value: wanted, present: valuesPresent(rows, accessor, zoneOf) },
      };
    }
    rows = kept;
  }
  return { matched: rows, top: rows.slice(0, top), emptyFilter: null };
}

function valuesPresent(rows: readonly ScoredCustomer[], accessor: Accessor, zoneOf: ZoneLookup | RowZones): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = accessor(row, zoneOf);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.keys()].sort();
}

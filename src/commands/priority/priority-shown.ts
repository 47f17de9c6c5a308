import type {
  EmptyFilter,
  PrioritySelection,
  PriorityZone,
  RowZones,
} from '../../analysis/priority/priority-filter.js';
import type { PriorityRoute } from '../../analysis/priority/priority-routes.js';
import type { PriorityResult, ScoredCustomer } from '../../analysis/priority/priority-score.js';

/** One matching customer as the list of every match shows it. */
export interface ListedCustomer {
  readonly rank: number;
  readonly organization: string | null;
  readonly email: string;
  readonly tier: string | null;
  readonly stage: string | null;
  readonly zone: PriorityZone | null;
  readonly priority: number;
  readonly change: number | null;
  readonly health: number | null;
  readonly churn: number | null;
  readonly ltv: number | null;
  readonly route: PriorityRoute;
}

/** The ranking's figures an answer states (every PriorityResult field but the rows). */
export type PriorityFigures = Omit<PriorityResult, 'ranked' | 'rankedFrom'>;

/**
 * What a /priority answer shows of a selection: the top rows whole, the rest as counts, and every match listed on
 * demand. The row path and the column path both give this, so one presenter serves both.
 */
export interface PriorityShown {
  readonly top: readonly ScoredCustomer[];
  readonly matchedCount: number;
  readonly matchedRoutes: Readonly<Record<PriorityRoute, number>>;
  readonly emptyFilter: EmptyFilter | null;
  /** Zones of the top rows. */
  readonly zoneOf: RowZones;
  /** Visits every match in rank order (the list; a million rows at 1M, so only when the list is read). */
  readonly eachMatched: (visit: (customer: ListedCustomer) => void) => void;
}

/** Customers per route over `rows`. */
export function countRoutes(rows: readonly ScoredCustomer[]): Record<PriorityRoute, number> {
  const counts: Record<PriorityRoute, number> = {
    'manual-intervention': 0,
    'dedicated-acceleration': 0,
    'automated-nurture': 0,
    standard: 0,
  };
  for (let i = 0; i < rows.length; i++) counts[(rows[i] as ScoredCustomer).route]++;
  return counts;
}

/** The row path's selection as shown: the route counts are the ranking's own when nothing was filtered out. */
export function shownRows(result: PriorityResult, selection: PrioritySelection, zoneOf: RowZones): PriorityShown {
  const { matched } = selection;
  return {
    top: selection.top,
    matchedCount: matched.length,
    matchedRoutes: matched === result.ranked ? result.routeCounts : countRoutes(matched),
    emptyFilter: selection.emptyFilter,
    zoneOf,
    eachMatched(visit) {
      for (const r of matched) {
        const c = r.customer;
        visit({
          rank: r.rank,
          organization: c.organization,
          email: c.email,
          tier: c.tier,
          stage: c.stage,
          zone: zoneOf.zoneOfRow(r),
          priority: r.priority,
          change: r.change,
          health: c.health,
          churn: c.churn,
          ltv: c.ltv,
          route: r.route,
        });
      }
    },
  };
}

import type { CohortActivityRow, CohortBounds, CohortFunnelRow } from './cohort-inputs.js';

export interface CohortMember {
  readonly activity: CohortActivityRow;
  readonly funnel: CohortFunnelRow;
}

/** How many customers survive each filter, in order, so a reader sees where the cohort comes from. */
export interface CohortSteps {
  /** Latest activity ⋈ latest funnel on the cleaned email. */
  readonly joined: number;
  /** Joined customers with NULL marketing_to_sales_days or sales_to_support_days (excluded). */
  readonly missingDays: number;
  readonly inMarketingToSalesRange: number;
  readonly aboveSalesToSupport: number;
  /** Customers left so far whose composite engagement is NULL (excluded). */
  readonly missingComposite: number;
  readonly aboveComposite: number;
}

export interface CohortSelection {
  readonly bounds: CohortBounds;
  /** Mean composite_engagement_score over all latest activity rows that have it. */
  readonly compositeMean: number | null;
  readonly compositeMeanN: number;
  /** The composite threshold actually applied (the mean, or the number given). */
  readonly compositeThreshold: number | null;
  readonly steps: CohortSteps;
  readonly members: readonly CohortMember[];
}

/** The selection without its members: what a result keeps (its members are listed by key, their figures apart). */
export type CohortSelectionSummary = Omit<CohortSelection, 'members'>;

/**
 * The §2 cohort: inner join of latest activity and latest funnel rows on email, then
 * marketing_to_sales_days in [min, max] (inclusive), sales_to_support_days > bound
 * (strict) and composite engagement strictly above the population mean. NULL days or a
 * NULL composite leave the customer out; each drop is counted.
 */
export function selectCohort(
  activity: readonly CohortActivityRow[],
  funnel: readonly CohortFunnelRow[],
  bounds: CohortBounds,
): CohortSelection {
  let sum = 0;
  let compositeMeanN = 0;
  for (const row of activity) {
    if (row.composite === null) continue;
    sum += row.composite;
    compositeMeanN++;
  }
  const compositeMean = compositeMeanN > 0 ? sum / compositeMeanN : null;
  const compositeThreshold = bounds.compositeAbove === 'mean' ? compositeMean : bounds.compositeAbove;

  const funnelByKey = new Map<string, CohortFunnelRow>();
  for (const row of funnel) funnelByKey.set(row.key, row);

  let joined = 0;
  let missingDays = 0;
  let inRange = 0;
  let aboveS2s = 0;
  let missingComposite = 0;
  const members: CohortMember[] = [];
  for (const a of activity) {
    const f = funnelByKey.get(a.key);
    if (f === undefined) continue;
    joined++;
    const m2s = f.marketingToSalesDays;
    const s2s = f.salesToSupportDays;
    if (m2s === null || s2s === null) {
      missingDays++;
      continue;
    }
    if (m2s < bounds.m2sMin || m2s > bounds.m2sMax) continue;
    inRange++;
    if (!(s2s > bounds.s2sAbove)) continue;
    aboveS2s++;
    if (a.composite === null) {
      missingComposite++;
      continue;
    }
    if (compositeThreshold === null || !(a.composite > compositeThreshold)) continue;
    members.push({ activity: a, funnel: f });
  }
  return {
    bounds,
    compositeMean,
    compositeMeanN,
    compositeThreshold,
    steps: {
      joined,
      missingDays,
      inMarketingToSalesRange: inRange,
      aboveSalesToSupport: aboveS2s,
      missingComposite,
      aboveComposite: members.length,
    },
    members,
  };
}

import type { CodedColumn } from '../columns/coded-column.js';
import { mean, median } from '../stats/descriptive.js';
import type { CohortFunnelRow, CohortValueRow } from './cohort-inputs.js';

export interface MeanWithN {
  readonly mean: number | null;
  readonly n: number;
}

export interface CohortRfm {
  /** Cohort members that have a latest value row. */
  readonly withValueRow: number;
  readonly recency: MeanWithN;
  readonly frequency: MeanWithN;
  readonly monetary: MeanWithN;
}

export interface TierLtv {
  readonly tier: string;
  /** Cohort members of this tier with an LTV. */
  readonly cohortN: number;
  readonly cohortMean: number | null;
  /** All latest value rows of this tier with an LTV. */
  readonly tierN: number;
  readonly tierMean: number | null;
  readonly difference: number | null;
  /** difference / tier mean; null when the tier mean is 0 or missing. */
  readonly differencePct: number | null;
  readonly medianDifference: number | null;
}

export interface FunnelTierLtv {
  readonly tier: string;
  readonly cohortN: number;
  readonly cohortMean: number | null;
  readonly tierN: number;
  readonly tierMean: number | null;
}

export interface CohortLtv {
  readonly byTier: readonly TierLtv[];
  /** Per-customer LTV − own tier mean over cohort members with a value row, tier and LTV. */
  readonly perCustomer: { readonly n: number; readonly mean: number | null; readonly median: number | null };
  /** Cohort members with no latest value row (the left join found nothing). */
  readonly withoutValueRow: number;
  /** Cohort members whose value row lacks a tier or an LTV. */
  readonly withoutTierOrLtv: number;
  /** The funnel table's own LTV by its own tier, reported beside (it runs on a lower scale). */
  readonly funnelByTier: readonly FunnelTierLtv[];
}

/** The order tiers are listed in; tiers outside it follow alphabetically. */
export const TIER_ORDER = ['Basic', 'Bronze', 'Silver', 'Gold', 'Platinum'];

export function compareTiers(a: string, b: string): number {
  const ia = TIER_ORDER.indexOf(a);
  const ib = TIER_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFM means over cohort members with a value row; each score states its own n. */
export function cohortRfm(members: readonly (CohortValueRow | undefined)[]): CohortRfm {
  const r: number[] = [];
  const f: number[] = [];
  const m: number[] = [];
  let withValueRow = 0;
  for (const v of members) {
    if (v === undefined) continue;
    withValueRow++;
    if (v.recency !== null) r.push(v.recency);
    if (v.frequency !== null) f.push(v.frequency);
    if (v.monetary !== null) m.push(v.monetary);
  }
  return {
    withValueRow,
    recency: { mean: mean(r), n: r.length },
    frequency: { mean: mean(f), n: f.length },
    monetary: { mean: mean(m), n: m.length },
  };
}

/**
 * Cohort LTV against the whole population's mean for the same tier (all latest value rows
 * of the tier). Tier and LTV come from the value table; the funnel's LTV is a different,
 * lower-scaled column and is only shown beside, by the funnel's own tier.
 */
export function cohortLtv(
  allValue: readonly CohortValueRow[],
  cohortValue: readonly (CohortValueRow | undefined)[],
  allFunnel: readonly CohortFunnelRow[],
  cohortFunnel: readonly CohortFunnelRow[],
): CohortLtv {
  return cohortLtvAgainst(
    groupSums(allValue, valueTier, valueLtv),
    cohortValue,
    groupSums(allFunnel, funnelTier, funnelLtv),
    cohortFunnel,
  );
}

/** LTV sums per tier over every latest row (value or funnel table), however they were summed. */
export type TierSums = ReadonlyMap<string, { readonly sum: number; readonly n: number }>;

/** cohortLtv with the population's tier sums given (from rows or from columns). */
export function cohortLtvAgainst(
  tierSums: TierSums,
  cohortValue: readonly (CohortValueRow | undefined)[],
  funnelAll: TierSums,
  cohortFunnel: readonly CohortFunnelRow[],
): CohortLtv {
  const tierMean = tierMeanOf(tierSums);
  const cohort: CohortTierLtvs = { byTier: new Map(), allDiffs: [], withoutValueRow: 0, withoutTierOrLtv: 0 };
  for (const v of cohortValue) {
    if (v === undefined) {
      cohort.withoutValueRow++;
      continue;
    }
    if (v.tier === null || v.ltv === null) {
      cohort.withoutTierOrLtv++;
      continue;
    }
    const base = tierMean(v.tier) as number;
    const group = cohort.byTier.get(v.tier) ?? { ltv: [], diff: [] };
    group.ltv.push(v.ltv);
    group.diff.push(v.ltv - base);
    cohort.byTier.set(v.tier, group);
    cohort.allDiffs.push(v.ltv - base);
  }
  return cohortLtvOf(tierSums, cohort, funnelAll, groupSums(cohortFunnel, funnelTier, funnelLtv));
}

/** The cohort members' value-table LTVs by tier (in member order), and the members left out, as counted. */
export interface CohortTierLtvs {
  readonly byTier: Map<string, { ltv: number[]; diff: number[] }>;
  /** Every counted member's LTV − own tier mean. */
  readonly allDiffs: number[];
  withoutValueRow: number;
  withoutTierOrLtv: number;
}

/** The population's mean LTV of a tier; null when no row of the tier has one. */
export function tierMeanOf(tierSums: TierSums): (tier: string) => number | null {
  return (tier) => {
    const s = tierSums.get(tier);
    return s === undefined ? null : s.sum / s.n;
  };
}

/** CohortLtv from the members' LTVs and the funnel's cohort sums, however they were gathered (rows or columns). */
export function cohortLtvOf(
  tierSums: TierSums,
  cohort: CohortTierLtvs,
  funnelAll: TierSums,
  funnelCohort: TierSums,
): CohortLtv {
  const tierMean = tierMeanOf(tierSums);
  const byTier = [...tierSums.keys()].sort(compareTiers).map((tier): TierLtv => {
    const group = cohort.byTier.get(tier);
    const cohortMean = group ? mean(group.ltv) : null;
    const tm = tierMean(tier);
    const difference = cohortMean === null || tm === null ? null : cohortMean - tm;
    return {
      tier,
      cohortN: group?.ltv.length ?? 0,
      cohortMean,
      tierN: tierSums.get(tier)?.n ?? 0,
      tierMean: tm,
      difference,
      differencePct: difference === null || tm === null || tm === 0 ? null : difference / tm,
      medianDifference: group ? median(group.diff) : null,
    };
  });

  const funnelByTier = [...funnelAll.keys()].sort(compareTiers).map((tier): FunnelTierLtv => {
    const all = funnelAll.get(tier);
    const c = funnelCohort.get(tier);
    return {
      tier,
      cohortN: c?.n ?? 0,
      cohortMean: c ? c.sum / c.n : null,
      tierN: all?.n ?? 0,
      tierMean: all ? all.sum / all.n : null,
    };
  });

  const allDiffs = cohort.allDiffs;
  return {
    byTier,
    perCustomer: { n: allDiffs.length, mean: mean(allDiffs), median: median(allDiffs) },
    withoutValueRow: cohort.withoutValueRow,
    withoutTierOrLtv: cohort.withoutTierOrLtv,
    funnelByTier,
  };
}

const valueTier = (v: CohortValueRow) => v.tier;
const valueLtv = (v: CohortValueRow) => v.ltv;
const funnelTier = (f: CohortFunnelRow) => f.tier;
const funnelLtv = (f: CohortFunnelRow) => f.ltv;

export function groupSums<T>(
  rows: readonly T[],
  groupOf: (row: T) => string | null,
  amountOf: (row: T) => number | null,
): Map<string, { sum: number; n: number }> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const row of rows) {
    const group = groupOf(row);
    const x = amountOf(row);
    if (group === null || x === null) continue;
    const s = sums.get(group);
    if (s) {
      s.sum += x;
      s.n++;
    } else sums.set(group, { sum: x, n: 1 });
  }
  return sums;
}

/**
 * groupSums over columns (every row, or `rows` in their order): NULL tier or amount skipped, sums per tier in row
 * order (the same bits as rows).
 */
export function groupSumsOfColumns(
  group: CodedColumn,
  amount: Float64Array,
  rows?: ArrayLike<number>,
): Map<string, { sum: number; n: number }> {
  const sum = new Float64Array(group.dictionary.length);
  const n = new Float64Array(group.dictionary.length);
  const count = rows ? rows.length : amount.length;
  for (let k = 0; k < count; k++) {
    const r = rows ? (rows[k] as number) : k;
    const code = group.indices[r] as number;
    const x = amount[r] as number;
    if (code < 0 || Number.isNaN(x)) continue;
    sum[code] = (sum[code] as number) + x;
    n[code] = (n[code] as number) + 1;
  }
  const sums = new Map<string, { sum: number; n: number }>();
  group.dictionary.forEach((tier, code) => {
    if ((n[code] as number) > 0) sums.set(tier, { sum: sum[code] as number, n: n[code] as number });
  });
  return sums;
}

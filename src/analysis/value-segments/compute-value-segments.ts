import type { BoxStats } from '../stats/descriptive.js';
import type { Correlation } from '../stats/pearson.js';
import type { TableGap } from '../table-gap.js';
import { CoMoments } from './co-moments.js';
import { GroupAccumulator, type LevelShare } from './group-accumulator.js';
import { type HistogramBin, inactivityHistogram } from './inactivity-histogram.js';
import type { ValueCustomer } from './value-customer.js';
import {
  type MeanOf,
  metricValue,
  PROXY_METRICS,
  type ProxyMetric,
  proxyValue,
  VALUE_METRICS,
  type ValueMetric,
} from './value-metrics.js';
import { DEFAULT_PORTFOLIO_CUT, type ValueSegment, valueSegmentOf } from './value-segment.js';

/**
 * §3: HV vs SMB vs Other on the latest value rows — per group n, means, category mixes,
 * a complete-case correlation matrix, consistency and velocity (from the funnel table when it
 * has rows, proxies always), plus what the charts need. One pass over the customers.
 */

export const SEGMENT_GROUPS = ['HV', 'SMB', 'Other', 'All'] as const;
export type SegmentGroup = (typeof SEGMENT_GROUPS)[number];

export const CORRELATION_METRICS = [
  'health',
  'churn',
  'ltv',
  'revenue',
  'rfm',
] as const satisfies readonly ValueMetric[];
export type CorrelationMetric = (typeof CORRELATION_METRICS)[number];

export { type LevelShare, MISSING_LABEL } from './group-accumulator.js';
export { HISTOGRAM_BINS, type HistogramBin } from './inactivity-histogram.js';

export interface FunnelFigures {
  readonly consistency: number | null;
  readonly velocity: number | null;
}

export type FunnelInput =
  | { readonly available: true; readonly byEmail: ReadonlyMap<string, FunnelFigures> }
  | { readonly available: false; readonly gap: TableGap };

export interface CorrelationCell {
  readonly a: CorrelationMetric;
  readonly b: CorrelationMetric;
  readonly correlation: Correlation;
}

export interface SegmentGroupResult {
  readonly group: SegmentGroup;
  readonly n: number;
  readonly means: Readonly<Record<ValueMetric, MeanOf>>;
  readonly proxies: Readonly<Record<ProxyMetric, MeanOf>>;
  /** Means over the group's customers whose latest funnel row joins; null when the funnel has no rows. */
  readonly funnel: { readonly joined: number; readonly consistency: MeanOf; readonly velocity: MeanOf } | null;
  readonly lifecycle: readonly LevelShare[];
  readonly rfmSegment: readonly LevelShare[];
  readonly engagementModel: readonly LevelShare[];
  readonly churnBox: BoxStats | null;
  /** Rows with all five correlation metrics present. */
  readonly completeCases: number;
  /** Every pair a < b in CORRELATION_METRICS order. */
  readonly correlations: readonly CorrelationCell[];
}

export interface ValueSegmentsResult {
  readonly n: number;
  readonly portfolioCut: number;
  readonly groups: readonly SegmentGroupResult[];
  readonly funnel:
    | { readonly available: true; readonly funnelCustomers: number; readonly joined: number }
    | { readonly available: false; readonly gap: TableGap };
  readonly rfmLtv: {
    readonly points: readonly { readonly rfm: number; readonly ltv: number; readonly segment: ValueSegment }[];
    readonly correlation: Correlation;
    readonly regression: { readonly slope: number; readonly intercept: number } | null;
  };
  readonly inactivity: { readonly missing: number; readonly bins: readonly HistogramBin[] };
}

export function computeValueSegments(
  customers: readonly ValueCustomer[],
  funnel: FunnelInput,
  portfolioCut: number = DEFAULT_PORTFOLIO_CUT,
): ValueSegmentsResult {
  const byEmail = funnel.available ? funnel.byEmail : null;
  const joined: SegmentFunnel = funnel.available
    ? { available: true, customers: funnel.byEmail.size, at: (c) => byEmail?.get(c.email) }
    : funnel;
  return computeValueSegmentsOver(customers.length, (i) => customers[i] as ValueCustomer, joined, portfolioCut);
}

/**
 * The funnel figures as computeValueSegmentsOver reads them: each customer's (undefined when no funnel row joins;
 * `at` gets the customer and its index), and how many funnel customers there are.
 */
export type SegmentFunnel =
  | {
      readonly available: true;
      readonly customers: number;
      readonly at: (customer: ValueCustomer, i: number) => FunnelFigures | undefined;
    }
  | { readonly available: false; readonly gap: TableGap };

/**
 * computeValueSegments over `n` customers read through `customerAt`, which may hand back one reused object refilled
 * per index (the column path): nothing here keeps a customer past its own iteration.
 */
export function computeValueSegmentsOver(
  n: number,
  customerAt: (i: number) => ValueCustomer,
  funnel: SegmentFunnel,
  portfolioCut: number,
): ValueSegmentsResult {
  const accumulators = segmentAccumulators();
  const all = accumulators.get('All') as GroupAccumulator;
  const funnelAt = funnel.available ? funnel.at : null;
  const funnelJoined = new Map<SegmentGroup, number>(SEGMENT_GROUPS.map((g) => [g, 0]));
  const points: { rfm: number; ltv: number; segment: ValueSegment }[] = [];
  const segments: ValueSegment[] = new Array(n);
  const days = new Float64Array(n);
  // One scratch row reused for every customer: metrics, then proxies, then the two funnel figures.
  const values = new Float64Array(SLOTS);
  let joined = 0;
  for (let i = 0; i < n; i++) {
    const c = customerAt(i);
    days[i] = orNaN(c.daysSinceLastActivity);
    const segment = valueSegmentOf(c.tier, c.portfolioPct, portfolioCut);
    segments[i] = segment;
    for (let m = 0; m < VALUE_METRICS.length; m++) values[m] = orNaN(metricValue(c, VALUE_METRICS[m] as ValueMetric));
    for (let p = 0; p < PROXY_METRICS.length; p++) {
      values[VALUE_METRICS.length + p] = orNaN(proxyValue(c, PROXY_METRICS[p] as ProxyMetric));
    }
    const funnelRow = funnelAt?.(c, i);
    values[FUNNEL_CONSISTENCY_SLOT] = orNaN(funnelRow?.consistency);
    values[FUNNEL_VELOCITY_SLOT] = orNaN(funnelRow?.velocity);
    if (funnelRow !== undefined) {
      joined++;
      funnelJoined.set(segment, (funnelJoined.get(segment) ?? 0) + 1);
    }
    accumulators.get(segment)?.add(values, c.stage, c.rfmSegment, c.engagementModel);
    all.add(values, c.stage, c.rfmSegment, c.engagementModel);
    const rfm = values[RFM_SLOT] as number;
    if (!Number.isNaN(rfm) && c.ltv !== null) points.push({ rfm, ltv: c.ltv, segment });
  }
  funnelJoined.set('All', joined);

  // RFM vs LTV over every row having both (not only the matrix's complete cases).
  const pair = new CoMoments(2);
  const xy = new Float64Array(2);
  for (const p of points) {
    xy[0] = p.rfm;
    xy[1] = p.ltv;
    pair.add(xy);
  }
  return valueSegmentsResult({ n, portfolioCut, accumulators, funnel, funnelJoined, points, pair, days, segments });
}

/** What one pass over the customers gathered (either path), as the result. */
export function valueSegmentsResult(pass: {
  readonly n: number;
  readonly portfolioCut: number;
  readonly accumulators: ReadonlyMap<SegmentGroup, GroupAccumulator>;
  readonly funnel:
    | { readonly available: true; readonly customers: number }
    | { readonly available: false; readonly gap: TableGap };
  /** Customers whose funnel row joined, per group ('All' included). */
  readonly funnelJoined: ReadonlyMap<SegmentGroup, number>;
  readonly points: { rfm: number; ltv: number; segment: ValueSegment }[];
  /** RFM (column 0) and LTV (column 1) over `points`, in their order. */
  readonly pair: CoMoments;
  readonly days: Float64Array;
  readonly segments: readonly ValueSegment[];
  /** Groups whose result was worked out before (the population's 'All', kept per export): used as they are. */
  readonly worked?: ReadonlyMap<SegmentGroup, SegmentGroupResult>;
}): ValueSegmentsResult {
  const { funnel, funnelJoined, pair } = pass;
  const correlation = pair.correlation(0, 1);
  return {
    n: pass.n,
    portfolioCut: pass.portfolioCut,
    groups: SEGMENT_GROUPS.map(
      (g) =>
        pass.worked?.get(g) ??
        segmentGroupResult(
          g,
          pass.accumulators.get(g) as GroupAccumulator,
          funnel.available ? (funnelJoined.get(g) ?? 0) : null,
        ),
    ),
    funnel: funnel.available
      ? { available: true, funnelCustomers: funnel.customers, joined: funnelJoined.get('All') ?? 0 }
      : { available: false, gap: funnel.gap },
    rfmLtv: { points: pass.points, correlation, regression: correlation.kind === 'ok' ? pair.regression(0, 1) : null },
    inactivity: inactivityHistogram(pass.days, pass.segments),
  };
}

/**
 * One GroupAccumulator per group, over the value slots below; `sortedChurn`: the caller hands each group its churn
 * values sorted (GroupAccumulator.useSortedChurn) instead of the accumulators collecting them.
 */
export function segmentAccumulators(sortedChurn = false): Map<SegmentGroup, GroupAccumulator> {
  const churn = sortedChurn ? -1 : CHURN_SLOT;
  return new Map(SEGMENT_GROUPS.map((g) => [g, new GroupAccumulator(SLOTS, CORRELATED_SLOTS, churn)]));
}

/** A customer's values as the accumulators take them: VALUE_METRICS, then PROXY_METRICS, then the funnel's two. */
export const SLOTS = VALUE_METRICS.length + PROXY_METRICS.length + 2;
export const FUNNEL_CONSISTENCY_SLOT = SLOTS - 2;
export const FUNNEL_VELOCITY_SLOT = SLOTS - 1;
const RFM_SLOT = VALUE_METRICS.indexOf('rfm');
const CHURN_SLOT = VALUE_METRICS.indexOf('churn');
const CORRELATED_SLOTS = CORRELATION_METRICS.map((m) => VALUE_METRICS.indexOf(m));

function orNaN(value: number | null | undefined): number {
  return value === null || value === undefined ? Number.NaN : value;
}

/** One group's figures from its accumulator; `funnelJoined` null when the funnel has no rows. */
export function segmentGroupResult(
  group: SegmentGroup,
  acc: GroupAccumulator,
  funnelJoined: number | null,
): SegmentGroupResult {
  const correlations: CorrelationCell[] = [];
  for (let i = 0; i < CORRELATION_METRICS.length; i++) {
    for (let j = i + 1; j < CORRELATION_METRICS.length; j++) {
      correlations.push({
        a: CORRELATION_METRICS[i] as CorrelationMetric,
        b: CORRELATION_METRICS[j] as CorrelationMetric,
        correlation: acc.co.correlation(i, j),
      });
    }
  }
  return {
    group,
    n: acc.n,
    means: Object.fromEntries(VALUE_METRICS.map((m, i) => [m, acc.mean(i)])) as Record<ValueMetric, MeanOf>,
    proxies: Object.fromEntries(PROXY_METRICS.map((m, i) => [m, acc.mean(VALUE_METRICS.length + i)])) as Record<
      ProxyMetric,
      MeanOf
    >,
    funnel:
      funnelJoined === null
        ? null
        : {
            joined: funnelJoined,
            consistency: acc.mean(FUNNEL_CONSISTENCY_SLOT),
            velocity: acc.mean(FUNNEL_VELOCITY_SLOT),
          },
    lifecycle: acc.shares(acc.lifecycle),
    rfmSegment: acc.shares(acc.rfmSegment),
    engagementModel: acc.shares(acc.engagementModel),
    churnBox: acc.churnBox(),
    completeCases: acc.co.n,
    correlations,
  };
}

import { tickStep } from 'd3-array';
import { linearRegression } from 'simple-statistics';
import { type BoxStats, boxStats } from '../stats/descriptive.js';
import { type Correlation, pearson } from '../stats/pearson.js';
import { rfmComposite, type ValueCustomer } from './value-customer.js';
import {
  MeanAccumulator,
  type MeanOf,
  metricValue,
  PROXY_METRICS,
  type ProxyMetric,
  proxyValue,
  VALUE_METRICS,
  type ValueMetric,
} from './value-metrics.js';
import { type ValueSegment, valueSegmentOf } from './value-segment.js';

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

/** Label for a NULL category so missing values are counted, not hidden. */
export const MISSING_LABEL = '(missing)';

/** Bins of the days-since-last-activity histogram (a nice step near this count). */
export const HISTOGRAM_BINS = 20;

export interface FunnelFigures {
  readonly consistency: number | null;
  readonly velocity: number | null;
}

export type FunnelInput =
  | { readonly available: true; readonly byEmail: ReadonlyMap<string, FunnelFigures> }
  | { readonly available: false; readonly reason: string };

export interface LevelShare {
  readonly label: string;
  readonly n: number;
  readonly share: number;
}

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

export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly counts: Readonly<Record<ValueSegment, number>>;
}

export interface ValueSegmentsResult {
  readonly n: number;
  readonly groups: readonly SegmentGroupResult[];
  readonly funnel:
    | { readonly available: true; readonly funnelCustomers: number; readonly joined: number }
    | { readonly available: false; readonly reason: string };
  readonly rfmLtv: {
    readonly points: readonly { readonly rfm: number; readonly ltv: number; readonly segment: ValueSegment }[];
    readonly correlation: Correlation;
    readonly regression: { readonly slope: number; readonly intercept: number } | null;
  };
  readonly inactivity: { readonly missing: number; readonly bins: readonly HistogramBin[] };
}

class GroupAccumulator {
  n = 0;
  readonly means = new Map<ValueMetric, MeanAccumulator>(VALUE_METRICS.map((m) => [m, new MeanAccumulator()]));
  readonly proxies = new Map<ProxyMetric, MeanAccumulator>(PROXY_METRICS.map((m) => [m, new MeanAccumulator()]));
  readonly funnelConsistency = new MeanAccumulator();
  readonly funnelVelocity = new MeanAccumulator();
  funnelJoined = 0;
  readonly lifecycle = new Map<string, number>();
  readonly rfmSegment = new Map<string, number>();
  readonly engagementModel = new Map<string, number>();
  readonly churn: number[] = [];
  readonly complete: number[][] = CORRELATION_METRICS.map(() => []);

  constructor(readonly group: SegmentGroup) {}

  add(c: ValueCustomer, funnel: FunnelFigures | undefined): void {
    this.n++;
    for (const metric of VALUE_METRICS) this.means.get(metric)?.add(metricValue(c, metric));
    for (const metric of PROXY_METRICS) this.proxies.get(metric)?.add(proxyValue(c, metric));
    if (funnel !== undefined) {
      this.funnelJoined++;
      this.funnelConsistency.add(funnel.consistency);
      this.funnelVelocity.add(funnel.velocity);
    }
    count(this.lifecycle, c.stage);
    count(this.rfmSegment, c.rfmSegment);
    count(this.engagementModel, c.engagementModel);
    if (c.churn !== null) this.churn.push(c.churn);
    const values = CORRELATION_METRICS.map((m) => metricValue(c, m));
    if (values.every((v) => v !== null)) values.forEach((v, i) => this.complete[i]?.push(v as number));
  }

  result(funnelAvailable: boolean): SegmentGroupResult {
    const correlations: CorrelationCell[] = [];
    for (let i = 0; i < CORRELATION_METRICS.length; i++) {
      for (let j = i + 1; j < CORRELATION_METRICS.length; j++) {
        correlations.push({
          a: CORRELATION_METRICS[i] as CorrelationMetric,
          b: CORRELATION_METRICS[j] as CorrelationMetric,
          correlation: pearson(this.complete[i] as number[], this.complete[j] as number[]),
        });
      }
    }
    return {
      group: this.group,
      n: this.n,
      means: Object.fromEntries(VALUE_METRICS.map((m) => [m, this.means.get(m)?.result()])) as Record<
        ValueMetric,
        MeanOf
      >,
      proxies: Object.fromEntries(PROXY_METRICS.map((m) => [m, this.proxies.get(m)?.result()])) as Record<
        ProxyMetric,
        MeanOf
      >,
      funnel: funnelAvailable
        ? {
            joined: this.funnelJoined,
            consistency: this.funnelConsistency.result(),
            velocity: this.funnelVelocity.result(),
          }
        : null,
      lifecycle: shares(this.lifecycle, this.n),
      rfmSegment: shares(this.rfmSegment, this.n),
      engagementModel: shares(this.engagementModel, this.n),
      churnBox: boxStats(this.churn),
      completeCases: this.complete[0]?.length ?? 0,
      correlations,
    };
  }
}

export function computeValueSegments(customers: readonly ValueCustomer[], funnel: FunnelInput): ValueSegmentsResult {
  const accumulators = new Map<SegmentGroup, GroupAccumulator>(SEGMENT_GROUPS.map((g) => [g, new GroupAccumulator(g)]));
  const all = accumulators.get('All') as GroupAccumulator;
  const byEmail = funnel.available ? funnel.byEmail : null;
  const points: { rfm: number; ltv: number; segment: ValueSegment }[] = [];
  const segments: ValueSegment[] = new Array(customers.length);
  let joined = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as ValueCustomer;
    const segment = valueSegmentOf(c.tier, c.portfolioPct);
    segments[i] = segment;
    const funnelRow = byEmail?.get(c.email);
    if (funnelRow !== undefined) joined++;
    accumulators.get(segment)?.add(c, funnelRow);
    all.add(c, funnelRow);
    const rfm = rfmComposite(c);
    if (rfm !== null && c.ltv !== null) points.push({ rfm, ltv: c.ltv, segment });
  }

  const correlation = pearson(
    points.map((p) => p.rfm),
    points.map((p) => p.ltv),
  );
  let regression: { slope: number; intercept: number } | null = null;
  if (correlation.kind === 'ok') {
    const { m, b } = linearRegression(points.map((p) => [p.rfm, p.ltv]));
    regression = { slope: m, intercept: b };
  }

  return {
    n: customers.length,
    groups: SEGMENT_GROUPS.map((g) => (accumulators.get(g) as GroupAccumulator).result(funnel.available)),
    funnel: funnel.available
      ? { available: true, funnelCustomers: funnel.byEmail.size, joined }
      : { available: false, reason: funnel.reason },
    rfmLtv: { points, correlation, regression },
    inactivity: inactivityHistogram(customers, segments),
  };
}

function count(counts: Map<string, number>, label: string | null): void {
  const key = label ?? MISSING_LABEL;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most common first; ties alphabetically, so the order never depends on row order. */
function shares(counts: Map<string, number>, n: number): LevelShare[] {
  return [...counts]
    .map(([label, k]) => ({ label, n: k, share: k / n }))
    .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Equal-width bins on a nice step shared by every segment, so the groups compare bin by bin. */
export function inactivityHistogram(
  customers: readonly ValueCustomer[],
  segments: readonly ValueSegment[],
): { missing: number; bins: HistogramBin[] } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let missing = 0;
  for (const c of customers) {
    const v = c.daysSinceLastActivity;
    if (v === null) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Number.POSITIVE_INFINITY) return { missing, bins: [] };
  const step = max > min ? tickStep(min, max, HISTOGRAM_BINS) : 1;
  const start = Math.floor(min / step) * step;
  const binCount = Math.max(1, Math.floor((max - start) / step) + 1);
  const counts = Array.from({ length: binCount }, () => ({ HV: 0, SMB: 0, Other: 0 }));
  customers.forEach((c, i) => {
    const v = c.daysSinceLastActivity;
    if (v === null) return;
    const index = Math.min(binCount - 1, Math.floor((v - start) / step));
    (counts[index] as Record<ValueSegment, number>)[segments[i] as ValueSegment]++;
  });
  return {
    missing,
    bins: counts.map((c, i) => ({ start: start + i * step, end: start + (i + 1) * step, counts: c })),
  };
}

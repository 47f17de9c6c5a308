import { type Correlation, pearson } from '../stats/pearson.js';
import { anomalyRateBy, type CategoryRate } from './category-rates.js';
import { computeFeatures, FEATURE_IDS, type FeatureId, type FeatureMatrix } from './customer-features.js';
import { type DecisionRules, findDecisionRules } from './decision-rules.js';
import { clusterFeatures, type FeatureClusters } from './feature-clusters.js';
import { compareFeatures, type FeatureContrast } from './feature-comparison.js';
import type { NetsuiteCustomer } from './netsuite-customer.js';
import { computeRuleGroups, type RuleGroups } from './rule-groups.js';
import { computeSegmentRetention, type SegmentRetentionSummary } from './segment-retention.js';

/** §5: a retention more than 0.15 (strictly) from its segment's mean is an anomaly. */
export const DEFAULT_ANOMALY_THRESHOLD = 0.15;

export interface SegmentAnomaliesOptions {
  readonly threshold: number;
  /** k-means++ seed. */
  readonly seed: number;
  /** Keep only this profitability segment (label compared after trimming; case kept). */
  readonly segment?: string;
}

export interface AnomalousCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly segment: string;
  readonly retention: number;
  readonly segmentMean: number;
  readonly deviation: number;
  readonly direction: 'above' | 'below';
}

/** Per analysed row, what the charts plot (kept columnar; never sent as JSON). */
export interface AnalysedPoints {
  readonly segment: readonly string[];
  readonly retention: Float64Array;
  readonly segmentMean: Float64Array;
  /** +1 above, −1 below, 0 normal. */
  readonly direction: Int8Array;
  readonly zRevenue: Float64Array;
  readonly zScore: Float64Array;
}

export interface SegmentAnomaliesResult {
  readonly threshold: number;
  readonly rowsIn: number;
  /** Rows without a profitability segment or a retention probability. */
  readonly excluded: number;
  /** Rows removed by the segment filter. */
  readonly filteredOut: number;
  /** Segments present before the filter, for "no such segment" answers. */
  readonly availableSegments: readonly string[];
  readonly n: number;
  readonly anomalies: number;
  readonly anomaliesAbove: number;
  readonly anomaliesBelow: number;
  readonly segments: readonly SegmentRetentionSummary[];
  /** Rows where each feature is missing (NULL inputs, zero expected, no quarters, zero score). */
  readonly missingFeatures: Readonly<Record<FeatureId, number>>;
  readonly rowsWithoutQuarterShares: number;
  readonly featureContrasts: readonly FeatureContrast[];
  readonly bySeasonalPreference: readonly CategoryRate[];
  readonly byStage: readonly CategoryRate[];
  readonly ruleGroups: RuleGroups;
  readonly decisionRules: DecisionRules;
  readonly clusters: FeatureClusters;
  /** Pearson r of total_revenue and comprehensive_customer_score (the value-mismatch pair). */
  readonly revenueScoreCorrelation: Correlation;
  readonly anomalousCustomers: readonly AnomalousCustomer[];
  readonly points: AnalysedPoints;
}

type Analysed = NetsuiteCustomer & { readonly segment: string; readonly retention: number };

/**
 * Everything §5 asks of the NetSuite rows of one variant (latest row per customer, or all
 * rows): segment means and anomalies, the 14 features, anomalous-vs-normal contrasts,
 * cross-tabs, tertile rule groups, k-means clusters and information-gain rules.
 */
export function analyseSegmentAnomalies(
  input: readonly NetsuiteCustomer[],
  options: SegmentAnomaliesOptions,
): SegmentAnomaliesResult {
  const segmentsSeen = new Set<string>();
  const rows: Analysed[] = [];
  let excluded = 0;
  let filteredOut = 0;
  for (const row of input) {
    if (row.segment === null || row.retention === null) {
      excluded++;
      continue;
    }
    segmentsSeen.add(row.segment);
    if (options.segment !== undefined && row.segment !== options.segment.trim()) {
      filteredOut++;
      continue;
    }
    rows.push(row as Analysed);
  }

  const retention = computeSegmentRetention(rows, { threshold: options.threshold });
  const { direction } = retention;
  const positive = new Uint8Array(rows.length);
  let above = 0;
  for (let i = 0; i < rows.length; i++) {
    if (direction[i] !== 0) positive[i] = 1;
    if (direction[i] === 1) above++;
  }
  const features = computeFeatures(rows);
  const revenue = rows.map((r) => r.totalRevenue);
  const segments = rows.map((r) => r.segment);
  const stages = rows.map((r) => r.stage);

  return {
    threshold: options.threshold,
    rowsIn: input.length,
    excluded,
    filteredOut,
    availableSegments: [...segmentsSeen].sort(),
    n: rows.length,
    anomalies: retention.anomalies,
    anomaliesAbove: above,
    anomaliesBelow: retention.anomalies - above,
    segments: retention.segments,
    missingFeatures: countMissing(features),
    rowsWithoutQuarterShares: features.rowsWithoutQuarterShares,
    featureContrasts: compareFeatures(features, direction),
    bySeasonalPreference: anomalyRateBy(
      rows.map((r) => r.seasonalPreference),
      direction,
    ),
    byStage: anomalyRateBy(stages, direction),
    ruleGroups: computeRuleGroups(features, direction, revenue),
    decisionRules: findDecisionRules(features, positive),
    clusters: clusterFeatures({ features, positive, segments, stages, seed: options.seed }),
    revenueScoreCorrelation: pearson(
      revenue,
      rows.map((r) => r.score),
    ),
    anomalousCustomers: listAnomalies(rows, direction, retention.segmentMean),
    points: {
      segment: segments,
      retention: Float64Array.from(rows, (r) => r.retention),
      segmentMean: retention.segmentMean,
      direction,
      zRevenue: features.zRevenue,
      zScore: features.zScore,
    },
  };
}

function countMissing(features: FeatureMatrix): Record<FeatureId, number> {
  const missing = {} as Record<FeatureId, number>;
  for (const id of FEATURE_IDS) {
    const column = features.columns[id];
    let count = 0;
    for (let i = 0; i < features.n; i++) if (Number.isNaN(column[i] as number)) count++;
    missing[id] = count;
  }
  return missing;
}

function listAnomalies(
  rows: readonly Analysed[],
  direction: Int8Array,
  segmentMean: Float64Array,
): AnomalousCustomer[] {
  const out: AnomalousCustomer[] = [];
  for (let i = 0; i < rows.length; i++) {
    const d = direction[i];
    if (d === 0) continue;
    const row = rows[i] as Analysed;
    const mean = segmentMean[i] as number;
    out.push({
      customerId: row.customerId,
      name: row.name,
      segment: row.segment,
      retention: row.retention,
      segmentMean: mean,
      deviation: row.retention - mean,
      direction: d === 1 ? 'above' : 'below',
    });
  }
  // Largest deviations first: the customers the segment mispredicts most.
  return out.sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation) || a.customerId.localeCompare(b.customerId));
}

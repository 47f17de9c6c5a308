/**
 * §5 first bullet: each profitability segment's mean retention, and the customers whose
 * retention sits more than `threshold` (strictly) away from their own segment's mean.
 */

/** The two inputs this step needs; callers pass only rows that have both. */
export interface RetentionInput {
  readonly segment: string;
  readonly retention: number;
}

/** Per row: +1 anomaly above the segment mean, −1 below, 0 normal. */
export type AnomalyDirections = Int8Array;

export interface SegmentRetentionSummary {
  readonly segment: string;
  readonly n: number;
  readonly meanRetention: number;
  readonly anomaliesAbove: number;
  readonly anomaliesBelow: number;
  readonly anomalyRate: number;
  /** This segment's share of all anomalies; null when there are none anywhere. */
  readonly shareOfAnomalies: number | null;
}

export interface SegmentRetention {
  readonly threshold: number;
  readonly n: number;
  readonly anomalies: number;
  /** Sorted by mean retention, highest first. */
  readonly segments: readonly SegmentRetentionSummary[];
  /** Aligned with the input rows. */
  readonly direction: AnomalyDirections;
  readonly segmentMean: Float64Array;
}

/**
 * Slack for the strict "> threshold" test: 0.35 against a mean of 0.5 is exactly 0.15 off on
 * paper but 0.15000000000000002 in binary floating point, and must not count as an anomaly.
 */
const STRICT_SLACK = 1e-9;

interface Tally {
  sum: number;
  n: number;
  above: number;
  below: number;
}

export function computeSegmentRetention(
  rows: readonly RetentionInput[],
  options: { readonly threshold: number },
): SegmentRetention {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    let t = tallies.get(row.segment);
    if (t === undefined) {
      t = { sum: 0, n: 0, above: 0, below: 0 };
      tallies.set(row.segment, t);
    }
    t.sum += row.retention;
    t.n++;
  }

  const direction = new Int8Array(rows.length);
  const segmentMean = new Float64Array(rows.length);
  let anomalies = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as RetentionInput;
    const t = tallies.get(row.segment) as Tally;
    const mean = t.sum / t.n;
    segmentMean[i] = mean;
    const deviation = row.retention - mean;
    if (Math.abs(deviation) > options.threshold + STRICT_SLACK) {
      anomalies++;
      if (deviation > 0) {
        direction[i] = 1;
        t.above++;
      } else {
        direction[i] = -1;
        t.below++;
      }
    }
  }

  const segments = [...tallies].map(
    ([segment, t]): SegmentRetentionSummary => ({
      segment,
      n: t.n,
      meanRetention: t.sum / t.n,
      anomaliesAbove: t.above,
      anomaliesBelow: t.below,
      anomalyRate: (t.above + t.below) / t.n,
      shareOfAnomalies: anomalies > 0 ? (t.above + t.below) / anomalies : null,
    }),
  );
  segments.sort((a, b) => b.meanRetention - a.meanRetention || a.segment.localeCompare(b.segment));
  return { threshold: options.threshold, n: rows.length, anomalies, segments, direction, segmentMean };
}

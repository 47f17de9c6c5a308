/**
 * §5 first bullet: each profitability segment's mean retention, and the customers whose
 * retention sits more than `threshold` (strictly) away from their own segment's mean.
 */

export interface SegmentRetentionRow {
  readonly customerId: string;
  readonly segment: string | null;
  readonly retention: number | null;
}

export type AnomalyDirection = 'above' | 'below';

export interface FlaggedRow {
  readonly customerId: string;
  readonly segment: string;
  readonly retention: number;
  readonly segmentMean: number;
  readonly deviation: number;
  readonly anomaly: AnomalyDirection | null;
}

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

export interface SegmentRetentionResult {
  readonly threshold: number;
  readonly n: number;
  readonly anomalies: number;
  /** Rows left out because the segment or the retention was missing. */
  readonly excluded: number;
  /** Sorted by mean retention, highest first. */
  readonly segments: readonly SegmentRetentionSummary[];
  readonly rows: readonly FlaggedRow[];
}

export function computeSegmentRetention(
  input: readonly SegmentRetentionRow[],
  options: { readonly threshold: number },
): SegmentRetentionResult {
  const groups = new Map<string, { sum: number; n: number }>();
  let excluded = 0;
  for (const row of input) {
    if (row.segment === null || row.retention === null) {
      excluded++;
      continue;
    }
    const g = groups.get(row.segment) ?? { sum: 0, n: 0 };
    g.sum += row.retention;
    g.n++;
    groups.set(row.segment, g);
  }
  const means = new Map([...groups].map(([segment, g]) => [segment, g.sum / g.n]));

  const rows: FlaggedRow[] = [];
  for (const row of input) {
    if (row.segment === null || row.retention === null) continue;
    const segmentMean = means.get(row.segment) as number;
    const deviation = row.retention - segmentMean;
    const anomaly = Math.abs(deviation) > options.threshold ? (deviation > 0 ? 'above' : 'below') : null;
    rows.push({ customerId: row.customerId, segment: row.segment, retention: row.retention, segmentMean, deviation, anomaly });
  }
  const anomalies = rows.filter((r) => r.anomaly !== null).length;

  const segments = [...groups.keys()].map((segment): SegmentRetentionSummary => {
    const members = rows.filter((r) => r.segment === segment);
    const above = members.filter((r) => r.anomaly === 'above').length;
    const below = members.filter((r) => r.anomaly === 'below').length;
    return {
      segment,
      n: members.length,
      meanRetention: means.get(segment) as number,
      anomaliesAbove: above,
      anomaliesBelow: below,
      anomalyRate: (above + below) / members.length,
      shareOfAnomalies: anomalies > 0 ? (above + below) / anomalies : null,
    };
  });
  segments.sort((a, b) => b.meanRetention - a.meanRetention || a.segment.localeCompare(b.segment));
  return { threshold: options.threshold, n: rows.length, anomalies, excluded, segments, rows };
}

import type { SegmentAnomaliesOptions } from '../../analysis/segment-anomalies/segment-anomalies.js';

/** What /segment-anomalies was asked: latest row per customer or every row, and the analysis options. */
export interface SegmentAnomaliesCommandOptions extends SegmentAnomaliesOptions {
  readonly mode: 'latest' | 'all';
}

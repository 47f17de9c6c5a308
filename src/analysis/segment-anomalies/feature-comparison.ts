import { type BoxStats, boxStats } from '../stats/descriptive.js';
import { FEATURE_IDS, type FeatureId, type FeatureMatrix } from './customer-features.js';
import type { AnomalyDirections } from './segment-retention.js';

export interface GroupSummary {
  /** Rows of the group with this feature present. */
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** Quartiles (linear interpolation), min and max, for the distribution chart; null when empty. */
  readonly box: BoxStats | null;
}

export interface FeatureContrast {
  readonly feature: FeatureId;
  readonly anomalous: GroupSummary;
  readonly normal: GroupSummary;
}

/** Mean and median of every feature for anomalous vs normal customers; missing values left out. */
export function compareFeatures(features: FeatureMatrix, direction: AnomalyDirections): FeatureContrast[] {
  return FEATURE_IDS.map((feature) => {
    const column = features.columns[feature];
    const anomalous: number[] = [];
    const normal: number[] = [];
    for (let i = 0; i < features.n; i++) {
      const v = column[i] as number;
      if (Number.isNaN(v)) continue;
      if (direction[i] === 0) normal.push(v);
      else anomalous.push(v);
    }
    return { feature, anomalous: summarise(anomalous), normal: summarise(normal) };
  });
}

function summarise(values: number[]): GroupSummary {
  const box = boxStats(values);
  return { n: values.length, mean: box?.mean ?? null, median: box?.median ?? null, box };
}

import type { BoxStats } from '../stats/descriptive.js';
import { typedBoxStats } from '../stats/typed-arrays.js';
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
  let anomalies = 0;
  for (let i = 0; i < features.n; i++) if (direction[i] !== 0) anomalies++;
  // Buffers reused across features; each summary sorts its own copy.
  const anomalous = new Float64Array(anomalies);
  const normal = new Float64Array(features.n - anomalies);
  return FEATURE_IDS.map((feature) => {
    const column = features.columns[feature];
    let a = 0;
    let b = 0;
    for (let i = 0; i < features.n; i++) {
      const v = column[i] as number;
      if (Number.isNaN(v)) continue;
      if (direction[i] === 0) normal[b++] = v;
      else anomalous[a++] = v;
    }
    return { feature, anomalous: summarise(anomalous.slice(0, a)), normal: summarise(normal.slice(0, b)) };
  });
}

function summarise(values: Float64Array): GroupSummary {
  const box = typedBoxStats(values);
  return { n: values.length, mean: box?.mean ?? null, median: box?.median ?? null, box };
}

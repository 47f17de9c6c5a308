import {
  FEATURE_IDS,
  type FeatureId,
  type FeatureMatrix,
} from '../../../src/analysis/segment-anomalies/customer-features.js';

/** A feature matrix with the given columns and every other feature missing (NaN). */
export function featureMatrix(n: number, given: Partial<Record<FeatureId, readonly (number | null)[]>>): FeatureMatrix {
  const columns = Object.fromEntries(
    FEATURE_IDS.map((id) => [id, Float64Array.from({ length: n }, (_, i) => given[id]?.[i] ?? Number.NaN)]),
  ) as Record<FeatureId, Float64Array>;
  return {
    n,
    columns,
    zRevenue: new Float64Array(n).fill(Number.NaN),
    zScore: new Float64Array(n).fill(Number.NaN),
    rowsWithoutQuarterShares: 0,
  };
}

import { silhouette } from 'simple-statistics';

/**
 * Silhouette needs every pairwise distance (n² time and memory), so above this many points
 * it is computed on an evenly spaced, deterministic sample of this size. 2,000 points keep
 * the distance matrix near 30 MB and each k under a second.
 */
export const SILHOUETTE_SAMPLE_LIMIT = 2000;

export interface MeanSilhouette {
  /** null when fewer than two clusters are represented. */
  readonly value: number | null;
  /** Points the value was computed on (all of them, or the sample). */
  readonly n: number;
}

/**
 * Mean silhouette over all points (Rousseeuw 1987) via simple-statistics. A point alone in
 * its cluster scores 0, as in the definition and scikit-learn; a point whose own and nearest
 * cluster are both at distance 0 (duplicates) also scores 0 rather than NaN.
 */
export function meanSilhouette(points: readonly (readonly number[])[], labels: readonly number[]): MeanSilhouette {
  const picked = evenlySpacedIndices(points.length, SILHOUETTE_SAMPLE_LIMIT);
  // simple-statistics wants labels 0..G−1 with no empty group; k-means (or the sample) may leave gaps.
  const dense = new Map<number, number>();
  const samplePoints: number[][] = [];
  const sampleLabels: number[] = [];
  for (const i of picked) {
    const label = labels[i] as number;
    let id = dense.get(label);
    if (id === undefined) {
      id = dense.size;
      dense.set(label, id);
    }
    samplePoints.push(points[i] as number[]);
    sampleLabels.push(id);
  }
  if (dense.size < 2) return { value: null, n: samplePoints.length };
  const values = silhouette(samplePoints, sampleLabels);
  let sum = 0;
  for (const s of values) sum += Number.isNaN(s) ? 0 : s;
  return { value: sum / values.length, n: values.length };
}

/** Every index when n ≤ limit, else `limit` indices spread evenly from first to last. */
export function evenlySpacedIndices(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: limit }, (_, k) => Math.floor((k * n) / limit));
}

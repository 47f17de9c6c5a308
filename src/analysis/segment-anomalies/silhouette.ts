/**
 * Silhouette needs every pairwise distance (n² time), so above this many points it is
 * computed on an evenly spaced, deterministic sample of this size: 2,000 points in 14
 * dimensions take ~30 ms per k.
 */
export const SILHOUETTE_SAMPLE_LIMIT = 2000;

/** Points stored row by row in one Float64Array: point i is data[i·dims … i·dims + dims − 1]. */
export interface FlatPoints {
  readonly data: Float64Array;
  readonly dims: number;
}

export function flatPoints(points: readonly (readonly number[])[]): FlatPoints {
  const dims = points[0]?.length ?? 0;
  const data = new Float64Array(points.length * dims);
  points.forEach((p, i) => {
    data.set(p, i * dims);
  });
  return { data, dims };
}

export interface MeanSilhouette {
  /** null when fewer than two clusters are represented. */
  readonly value: number | null;
  /** Points the value was computed on (all of them, or the sample). */
  readonly n: number;
}

/**
 * Mean silhouette (Rousseeuw 1987) with Euclidean distance: s = (b − a) / max(a, b), a = mean
 * distance to the rest of the point's own cluster, b = the smallest mean distance to another
 * cluster. A point alone in its cluster scores 0, as in the definition and scikit-learn, and so
 * does a point with a = b = 0 (duplicates). Written here rather than taken from
 * simple-statistics, whose version builds an n × n matrix of arrays (≈ 25× slower at 2,000
 * points, and it throws on a label with no points); the tests compare the two.
 */
export function meanSilhouette(points: FlatPoints, labels: ArrayLike<number>): MeanSilhouette {
  const total = labels.length;
  const picked = evenlySpacedIndices(total, SILHOUETTE_SAMPLE_LIMIT);
  const m = picked.length;
  const dense = new Map<number, number>();
  const label = new Int32Array(m);
  for (let s = 0; s < m; s++) {
    const raw = labels[picked[s] as number] as number;
    let id = dense.get(raw);
    if (id === undefined) {
      id = dense.size;
      dense.set(raw, id);
    }
    label[s] = id;
  }
  const k = dense.size;
  if (k < 2) return { value: null, n: m };
  const sizes = new Int32Array(k);
  for (let s = 0; s < m; s++) {
    const c = label[s] as number;
    sizes[c] = (sizes[c] as number) + 1;
  }

  // sums[s·k + c] = total distance from sample point s to the sample points of cluster c.
  const sums = new Float64Array(m * k);
  const { data, dims } = points;
  for (let s = 0; s < m; s++) {
    const p = (picked[s] as number) * dims;
    for (let t = s + 1; t < m; t++) {
      const q = (picked[t] as number) * dims;
      let d2 = 0;
      for (let d = 0; d < dims; d++) {
        const diff = (data[p + d] as number) - (data[q + d] as number);
        d2 += diff * diff;
      }
      const dist = Math.sqrt(d2);
      const toT = s * k + (label[t] as number);
      const toS = t * k + (label[s] as number);
      sums[toT] = (sums[toT] as number) + dist;
      sums[toS] = (sums[toS] as number) + dist;
    }
  }
  let sum = 0;
  for (let s = 0; s < m; s++) {
    const own = label[s] as number;
    const ownSize = sizes[own] as number;
    if (ownSize < 2) continue;
    const a = (sums[s * k + own] as number) / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own) continue;
      const mean = (sums[s * k + c] as number) / (sizes[c] as number);
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    if (denominator > 0) sum += (b - a) / denominator;
  }
  return { value: sum / m, n: m };
}

/** Every index when n ≤ limit, else `limit` indices spread evenly from first to last. */
export function evenlySpacedIndices(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: limit }, (_, k) => Math.floor((k * n) / limit));
}

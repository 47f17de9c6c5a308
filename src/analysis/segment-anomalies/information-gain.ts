/**
 * Best single threshold on one feature by information gain (entropy in bits), for a binary
 * anomalous/normal label. Candidates are the midpoints between consecutive distinct values;
 * the split is x ≤ t vs x > t; missing values (NaN) are left out; ties go to the smallest t.
 */

export interface SplitSide {
  readonly n: number;
  readonly anomalies: number;
  readonly anomalyRate: number;
}

export interface BestSplit {
  readonly threshold: number;
  /** Information gain in bits over the rows with the feature present. */
  readonly gain: number;
  /** Rows with the feature present (the parent of the split). */
  readonly n: number;
  readonly atOrBelow: SplitSide;
  readonly above: SplitSide;
}

/** Binary entropy in bits of a group with `a` positives out of `n`; 0 for an empty or pure group. */
export function binaryEntropy(a: number, n: number): number {
  if (n === 0 || a === 0 || a === n) return 0;
  const p = a / n;
  const q = 1 - p;
  return -(p * Math.log2(p) + q * Math.log2(q));
}

/**
 * @param values feature values of the candidate rows (NaN = missing)
 * @param positive 1 for an anomaly, aligned with `values`
 * @param rows the row indices to consider, or undefined for all
 * @returns null when the feature has fewer than two distinct present values
 */
export function bestSplit(
  values: Float64Array,
  positive: Uint8Array,
  rows?: Uint32Array | readonly number[],
): BestSplit | null {
  const count = rows === undefined ? values.length : rows.length;
  // Sorting the two classes separately keeps the sort on plain numbers (typed-array sort,
  // no comparator), which matters at a million rows; a merge then walks the distinct values.
  const pos = new Float64Array(count);
  const neg = new Float64Array(count);
  let p = 0;
  let q = 0;
  for (let k = 0; k < count; k++) {
    const i = rows === undefined ? k : (rows[k] as number);
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (positive[i] === 1) pos[p++] = v;
    else neg[q++] = v;
  }
  const a = pos.subarray(0, p).sort();
  const b = neg.subarray(0, q).sort();
  const n = p + q;
  const parent = binaryEntropy(p, n);

  let i = 0;
  let j = 0;
  let best: BestSplit | null = null;
  while (i < p || j < q) {
    const v = Math.min(
      i < p ? (a[i] as number) : Number.POSITIVE_INFINITY,
      j < q ? (b[j] as number) : Number.POSITIVE_INFINITY,
    );
    while (i < p && a[i] === v) i++;
    while (j < q && b[j] === v) j++;
    if (i === p && j === q) break;
    const next = Math.min(
      i < p ? (a[i] as number) : Number.POSITIVE_INFINITY,
      j < q ? (b[j] as number) : Number.POSITIVE_INFINITY,
    );
    const leftN = i + j;
    const rightN = n - leftN;
    const children = (leftN / n) * binaryEntropy(i, leftN) + (rightN / n) * binaryEntropy(p - i, rightN);
    const gain = parent - children;
    if (best === null || gain > best.gain) {
      best = {
        threshold: v + (next - v) / 2,
        gain,
        n,
        atOrBelow: side(i, leftN),
        above: side(p - i, rightN),
      };
    }
  }
  return best;
}

function side(anomalies: number, n: number): SplitSide {
  return { n, anomalies, anomalyRate: anomalies / n };
}

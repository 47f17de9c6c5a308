import { quantileSorted, quickselect } from 'd3-array';
import { type BoxStats, boxOfSorted } from './descriptive.js';

/**
 * Typed-array fast paths of ./descriptive.ts and ./scaling.ts for columns of hundreds of thousands
 * of values held as Float64Arrays (NaN = missing where stated). Same figures as the plain versions.
 */

/**
 * Box statistics of a Float64Array, sorted in place with the native numeric sort. The shared
 * boxStats sorts a JS array with a comparator, which is ~10× slower on the hundreds of
 * thousands of values segment anomalies summarise per feature.
 */
export function typedBoxStats(values: Float64Array): BoxStats | null {
  if (values.length === 0) return null;
  return boxOfSorted(values.sort());
}

/** mean() of typed values: the same sum in the same order, so the same bits. */
export function typedMean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

/**
 * median() of a Float64Array, sorted in place: the same interpolation as median(), so the same bits where a
 * figure must match the row path exactly (typedMedian's selection halves the two middle values instead).
 */
export function typedSortedMedian(values: Float64Array): number | null {
  if (values.length === 0) return null;
  // d3 reads any array-like by index; the cast only widens the declared parameter type.
  return quantileSorted(values.sort() as unknown as number[], 0.5) ?? null;
}

/**
 * typedSortedMedian's value to the bit (quantileSorted's interpolation of the two middle order statistics), found by
 * selection instead of a full sort; `values` is reordered. A sort orders −0 before +0 and puts NaN last, which a
 * selection by < does not, so with a NaN present or a zero in the middle it sorts after all.
 */
export function typedSelectedMedian(values: Float64Array): number | null {
  const n = values.length;
  if (n < 2) return typedSortedMedian(values);
  for (let k = 0; k < n; k++) if (Number.isNaN(values[k] as number)) return typedSortedMedian(values);
  const [value0, value1] = middlePair(values);
  if (value0 === 0 || value1 === 0) return typedSortedMedian(values);
  const i = (n - 1) * 0.5;
  return value0 + (value1 - value0) * (i - Math.floor(i));
}

/**
 * Median of a Float64Array (reordered in place) by selection rather than a full sort: ~3×
 * faster on a million values, which matters for 14 medians per cluster.
 */
export function typedMedian(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const [low, next] = middlePair(values);
  return n % 2 === 1 ? low : (low + next) / 2;
}

/**
 * The ((n − 1) >> 1)-th smallest value and the one after it in sorted order (+Infinity when n = 1), by selection;
 * `values` (n ≥ 1) is reordered. After selection everything right of the first is ≥ it, so the second is their
 * minimum.
 */
function middlePair(values: Float64Array): readonly [number, number] {
  const n = values.length;
  const mid = (n - 1) >> 1;
  quickselect(values, mid);
  let next = Number.POSITIVE_INFINITY;
  for (let i = mid + 1; i < n; i++) if ((values[i] as number) < next) next = values[i] as number;
  return [values[mid] as number, next];
}

/**
 * zScores over a Float64Array with NaN for "missing": population standard deviation over the
 * values present, NaN stays NaN, and a constant column maps to 0.
 */
export function typedZScores(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  let count = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
  }
  if (count === 0) return out;
  const mean = sum / count;
  let squares = 0;
  for (const v of values) if (!Number.isNaN(v)) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / count);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out[i] = sd > 0 ? (v - mean) / sd : 0;
  }
  return out;
}

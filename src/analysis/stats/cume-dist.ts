import { quickselect } from 'd3-array';
import { sortedCopy } from './descriptive.js';

/**
 * Empirical-CDF cut-offs with SQL `CUME_DIST` semantics: cume_dist(x) = #(values ≤ x) / n.
 * "Top 30%" is cume_dist ≥ 0.7 and "bottom 50%" is cume_dist ≤ 0.5, so ties stay together.
 */
export interface CumeDist {
  readonly n: number;
  /** cume_dist of any value (also values not in the population). */
  of(x: number): number;
}

export function cumeDist(values: readonly number[]): CumeDist {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  return {
    n,
    of(x: number): number {
      return n === 0 ? Number.NaN : countAtOrBelow(sorted, x) / n;
    },
  };
}

/** How many of `sorted` (ascending) are ≤ x: binary search for the first value > x. */
export function countAtOrBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest value whose cume_dist is ≥ p (P1/P99 for winsorising; the reported "top" cut-off). */
export function smallestAtOrAbove(values: readonly number[], p: number): number | null {
  return smallestAtOrAboveSorted(sortedCopy(values), p);
}

/** smallestAtOrAbove on values already sorted ascending, for several cut-offs of one population (one sort). */
export function smallestAtOrAboveSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    // cume_dist of sorted[i] counts all equal values, so step to the last of a tie run.
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    if ((j + 1) / n >= p) return sorted[i] as number;
    i = j;
  }
  return null;
}

/** largestAtOrBelow on values already sorted ascending: the last value of the last tie run with cume_dist ≤ p. */
export function largestAtOrBelowSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  let best: number | null = null;
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    if ((j + 1) / n > p) break;
    best = sorted[i] as number;
    i = j;
  }
  return best;
}

/**
 * largestAtOrBelowSorted without sorting (`values` is reordered): the K-th smallest value found by selection, K the
 * most values whose share k / n is ≤ p, then the tie run it sits in: its own value when the run ends at K, else the
 * largest value below it (the run before). A million values select in a fraction of a sort's time. The same value
 * by ===; of a run holding both −0 and +0 it may give the other zero (a cut-off compared with <= is the same).
 */
export function largestAtOrBelowSelected(values: Float64Array, p: number): number | null {
  const n = values.length;
  // NaN has no place in a selection by <; the sorted scan handles it (a sort puts it last).
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i] as number)) return largestAtOrBelowSorted(values.sort(), p);
  // k / n rises with k, so the k with k / n ≤ p are 1 … K, by the same division the sorted scan makes.
  let k = Math.min(n, Math.max(0, Math.floor(p * n)));
  while (k < n && (k + 1) / n <= p) k++;
  while (k > 0 && k / n > p) k--;
  if (k === 0) return null;
  quickselect(values, k - 1);
  const kth = values[k - 1] as number;
  // After selection everything right of k - 1 is ≥ it: their minimum is the next value in sorted order.
  let next = Number.POSITIVE_INFINITY;
  for (let i = k; i < n; i++) if ((values[i] as number) < next) next = values[i] as number;
  if (k === n || next !== kth) return kth;
  // The run goes on past K, so its cume_dist is over p: the answer is the run before it, if any.
  let below: number | null = null;
  for (let i = 0; i < k - 1; i++) {
    const v = values[i] as number;
    if (v < kth && (below === null || v > below)) below = v;
  }
  return below;
}

/** The largest value whose cume_dist is ≤ p (the reported "bottom" cut-off); null if none qualifies. */
export function largestAtOrBelow(values: readonly number[], p: number): number | null {
  const dist = cumeDist(values);
  let best: number | null = null;
  for (const v of values) if (dist.of(v) <= p && (best === null || v > best)) best = v;
  return best;
}

export type Tertile = 1 | 2 | 3;

/** T1: cume_dist ≤ 1/3, T3: ≥ 2/3, T2 the rest. */
export function tertileOf(dist: CumeDist, x: number): Tertile {
  const c = dist.of(x);
  if (c <= 1 / 3) return 1;
  if (c >= 2 / 3) return 3;
  return 2;
}

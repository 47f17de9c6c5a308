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

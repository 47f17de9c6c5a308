import { quantileSorted } from 'd3-array';

/**
 * Descriptive statistics that answer null for an empty group, so a caller can say "n/a"
 * instead of printing 0 or NaN. Standard deviations are population (ddof 0) per analyses.md.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Linear-interpolation quantile (R-7, as pandas and numpy default); used for box plots. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  // d3 reads any array-like by index; the cast only widens the declared parameter type.
  return quantileSorted(sortedCopy(values) as unknown as number[], p) ?? null;
}

export function populationStd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / values.length);
}

export interface BoxStats {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
  readonly mean: number;
}

export function boxStats(values: readonly number[]): BoxStats | null {
  if (values.length === 0) return null;
  return boxOfSorted(sortedCopy(values));
}

/**
 * Box statistics of values already in ascending order (at least one), plain or typed: the one
 * place the quartiles are read, so the typed-array fast paths in ./typed-arrays.ts agree with boxStats.
 */
export function boxOfSorted(sorted: ArrayLike<number>): BoxStats {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  // d3 reads any array-like by index; the cast only widens the declared parameter type.
  const values = sorted as unknown as number[];
  return {
    n,
    min: sorted[0] as number,
    q1: quantileSorted(values, 0.25) as number,
    median: quantileSorted(values, 0.5) as number,
    q3: quantileSorted(values, 0.75) as number,
    max: sorted[n - 1] as number,
    mean: sum / n,
  };
}

/** Values that are present, for callers holding nullable columns. */
export function present(values: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) out.push(v);
  return out;
}

/**
 * Ascending copy. A Float64Array's native numeric sort is ~10× faster than sorting a JS array with
 * a comparator, and the same order for finite numbers (ties are equal values, so stability is moot).
 */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

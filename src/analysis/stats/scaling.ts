import { mean, populationStd } from './descriptive.js';

/**
 * Min-max to [0, 1] over the values present; NULL stays NULL. A constant column maps to 0
 * (analyses.md), so it adds nothing to a weighted score rather than dividing by zero.
 */
export function minMaxNormalise(values: readonly (number | null)[]): (number | null)[] {
  const range = rangeOf(values, (v) => v);
  const scale = range === null ? () => 0 : minMaxScaler(range.min, range.max);
  return values.map((v) => (v === null ? null : scale(v)));
}

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

/** Smallest and largest `pick(item)` over the items that have one (not null); null when none has. */
export function rangeOf<T>(items: readonly T[], pick: (item: T) => number | null): ValueRange | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const v = pick(item);
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

/**
 * Min-max to [0, 1] over a known range; a constant column (or no values, min > max) maps to 0,
 * so it adds nothing to a weighted score rather than dividing by zero (analyses.md).
 */
export function minMaxScaler(min: number, max: number): (x: number) => number {
  const range = max - min;
  return range > 0 ? (x) => (x - min) / range : () => 0;
}

/** z-scores with the population standard deviation; a constant column maps to 0. */
export function zScores(values: readonly (number | null)[]): (number | null)[] {
  const presentValues = values.filter((v): v is number => v !== null);
  const m = mean(presentValues);
  const sd = populationStd(presentValues);
  return values.map((v) => (v === null || m === null || sd === null ? null : sd > 0 ? (v - m) / sd : 0));
}

/** Clamps to [low, high]: winsorising at precomputed percentiles. */
export function winsorise(values: readonly (number | null)[], low: number, high: number): (number | null)[] {
  return values.map((v) => (v === null ? null : Math.min(high, Math.max(low, v))));
}

import { tickStep } from 'd3-array';
import type { ValueSegment } from './value-segment.js';

/** Bins of the days-since-last-activity histogram (a nice step near this count). */
export const HISTOGRAM_BINS = 20;

export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly counts: Readonly<Record<ValueSegment, number>>;
}

/**
 * Equal-width bins on a nice step shared by every segment, so the groups compare bin by bin; `days` = days since last
 * activity per customer, NaN when missing.
 */
export function inactivityHistogram(
  days: Float64Array,
  segments: readonly ValueSegment[],
): { missing: number; bins: HistogramBin[] } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let missing = 0;
  for (const v of days) {
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Number.POSITIVE_INFINITY) return { missing, bins: [] };
  const step = max > min ? tickStep(min, max, HISTOGRAM_BINS) : 1;
  const start = Math.floor(min / step) * step;
  const binCount = Math.max(1, Math.floor((max - start) / step) + 1);
  const counts = Array.from({ length: binCount }, () => ({ HV: 0, SMB: 0, Other: 0 }));
  days.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const index = Math.min(binCount - 1, Math.floor((v - start) / step));
    (counts[index] as Record<ValueSegment, number>)[segments[i] as ValueSegment]++;
  });
  return {
    missing,
    bins: counts.map((c, i) => ({ start: start + i * step, end: start + (i + 1) * step, counts: c })),
  };
}

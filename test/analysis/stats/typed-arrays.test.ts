import { describe, expect, it } from 'vitest';
import { boxStats, median } from '../../../src/analysis/stats/descriptive.js';
import { zScores } from '../../../src/analysis/stats/scaling.js';
import { typedBoxStats, typedMedian, typedZScores } from '../../../src/analysis/stats/typed-arrays.js';

describe('analysis/stats/typed-arrays', () => {
  it('matches the shared median and box statistics', () => {
    const values = [5, 1, 9, 3, 3, 7, 2, 8];
    expect(typedMedian(Float64Array.from(values))).toBe(median(values));
    expect(typedMedian(Float64Array.from(values.slice(1)))).toBe(median(values.slice(1)));
    expect(typedMedian(new Float64Array(0))).toBeNull();
    expect(typedBoxStats(Float64Array.from(values))).toEqual(boxStats(values));
  });

  it('gives the same z-scores as the shared zScores, NaN standing for null', () => {
    const values = [4, null, 1, 7, null, 3];
    const typed = typedZScores(Float64Array.from(values, (v) => v ?? Number.NaN));
    expect(Array.from(typed, (v) => (Number.isNaN(v) ? null : v))).toEqual(zScores(values));
    expect(Array.from(typedZScores(Float64Array.from([2, 2, Number.NaN])))).toEqual([0, 0, Number.NaN]);
    expect(Array.from(typedZScores(Float64Array.from([Number.NaN])))).toEqual([Number.NaN]);
  });
});

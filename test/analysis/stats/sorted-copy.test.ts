import { quantileSorted } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { cumeDist, smallestAtOrAbove } from '../../../src/analysis/stats/cume-dist.js';
import { boxStats, median, quantile, sortedCopy } from '../../../src/analysis/stats/descriptive.js';
import { seededRandom } from '../seeded-random.js';

// The typed-array sort replaced `[...values].sort((a, b) => a - b)`; the naive versions below are that method.
const naiveSorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

function randomValues(seed: number, n: number): number[] {
  const random = seededRandom(seed);
  // Ties, negatives and fractions, as real columns have.
  return Array.from({ length: n }, () => (random() < 0.3 ? Math.floor(random() * 5) : (random() - 0.4) * 1000));
}

describe('analysis/stats/sortedCopy (typed-array sort)', () => {
  it('orders as the comparator sort did, and leaves its input alone', () => {
    for (const seed of [1, 2, 3]) {
      const values = randomValues(seed, 501);
      const before = [...values];
      expect(Array.from(sortedCopy(values))).toEqual(naiveSorted(values));
      expect(values).toEqual(before);
    }
  });

  it('gives the quantiles, box statistics and cume_dist cut-offs of the naive sort', () => {
    for (const seed of [4, 5]) {
      const values = randomValues(seed, 400);
      const sorted = naiveSorted(values);
      for (const p of [0, 0.01, 0.25, 0.5, 0.75, 0.99, 1]) expect(quantile(values, p)).toBe(quantileSorted(sorted, p));
      expect(median(values)).toBe(quantileSorted(sorted, 0.5));
      const box = boxStats(values);
      expect(box).toMatchObject({ min: sorted[0], max: sorted[sorted.length - 1], q1: quantileSorted(sorted, 0.25) });
      const dist = cumeDist(values);
      for (const x of [...values.slice(0, 50), -1e9, 1e9]) {
        expect(dist.of(x)).toBe(sorted.filter((v) => v <= x).length / sorted.length);
      }
      for (const p of [0.01, 0.5, 0.99]) {
        const naive = sorted.find((v) => sorted.filter((w) => w <= v).length / sorted.length >= p);
        expect(smallestAtOrAbove(values, p)).toBe(naive);
      }
    }
  });
});

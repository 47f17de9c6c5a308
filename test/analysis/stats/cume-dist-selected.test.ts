import { describe, expect, it } from 'vitest';
import { largestAtOrBelowSelected, largestAtOrBelowSorted } from '../../../src/analysis/stats/cume-dist.js';

/** A small seeded generator, so every run checks the same arrays. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SHARES = [0, 1e-9, 0.01, 0.3, 0.3 + 1e-12, 0.5, 0.5 + 1e-12, 0.7, 0.99, 1 - 1e-12, 1];

/** The sorted scan's answer on a sorted copy: the reference. */
function bySort(values: Float64Array, p: number): number | null {
  return largestAtOrBelowSorted(values.slice().sort(), p);
}

describe('analysis/stats/largestAtOrBelowSelected', () => {
  it('gives the sorted scan’s cut-off on arrays with long tie runs, distinct values and few values', () => {
    const random = lcg(19);
    for (const n of [1, 2, 3, 7, 10, 100, 1001, 20_000]) {
      for (const levels of [1, 2, 5, 50, 0]) {
        const values = Float64Array.from({ length: n }, () =>
          levels === 0 ? random() * 10 - 5 : Math.floor(random() * levels) / levels,
        );
        for (const p of SHARES) {
          const expected = bySort(values, p);
          const actual = largestAtOrBelowSelected(values.slice(), p);
          expect(Object.is(actual, expected), `n=${n} levels=${levels} p=${p}: ${actual} vs ${expected}`).toBe(true);
        }
      }
    }
  });

  it('worked by hand: ties that straddle the share fall back to the run before, or to none', () => {
    // cume_dist: 1 → 0.2, 2 → 0.6, 3 → 1.
    const values = () => Float64Array.of(3, 2, 1, 2, 3);
    expect(largestAtOrBelowSelected(values(), 0.5)).toBe(1);
    expect(largestAtOrBelowSelected(values(), 0.6)).toBe(2);
    expect(largestAtOrBelowSelected(values(), 0.19)).toBeNull();
    expect(largestAtOrBelowSelected(values(), 1)).toBe(3);
    expect(largestAtOrBelowSelected(new Float64Array(0), 0.5)).toBeNull();
  });

  it('agrees with NaN present (sorted last) and, up to the sign of zero, with −0 and +0 in one run', () => {
    const withNaN = Float64Array.of(Number.NaN, 1, 2, Number.NaN, 0.5, 2);
    for (const p of SHARES) expect(largestAtOrBelowSelected(withNaN.slice(), p)).toBe(bySort(withNaN, p));
    const zeros = Float64Array.of(0, -0, -1, 0, 1, -0, 2, 0.5);
    for (const p of SHARES) {
      const actual = largestAtOrBelowSelected(zeros.slice(), p);
      const expected = bySort(zeros, p);
      expect(actual === expected || (actual === null && expected === null)).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { typedSelectedMedian, typedSortedMedian } from '../../../src/analysis/stats/typed-arrays.js';

/** A small seeded generator, so every run checks the same arrays. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Both on their own copy; equal by Object.is (the same bits, −0 apart from +0). */
function expectSame(values: Float64Array): void {
  const expected = typedSortedMedian(values.slice());
  const actual = typedSelectedMedian(values.slice());
  expect(Object.is(actual, expected), `${Array.from(values).slice(0, 8)}…: ${actual} vs ${expected}`).toBe(true);
}

describe('analysis/stats/typedSelectedMedian', () => {
  it('gives the sorted median’s bits on seeded arrays of every size, with ties and without', () => {
    const random = lcg(15);
    for (let n = 0; n < 40; n++) {
      for (const levels of [0, 1, 3, 10]) {
        expectSame(
          Float64Array.from({ length: n }, () =>
            levels === 0 ? (random() - 0.3) * 1e3 : Math.floor(random() * levels) - 1.5,
          ),
        );
      }
    }
    for (const n of [1000, 1001, 50_000]) expectSame(Float64Array.from({ length: n }, () => random() * 7 - 2));
  });

  it('worked by hand: the middle value, or the two middle values interpolated', () => {
    expect(typedSelectedMedian(Float64Array.of(5, 1, 3))).toBe(3);
    expect(typedSelectedMedian(Float64Array.of(4, 1, 3, 10))).toBe(3.5);
    expect(typedSelectedMedian(Float64Array.of(7))).toBe(7);
    expect(typedSelectedMedian(new Float64Array(0))).toBeNull();
  });

  it('agrees where a selection and a sort order values differently: zeros of both signs, NaN, infinities', () => {
    for (const values of [
      [0, -0, 1, -1],
      [-0, 0, -0, 2, -3],
      [0, -0],
      [-0, 0],
      [Number.NaN, 1, 2],
      [Number.NaN, Number.NaN, 1, 2, 3],
      [Number.POSITIVE_INFINITY, 1, Number.POSITIVE_INFINITY, 2],
      [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
      [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 3],
    ]) {
      expectSame(Float64Array.from(values));
    }
  });
});

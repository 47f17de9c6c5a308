import { describe, expect, it } from 'vitest';
import { descendingOrder, nativeAscendingOrder } from '../../../src/analysis/stats/radix-order.js';
import { seededRandom } from '../seeded-random.js';

/** The reference: a stable comparator sort of the indices, value descending (−0 and 0 equal, as `-` has them). */
function byComparator(values: Float64Array): number[] {
  return Array.from(values, (_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

/** Float64Array.prototype.sort's comparison (−0 before 0), then index: the stable native order. */
function byNativeComparator(values: Float64Array): number[] {
  const rank = (v: number) => (Object.is(v, -0) ? -1 : 0);
  return Array.from(values, (_, i) => i).sort((a, b) => {
    const x = values[a] as number;
    const y = values[b] as number;
    if (x < y) return -1;
    if (x > y) return 1;
    return rank(x) - rank(y) || a - b;
  });
}

/** Mixed values where ties, both zeros, infinities and subnormals are common. */
function mixedValues(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const specials = [0, -0, 1, -1, 0.5, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const extremes = [Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074 * 3];
  return Float64Array.from({ length: n }, () => {
    const u = random();
    if (u < 0.2) return specials[Math.floor(random() * specials.length)] as number;
    if (u < 0.25) return extremes[Math.floor(random() * extremes.length)] as number;
    if (u < 0.7) return Math.floor(random() * 20) / 4 - 2;
    return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
  });
}

describe('analysis/stats/nativeAscendingOrder', () => {
  it('reads the values in the order the native sort gives them, equal values in index order', () => {
    for (const n of [0, 1, 2, 7, 5000]) {
      const values = mixedValues(n, 11 + n);
      const order = nativeAscendingOrder(values);
      expect(Array.from(order)).toEqual(byNativeComparator(values));
      const native = Float64Array.from(values).sort();
      const read = Float64Array.from(order, (i) => values[i] as number);
      // Byte-equal, so −0 and 0 are told apart.
      expect(new Uint8Array(read.buffer)).toEqual(new Uint8Array(native.buffer));
    }
  });

  it('puts −0 before 0 and keeps index order within each', () => {
    expect(Array.from(nativeAscendingOrder(Float64Array.from([0, -0, 1, -0, 0, -1])))).toEqual([5, 1, 3, 0, 4, 2]);
  });
});

describe('analysis/stats/descendingOrder', () => {
  it('orders as the stable comparator sort does: signs, zeros, infinities, subnormals, repeats', () => {
    const random = seededRandom(5);
    const specials = [0, -0, 1, -1, 0.5, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const extremes = [Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1074 * 3];
    for (const n of [0, 1, 2, 7, 5000]) {
      const values = Float64Array.from({ length: n }, () => {
        const u = random();
        if (u < 0.2) return specials[Math.floor(random() * specials.length)] as number;
        if (u < 0.25) return extremes[Math.floor(random() * extremes.length)] as number;
        // Few distinct values, so ties are common; some wide-ranging ones, so every 16-bit digit matters.
        if (u < 0.7) return Math.floor(random() * 20) / 4 - 2;
        return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      });
      expect(Array.from(descendingOrder(values))).toEqual(byComparator(values));
    }
  });
});

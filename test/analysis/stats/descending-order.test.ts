import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../../src/analysis/stats/descending-order.js';
import { seededRandom } from '../seeded-random.js';

/** The reference: a stable comparator sort of the indices, value descending (−0 and 0 equal, as `-` has them). */
function byComparator(values: Float64Array): number[] {
  return Array.from(values, (_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

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

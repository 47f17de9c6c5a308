import { describe, expect, it } from 'vitest';
import {
  CUME_DIST_TOLERANCE,
  DEFAULT_INVESTMENT_OPTIONS,
  type InvestmentInputRow,
} from '../../../src/analysis/investment-mismatch/mismatch-types.js';
import { scoreCustomers } from '../../../src/analysis/investment-mismatch/score-customers.js';
import { cumeDist, largestAtOrBelow, largestAtOrBelowSorted } from '../../../src/analysis/stats/cume-dist.js';
import { minMaxScaler } from '../../../src/analysis/stats/scaling.js';
import { pick, seededRandom } from '../seeded-random.js';

/** Rows with many ties (values on a coarse grid) and some missing inputs, so tie runs straddle every cut-off. */
function rows(seed: number, n: number): InvestmentInputRow[] {
  const random = seededRandom(seed);
  const grid = (steps: number) => Math.floor(random() * steps) / steps;
  return Array.from({ length: n }, (_, i) => ({
    email: `c${i}@x.io`,
    priority: random() < 0.05 ? null : grid(12),
    sales: random() < 0.05 ? null : grid(9) * 1000,
    adoption: grid(5),
    support: grid(4),
    lifetimeValue: grid(7) * 500,
    acquisitionCost: pick(random, [0, 50, 100, 200]),
    onboarding: grid(5),
    teamSize: Math.floor(random() * 40),
    decisionLevel: pick(random, ['VP', 'Manager']),
    industry: pick(random, ['Retail', 'Tech']),
    sizeTier: pick(random, ['Small', 'Large']),
    lifecycleStage: pick(random, ['Growth', 'Dormant']),
  }));
}

describe('analysis/investment-mismatch top and bottom by cut-off', () => {
  it.each([
    [1, 500, 0.3, 0.5],
    [2, 1000, 0.25, 0.4],
    [3, 37, 0.5, 0.5],
    [4, 200, 0.05, 0.95],
  ])('flags each customer as cume_dist of priority and composite does (seed %i, %i rows)', (seed, n, top, bottom) => {
    const options = { ...DEFAULT_INVESTMENT_OPTIONS, topShare: top, bottomShare: bottom };
    const scored = scoreCustomers(rows(seed, n), options);
    expect(scored.customers.length).toBeGreaterThan(0);
    // The plain method: cume_dist of every customer's priority and composite, row by row.
    const priorityDist = cumeDist(scored.customers.map((c) => c.priority));
    const compositeDist = cumeDist(scored.customers.map((c) => c.composite));
    let tops = 0;
    let bottoms = 0;
    for (const c of scored.customers) {
      const isTop = priorityDist.of(c.priority) >= 1 - top - CUME_DIST_TOLERANCE;
      const isBottom = compositeDist.of(c.composite) <= bottom + CUME_DIST_TOLERANCE;
      expect(c.top).toBe(isTop);
      expect(c.bottom).toBe(isBottom);
      expect(c.mismatched).toBe(isTop && isBottom);
      if (isTop) tops++;
      if (isBottom) bottoms++;
    }
    expect(scored.topCount).toBe(tops);
    expect(scored.bottomCount).toBe(bottoms);
    expect(tops).toBeGreaterThan(0);
    expect(tops).toBeLessThan(scored.customers.length);
    // The composite is the weighted min-max as before (the typed arrays change nothing in the figures).
    const first = scored.customers[0] as (typeof scored.customers)[number];
    const ranges = scored.ranges as NonNullable<typeof scored.ranges>;
    const w = options.weights;
    expect(first.composite).toBe(
      w.sales * minMaxScaler(ranges.sales.min, ranges.sales.max)(first.sales) +
        w.adoption * minMaxScaler(ranges.adoption.min, ranges.adoption.max)(first.adoption) +
        w.support * minMaxScaler(ranges.support.min, ranges.support.max)(first.support),
    );
  });

  it('finds the largest value at or below a cume_dist as the unsorted method does', () => {
    const random = seededRandom(9);
    for (const n of [1, 2, 5, 50, 333]) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 7));
      for (const p of [0, 0.1, 1 / 3, 0.5, 0.99, 1]) {
        expect(largestAtOrBelowSorted(Float64Array.from(values).sort(), p)).toBe(largestAtOrBelow(values, p));
      }
    }
    expect(largestAtOrBelowSorted([], 0.5)).toBeNull();
    // [1, 1, 2]: cume_dist 2/3 for the 1s, so nothing is at or below 0.5.
    expect(largestAtOrBelowSorted([1, 1, 2], 0.5)).toBeNull();
    expect(largestAtOrBelowSorted([1, 1, 2], 2 / 3)).toBe(1);
  });
});

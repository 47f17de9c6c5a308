import jstat from 'jstat';
import { describe, expect, it } from 'vitest';
import { cumeDist, largestAtOrBelow, smallestAtOrAbove, tertileOf } from '../../../src/analysis/stats/cume-dist.js';
import { boxStats, mean, median, populationStd, quantile } from '../../../src/analysis/stats/descriptive.js';
import { pearson } from '../../../src/analysis/stats/pearson.js';
import { relativeRisk } from '../../../src/analysis/stats/relative-risk.js';
import { minMaxNormalise, winsorise, zScores } from '../../../src/analysis/stats/scaling.js';

describe('analysis/stats', () => {
  it('gives n/a (null) for empty groups, never 0', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(boxStats([])).toBeNull();
  });

  it('computes quartiles by linear interpolation (worked by hand)', () => {
    // sorted 1,2,3,4,10: q1 at position 1 → 2; median 3; q3 at position 3 → 4.
    expect(boxStats([10, 1, 3, 2, 4])).toEqual({ n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 10, mean: 4 });
    // 1,2,3,4: q1 at position 0.75 → 1.75.
    expect(quantile([4, 3, 2, 1], 0.25)).toBeCloseTo(1.75, 12);
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('cume_dist keeps ties together for top and bottom cut-offs', () => {
    const values = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7]; // n = 10
    const dist = cumeDist(values);
    expect([1, 2, 3, 4, 7].map((v) => dist.of(v))).toEqual([0.1, 0.3, 0.4, 0.7, 1]);
    // Top 30% = cume_dist ≥ 0.7: the three 4s qualify (0.7), so the cut-off is 4 and 6 rows are "top".
    expect(smallestAtOrAbove(values, 0.7)).toBe(4);
    expect(values.filter((v) => dist.of(v) >= 0.7)).toHaveLength(6);
    // Bottom 50% = cume_dist ≤ 0.5: 1,2,2,3 (0.4); 4 is at 0.7 so it is out. Cut-off 3.
    expect(largestAtOrBelow(values, 0.5)).toBe(3);
    expect(smallestAtOrAbove(values, 0.01)).toBe(1);
    expect(smallestAtOrAbove(values, 0.99)).toBe(7);
    expect(values.map((v) => tertileOf(dist, v))).toEqual([1, 1, 1, 2, 3, 3, 3, 3, 3, 3]);
  });

  it('normalises with NULLs left alone and a constant column at 0', () => {
    expect(minMaxNormalise([10, null, 20, 15])).toEqual([0, null, 1, 0.5]);
    expect(minMaxNormalise([3, 3, null])).toEqual([0, 0, null]);
    expect(zScores([2, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(zScores([5, 5])).toEqual([0, 0]);
    expect(winsorise([0, 5, 100, null], 1, 40)).toEqual([1, 5, 40, null]);
  });

  it('reports r, t and a two-sided p that match a hand computation', () => {
    // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 · 6) = 0.7745967; t = r·sqrt(3/(1−r²)) = 2.12132.
    const c = pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(c.kind).toBe('ok');
    if (c.kind !== 'ok') return;
    expect(c.r).toBeCloseTo(0.7745967, 6);
    expect(c.t).toBeCloseTo(2.1213203, 6);
    // Student t, 3 df: P(|T| > 2.12132) = 0.12402 (tables / scipy.stats.t.sf(2.12132, 3) * 2).
    expect(c.p).toBeCloseTo(0.12402, 4);
    expect(pearson([1, 2, null], [1, 2, 3])).toEqual({ kind: 'too-few-rows', n: 2 });
    expect(pearson([1, 1, 1], [1, 2, 3])).toEqual({ kind: 'constant', n: 3 });
  });

  it('keeps a tiny p-value instead of rounding it to 0 (tail function, checked by the incomplete beta)', () => {
    const xs = Array.from({ length: 40 }, (_, i) => i + 1);
    const ys = xs.map((x) => x + (x % 2 === 1 ? 0.5 : -0.5));
    const c = pearson(xs, ys);
    expect(c.kind).toBe('ok');
    if (c.kind !== 'ok') return;
    // Second method: two-sided p = I_{df/(df+t²)}(df/2, 1/2), the regularised incomplete beta.
    const df = 38;
    const byBeta = jstat.jStat.ibeta(df / (df + c.t * c.t), df / 2, 0.5);
    expect(c.p).toBeGreaterThan(0);
    expect(c.p).toBeLessThan(1e-50);
    expect(c.p / byBeta).toBeCloseTo(1, 6);
  });

  it('relative risk and its log-method CI match a hand computation', () => {
    // Cell 10 of 20 mismatched; overall 30 of 100. RR = 0.5 / 0.3 = 1.6667.
    // SE = sqrt(1/10 − 1/20 + 1/30 − 1/100) = sqrt(0.0733333) = 0.270801.
    const rr = relativeRisk(10, 20, 30, 100);
    expect(rr?.rr).toBeCloseTo(1.666667, 6);
    expect(rr?.ci?.[0]).toBeCloseTo(1.666667 * Math.exp(-1.96 * 0.270801), 5);
    expect(rr?.ci?.[1]).toBeCloseTo(1.666667 * Math.exp(1.96 * 0.270801), 5);
    expect(relativeRisk(0, 20, 30, 100)).toEqual({ rr: 0, ci: null });
  });
});

import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../../src/analysis/segment-anomalies/customer-features.js';
import { customer } from './netsuite-rows.js';

const at = (column: Float64Array, i: number) => {
  const v = column[i] as number;
  return Number.isNaN(v) ? null : v;
};

describe('analysis/segment-anomalies/customer-features', () => {
  it('derives months, expected transactions and the consistency error (worked by hand)', () => {
    // 90 days / 30 = 3 months; 2 per month × 3 = 6 expected; |3 − 6| / 6 = 0.5.
    const f = computeFeatures([customer({ ageDays: 90, avgTransactionsPerMonth: 2, transactionCount: 3 })]);
    expect(at(f.columns.months, 0)).toBe(3);
    expect(at(f.columns.expectedTransactions, 0)).toBe(6);
    expect(at(f.columns.consistencyError, 0)).toBe(0.5);
  });

  it('leaves the consistency error missing when expected is 0 or an input is NULL', () => {
    const f = computeFeatures([
      customer({ avgTransactionsPerMonth: 0 }),
      customer({ ageDays: null }),
      customer({ transactionCount: null }),
    ]);
    expect([0, 1, 2].map((i) => at(f.columns.consistencyError, i))).toEqual([null, null, null]);
    expect(at(f.columns.expectedTransactions, 0)).toBe(0);
    expect(at(f.columns.months, 1)).toBeNull();
    expect(at(f.columns.expectedTransactions, 2)).toBe(20);
  });

  it('computes quarter shares, imbalance, share std, entropy and CV (worked by hand)', () => {
    // Quarters 1,1,2,0 → sum 4 → shares .25,.25,.5,0; imbalance .5 − 0 = .5.
    // std of shares: deviations from .25 are 0,0,.25,−.25 → √(.125/4) = .17678.
    // entropy: −(2·.25·ln .25 + .5·ln .5) / ln 4 = (.5·ln 4 + .5·ln 2) / ln 4 = .5 + .25 = .75 (0·ln 0 = 0).
    // CV of counts: mean 1, std √((0+0+1+1)/4) = .70711 → .70711.
    const f = computeFeatures([customer({ q1: 1, q2: 1, q3: 2, q4: 0 })]);
    expect([f.columns.q1Share, f.columns.q2Share, f.columns.q3Share, f.columns.q4Share].map((c) => at(c, 0))).toEqual([
      0.25, 0.25, 0.5, 0,
    ]);
    expect(at(f.columns.imbalance, 0)).toBe(0.5);
    expect(at(f.columns.shareStd, 0)).toBeCloseTo(0.1767767, 6);
    expect(at(f.columns.entropy, 0)).toBeCloseTo(0.75, 12);
    expect(at(f.columns.quarterCv, 0)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('gives a single-quarter customer entropy 0 and imbalance 1', () => {
    // Shares 0,0,0,1: entropy −1·ln 1 / ln 4 = 0; std of (−.25,−.25,−.25,.75) = √(.75/4) = .43301; CV = 4·.43301 = √3.
    const f = computeFeatures([customer({ q1: 0, q2: 0, q3: 0, q4: 7 })]);
    expect(at(f.columns.entropy, 0)).toBe(0);
    expect(at(f.columns.imbalance, 0)).toBe(1);
    expect(at(f.columns.q4Share, 0)).toBe(1);
    expect(at(f.columns.quarterCv, 0)).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('leaves every quarter feature missing when all quarters are zero or one is NULL', () => {
    const f = computeFeatures([customer({ q1: 0, q2: 0, q3: 0, q4: 0 }), customer({ q3: null }), customer()]);
    for (const column of [
      'q1Share',
      'q2Share',
      'q3Share',
      'q4Share',
      'imbalance',
      'shareStd',
      'entropy',
      'quarterCv',
    ] as const) {
      expect(at(f.columns[column], 0)).toBeNull();
      expect(at(f.columns[column], 1)).toBeNull();
      expect(at(f.columns[column], 2)).not.toBeNull();
    }
    expect(f.rowsWithoutQuarterShares).toBe(2);
  });

  it('computes value mismatch from population z-scores and revenue per point with score 0 missing', () => {
    // revenue 0,0,30: mean 10, sd √(600/3) = 14.1421 → z −.70711, −.70711, 1.41421.
    // score 1,2,3,0 (the fourth row counts for the score's z): mean 1.5, sd √(5/4) = 1.11803
    // → z −.44721, .44721, 1.34164, −1.34164.
    // |Δ| = .25989, 1.15432, .07257. The fourth row has no revenue: its mismatch is missing.
    const f = computeFeatures([
      customer({ totalRevenue: 0, score: 1 }),
      customer({ totalRevenue: 0, score: 2 }),
      customer({ totalRevenue: 30, score: 3 }),
      customer({ totalRevenue: null, score: 0 }),
    ]);
    expect(at(f.columns.valueMismatch, 0)).toBeCloseTo(0.259893, 5);
    expect(at(f.columns.valueMismatch, 1)).toBeCloseTo(1.15432, 5);
    expect(at(f.columns.valueMismatch, 2)).toBeCloseTo(0.072574, 5);
    expect(at(f.columns.valueMismatch, 3)).toBeNull();
    expect(at(f.zScore, 3)).toBeCloseTo(-1.341641, 5);
    expect(at(f.zRevenue, 3)).toBeNull();
    expect(at(f.columns.revenuePerPoint, 2)).toBe(10);
    expect(at(f.columns.revenuePerPoint, 0)).toBe(0);
    expect(at(f.columns.revenuePerPoint, 3)).toBeNull();
  });
});

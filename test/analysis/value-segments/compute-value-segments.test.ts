import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  computeValueSegments,
  type FunnelInput,
  type SegmentGroupResult,
} from '../../../src/analysis/value-segments/compute-value-segments.js';
import { rfm, valueCustomer } from './value-customer-fixture.js';

/*
 * HV1  Gold 0.10:  R5 F4 M3 → RFM 4, var((5,4,3)) = 2/3 → consistency 1/(1+2/3) = 0.6;
 *                 LTV 3044 / (304.4 / 30.44 = 10 months) = 304.4; inactivity 100 / 304.4.
 * HV2  Plat 0.20:  R5 F5 M5 → RFM 5, var 0 → consistency 1; age 0 → velocity and inactivity NULL.
 * SMB1 Basic 0.05 (exactly 0.05 → SMB): RFM 1, consistency 1; LTV 100 / 1 month = 100; inactivity 30.44/30.44 = 1.
 * SMB2 Silver 0.01: R2 F1 M3 → RFM 2, var((2,1,3)) = 2/3 → 0.6; LTV, age, revenue, stage NULL.
 * O1   Gold 0.05 (exactly 0.05 on a high tier → Other); O2 no tier → Other.
 */
const customers = [
  valueCustomer('hv1@x.com', {
    ...rfm(5, 4, 3),
    tier: 'Gold',
    portfolioPct: 0.1,
    ltv: 3044,
    revenue: 1000,
    health: 3,
    churn: 0.2,
    accountAgeDays: 304.4,
    daysSinceLastActivity: 100,
    stage: 'Retention',
    rfmSegment: 'Champion',
    engagementModel: 'Executive Relationship Management',
  }),
  valueCustomer('hv2@x.com', {
    ...rfm(5, 5, 5),
    tier: 'Platinum',
    portfolioPct: 0.2,
    ltv: 6088,
    revenue: 2000,
    health: 3.5,
    churn: 0.1,
    accountAgeDays: 0,
    daysSinceLastActivity: 50,
    stage: 'Retention',
    rfmSegment: 'Loyal Customer',
    engagementModel: 'Executive Relationship Management',
  }),
  valueCustomer('smb1@x.com', {
    ...rfm(1, 1, 1),
    tier: 'Basic',
    portfolioPct: 0.05,
    ltv: 100,
    revenue: 50,
    health: 1,
    churn: 0.9,
    accountAgeDays: 30.44,
    daysSinceLastActivity: 30.44,
    stage: 'Dormant',
  }),
  valueCustomer('smb2@x.com', { ...rfm(2, 1, 3), tier: 'Silver', portfolioPct: 0.01, health: 1.5, churn: 0.7 }),
  valueCustomer('o1@x.com', { ...rfm(3, 3, 3), tier: 'Gold', portfolioPct: 0.05 }),
  valueCustomer('o2@x.com', { portfolioPct: 0.3 }),
];

const noFunnel: FunnelInput = { available: false, gap: { code: 'no-rows', table: 'customer360__conversion_funnel' } };

function group(result: ReturnType<typeof computeValueSegments>, name: string): SegmentGroupResult {
  const g = result.groups.find((x) => x.group === name);
  if (!g) throw new Error(`no group ${name}`);
  return g;
}

describe('analysis/value-segments/compute-value-segments', () => {
  it('splits HV / SMB / Other with exactly 0.05 and NULLs on the documented side', () => {
    const result = computeValueSegments(customers, noFunnel);
    expect(result.groups.map((g) => [g.group, g.n])).toEqual([
      ['HV', 2],
      ['SMB', 2],
      ['Other', 2],
      ['All', 6],
    ]);
  });

  it('means each metric over the rows that have it, n/a (null) for none', () => {
    const result = computeValueSegments(customers, noFunnel);
    const hv = group(result, 'HV');
    expect(hv.means.recency).toEqual({ mean: 5, n: 2 });
    expect(hv.means.frequency).toEqual({ mean: 4.5, n: 2 });
    expect(hv.means.rfm).toEqual({ mean: 4.5, n: 2 });
    expect(hv.means.ltv).toEqual({ mean: 4566, n: 2 });
    expect(hv.means.health).toEqual({ mean: 3.25, n: 2 });
    expect(hv.means.churn.mean).toBeCloseTo(0.15, 12);
    const smb = group(result, 'SMB');
    expect(smb.means.rfm).toEqual({ mean: 1.5, n: 2 });
    expect(smb.means.ltv).toEqual({ mean: 100, n: 1 });
    expect(group(result, 'Other').means.ltv).toEqual({ mean: null, n: 0 });
  });

  it('computes the proxies with zero and NULL ages left out', () => {
    const result = computeValueSegments(customers, noFunnel);
    const hv = group(result, 'HV');
    expect(hv.proxies.consistency.mean).toBeCloseTo(0.8, 12); // (0.6 + 1) / 2
    expect(hv.proxies.ltvVelocity.mean).toBeCloseTo(304.4, 9); // HV2 age 0 → left out
    expect(hv.proxies.ltvVelocity.n).toBe(1);
    expect(hv.proxies.inactivity.mean).toBeCloseTo(100 / 304.4, 12);
    const smb = group(result, 'SMB');
    expect(smb.proxies.consistency.mean).toBeCloseTo(0.8, 12); // (1 + 0.6) / 2
    expect(smb.proxies.ltvVelocity).toEqual({ mean: 100, n: 1 });
    expect(smb.proxies.inactivity).toEqual({ mean: 1, n: 1 });
    expect(hv.funnel).toBeNull();
    expect(result.funnel).toEqual(noFunnel);
  });

  it('means funnel figures over the customers whose funnel row joins', () => {
    const result = computeValueSegments(customers, {
      available: true,
      byEmail: new Map([
        ['hv1@x.com', { consistency: 0.5, velocity: 200 }],
        ['smb1@x.com', { consistency: 0.3, velocity: null }],
        ['ghost@x.com', { consistency: 0.9, velocity: 1 }],
      ]),
    });
    expect(group(result, 'HV').funnel).toEqual({
      joined: 1,
      consistency: { mean: 0.5, n: 1 },
      velocity: { mean: 200, n: 1 },
    });
    expect(group(result, 'SMB').funnel).toEqual({
      joined: 1,
      consistency: { mean: 0.3, n: 1 },
      velocity: { mean: null, n: 0 },
    });
    expect(result.funnel).toEqual({ available: true, funnelCustomers: 3, joined: 2 });
  });

  it('counts category levels, NULL as (missing), most common first', () => {
    const result = computeValueSegments(customers, noFunnel);
    expect(group(result, 'SMB').lifecycle).toEqual([
      { label: '(missing)', n: 1, share: 0.5 },
      { label: 'Dormant', n: 1, share: 0.5 },
    ]);
    expect(group(result, 'HV').engagementModel).toEqual([
      { label: 'Executive Relationship Management', n: 2, share: 1 },
    ]);
  });

  it('correlates complete cases only and says "too few rows" under 3', () => {
    const result = computeValueSegments(customers, noFunnel);
    const all = group(result, 'All');
    // HV1, HV2, SMB1 have health, churn, LTV, revenue and RFM; SMB2 lacks LTV.
    expect(all.completeCases).toBe(3);
    const healthChurn = all.correlations.find((c) => c.a === 'health' && c.b === 'churn')?.correlation;
    expect(healthChurn?.kind).toBe('ok');
    if (healthChurn?.kind === 'ok')
      expect(healthChurn.r).toBeCloseTo(sampleCorrelation([3, 3.5, 1], [0.2, 0.1, 0.9]), 12);
    expect(all.correlations).toHaveLength(10);
    expect(group(result, 'HV').correlations[0]?.correlation).toEqual({ kind: 'too-few-rows', n: 2 });
  });

  it('fits RFM vs LTV by least squares on the rows having both', () => {
    const result = computeValueSegments(customers, noFunnel);
    const xs = [4, 5, 1];
    const ys = [3044, 6088, 100];
    const mx = 10 / 3;
    const my = (3044 + 6088 + 100) / 3;
    const slope =
      xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(result.rfmLtv.points).toHaveLength(3);
    expect(result.rfmLtv.regression?.slope).toBeCloseTo(slope, 9);
    expect(result.rfmLtv.regression?.intercept).toBeCloseTo(my - slope * mx, 9);
  });

  it('bins days since last activity on one nice step for every segment', () => {
    const result = computeValueSegments(customers, noFunnel);
    // 30.44 … 100 → tickStep 5, bins from 30: 30.44 in [30,35), 50 in [50,55), 100 in the last bin [100,105).
    expect(result.inactivity.missing).toBe(3);
    expect(result.inactivity.bins).toHaveLength(15);
    expect(result.inactivity.bins[0]).toEqual({ start: 30, end: 35, counts: { HV: 0, SMB: 1, Other: 0 } });
    expect(result.inactivity.bins[4]?.counts.HV).toBe(1);
    expect(result.inactivity.bins[14]).toEqual({ start: 100, end: 105, counts: { HV: 1, SMB: 0, Other: 0 } });
  });

  it('answers an empty population with n/a, not zeros', () => {
    const result = computeValueSegments([], noFunnel);
    expect(group(result, 'All').means.health).toEqual({ mean: null, n: 0 });
    expect(group(result, 'All').churnBox).toBeNull();
    expect(result.rfmLtv.regression).toBeNull();
    expect(result.inactivity.bins).toEqual([]);
  });
});

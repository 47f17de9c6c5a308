import { describe, expect, it } from 'vitest';
import { computePriority, DEFAULT_PRIORITY_OPTIONS, routeOf } from '../../../src/analysis/priority/priority-score.js';
import { rfm, valueCustomer } from '../value-segments/value-customer-fixture.js';

/*
 * Four scored customers and one without recency. RFM composite min 1, max 5 (range 4);
 * health min 1, max 3 (range 2).
 *   A: rfm 5, health 3,   churn 0.2 → 0.4·1    + 0.4·1    − 0.2·0.2 = 0.76
 *   D: rfm 4, health 2.5, churn 0.3 → 0.4·0.75 + 0.4·0.75 − 0.2·0.3 = 0.54
 *   C: rfm 3, health 2,   churn 0.5 → 0.4·0.5  + 0.4·0.5  − 0.2·0.5 = 0.30
 *   B: rfm 1, health 1,   churn 0.8 → 0        + 0        − 0.2·0.8 = −0.16
 * cume_dist (values ≤ x / 4): A 1, D 0.75, C 0.5, B 0.25.
 * Previous snapshots, normalised with the same min-max:
 *   A: health 2.8 → 0.4 + 0.4·0.9 − 0.04 = 0.72, change +0.04 (no fall)
 *   C: rfm 5, health 3, churn 0 → 0.8, change 0.30 − 0.80 = −0.50 → manual intervention
 *   B: health NULL → no change computed
 */
const customers = [
  valueCustomer('a@x.com', {
    ...rfm(5, 5, 5),
    health: 3,
    churn: 0.2,
    tier: 'Gold',
    portfolioPct: 0.1,
    previous: { ...rfm(5, 5, 5), health: 2.8, churn: 0.2 },
  }),
  valueCustomer('b@x.com', {
    ...rfm(1, 1, 1),
    health: 1,
    churn: 0.8,
    tier: 'Basic',
    portfolioPct: 0.01,
    previous: { ...rfm(1, 1, 1), health: null, churn: 0.8 },
  }),
  valueCustomer('c@x.com', {
    ...rfm(3, 3, 3),
    health: 2,
    churn: 0.5,
    tier: 'Silver',
    portfolioPct: 0.05,
    previous: { ...rfm(5, 5, 5), health: 3, churn: 0 },
  }),
  valueCustomer('d@x.com', { ...rfm(4, 5, 3), health: 2.5, churn: 0.3, tier: 'Platinum', portfolioPct: 0.05 }),
  valueCustomer('e@x.com', { ...rfm(5, 5, 5), recency: null, health: 2, churn: 0.1 }),
];

describe('analysis/priority/priority-score', () => {
  it('scores 0.4·norm(RFM) + 0.4·norm(health) − 0.2·churn over the rows having every input', () => {
    const result = computePriority(customers);
    expect(result.n).toBe(4);
    expect(result.excluded).toBe(1);
    expect(result.missingInputs).toEqual({ recency: 1, frequency: 0, monetary: 0, health: 0, churn: 0 });
    expect(result.scale).toEqual({ rfm: { min: 1, max: 5 }, health: { min: 1, max: 3 } });
    expect(result.ranked.map((r) => r.customer.email)).toEqual(['a@x.com', 'd@x.com', 'c@x.com', 'b@x.com']);
    const priorities = result.ranked.map((r) => r.priority);
    for (const [i, p] of [0.76, 0.54, 0.3, -0.16].entries()) expect(priorities[i]).toBeCloseTo(p, 12);
    expect(result.ranked.map((r) => r.cumeDist)).toEqual([1, 0.75, 0.5, 0.25]);
    expect(result.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('routes by the first rule that applies and counts the routes', () => {
    const result = computePriority(customers);
    const byEmail = new Map(result.ranked.map((r) => [r.customer.email, r]));
    expect(byEmail.get('a@x.com')?.route).toBe('dedicated-acceleration');
    expect(byEmail.get('a@x.com')?.change).toBeCloseTo(0.04, 12);
    // Exactly 0.05 on a Platinum row is Other, so D gets the standard route.
    expect(byEmail.get('d@x.com')?.segment).toBe('Other');
    expect(byEmail.get('d@x.com')?.route).toBe('standard');
    // C is SMB but fell by 0.5: manual intervention comes first.
    expect(byEmail.get('c@x.com')?.previousPriority).toBeCloseTo(0.8, 12);
    expect(byEmail.get('c@x.com')?.route).toBe('manual-intervention');
    expect(byEmail.get('b@x.com')?.previousPriority).toBeNull();
    expect(byEmail.get('b@x.com')?.route).toBe('automated-nurture');
    expect(result.withPrevious).toBe(3);
    expect(result.comparable).toBe(2);
    expect(result.routeCounts).toEqual({
      'manual-intervention': 1,
      'dedicated-acceleration': 1,
      'automated-nurture': 1,
      standard: 1,
    });
  });

  it('breaks exact ties by email ascending and gives tied customers the same cume_dist', () => {
    const same = { ...rfm(3, 3, 3), health: 2, churn: 0.5, tier: 'Gold', portfolioPct: 0.2 };
    const result = computePriority([
      valueCustomer('z@x.com', same),
      valueCustomer('y@x.com', same),
      valueCustomer('low@x.com', { ...rfm(1, 1, 1), health: 1, churn: 0.9 }),
    ]);
    expect(result.ranked.map((r) => r.customer.email)).toEqual(['y@x.com', 'z@x.com', 'low@x.com']);
    // Both tied customers: 3 of 3 values are ≤ theirs.
    expect(result.ranked.map((r) => r.cumeDist)).toEqual([1, 1, 1 / 3]);
  });

  it('normalises a constant column to 0 instead of dividing by zero', () => {
    const result = computePriority([
      valueCustomer('a@x.com', { ...rfm(2, 2, 2), health: 2, churn: 0.5 }),
      valueCustomer('b@x.com', { ...rfm(4, 4, 4), health: 2, churn: 0.5 }),
    ]);
    expect(result.ranked.map((r) => r.normHealth)).toEqual([0, 0]);
    // b: 0.4·1 + 0 − 0.1 = 0.3; a: 0 + 0 − 0.1 = −0.1
    expect(result.ranked[0]?.priority).toBeCloseTo(0.3, 12);
    expect(result.ranked[1]?.priority).toBeCloseTo(-0.1, 12);
  });

  it('uses the weights it is given', () => {
    const result = computePriority(customers, {
      ...DEFAULT_PRIORITY_OPTIONS,
      weights: { rfm: 0, health: 0, churn: 1 },
    });
    // priority = −churn: A −0.2, D −0.3, C −0.5, B −0.8
    expect(result.ranked.map((r) => r.priority)).toEqual([-0.2, -0.3, -0.5, -0.8]);
  });

  it('answers an empty population without numbers that are not there', () => {
    const result = computePriority([valueCustomer('a@x.com')]);
    expect(result).toMatchObject({ n: 0, excluded: 1, ranked: [], scale: { rfm: null, health: null } });
  });

  it('treats a fall of exactly the threshold as no fall', () => {
    const options = { dropThreshold: 0.1, accelerationCumeDist: 0.8 };
    expect(routeOf('SMB', 0.5, -0.1, options)).toBe('automated-nurture');
    expect(routeOf('SMB', 0.5, -0.1000001, options)).toBe('manual-intervention');
    expect(routeOf('HV', 0.8, null, options)).toBe('dedicated-acceleration');
    expect(routeOf('HV', 0.79, null, options)).toBe('standard');
    expect(routeOf('Other', 1, 0.5, options)).toBe('standard');
  });
});

import { describe, expect, it } from 'vitest';
import { buildCustomerCard, tierMedians } from '../../../src/analysis/customer-card/build-card.js';
import { computePriority } from '../../../src/analysis/priority/priority-score.js';
import { rfm, valueCustomer } from '../value-segments/value-customer-fixture.js';

const customers = [
  valueCustomer('a@x.com', { ...rfm(5, 5, 5), health: 3, churn: 0.2, tier: 'Gold', portfolioPct: 0.2, ltv: 9000 }),
  valueCustomer('b@x.com', { ...rfm(3, 3, 3), health: 2, churn: 0.5, tier: 'Gold', portfolioPct: 0.2, ltv: 3000 }),
  valueCustomer('c@x.com', { ...rfm(1, 1, 1), health: 1, churn: 0.9, tier: 'Gold', portfolioPct: 0.2, ltv: null }),
  valueCustomer('d@x.com', { ...rfm(2, 2, 2), health: null, churn: 0.4, tier: 'Basic', portfolioPct: 0.01 }),
];

describe('analysis/customer-card/build-card', () => {
  it('takes rank and route from the priority ranking', () => {
    const priority = computePriority(customers);
    const card = buildCustomerCard(customers[1] as (typeof customers)[number], customers, priority, null);
    // Ranked: a 0.76, b 0.30, c −0.18 (rfm 1–5, health 1–3) → b is #2 of 3, HV with cume 2/3 < 0.8 → standard.
    expect(card.priority).toMatchObject({ kind: 'ranked', rank: 2, of: 3, route: 'standard' });
    expect(card.zone).toEqual({ kind: 'unavailable', reason: 'the zone inputs have no row for this customer.' });
  });

  it('explains a missing priority instead of inventing a rank', () => {
    const card = buildCustomerCard(
      customers[3] as (typeof customers)[number],
      customers,
      computePriority(customers),
      null,
    );
    expect(card.priority).toEqual({
      kind: 'unavailable',
      reason: 'the latest value row lacks health, so it cannot be ranked.',
      missing: ['health'],
    });
  });

  it('takes tier medians over the tier rows having each value', () => {
    // Gold: health 3, 2, 1 → 2; churn 0.2, 0.5, 0.9 → 0.5; LTV 9000, 3000 → 6000; RFM 5, 3, 1 → 3.
    expect(tierMedians('Gold', customers)).toEqual({
      tier: 'Gold',
      n: 3,
      medians: { health: 2, churn: 0.5, ltv: 6000, rfm: 3 },
    });
  });
});

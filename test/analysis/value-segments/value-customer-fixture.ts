import type { ValueCustomer } from '../../../src/analysis/value-segments/value-customer.js';

/** A value row with every field NULL except the email, overridden per test. */
export function valueCustomer(email: string, overrides: Partial<ValueCustomer> = {}): ValueCustomer {
  return {
    email,
    organization: null,
    tier: null,
    portfolioPct: null,
    stage: null,
    recency: null,
    frequency: null,
    monetary: null,
    health: null,
    churn: null,
    ltv: null,
    revenue: null,
    accountAgeDays: null,
    daysSinceLastActivity: null,
    rfmSegment: null,
    engagementModel: null,
    previous: null,
    ...overrides,
  };
}

export function rfm(r: number, f: number, m: number) {
  return { recency: r, frequency: f, monetary: m };
}

/**
 * The i-th customer of a varied synthetic population (RFM scores, health, churn, tier and portfolio share cycle at
 * different periods), named `organization`: enough spread for ranked charts without hand-writing each row.
 */
export function variedCustomer(i: number, organization: string): ValueCustomer {
  return valueCustomer(`c${i}@x.com`, {
    ...rfm((i % 5) + 1, ((i * 3) % 5) + 1, ((i * 7) % 5) + 1),
    health: 1 + (i % 4),
    churn: (i % 10) / 10,
    tier: i % 3 === 0 ? 'Gold' : 'Basic',
    portfolioPct: i % 3 === 0 ? 0.2 : 0.01,
    organization,
  });
}

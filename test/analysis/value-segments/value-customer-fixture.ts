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

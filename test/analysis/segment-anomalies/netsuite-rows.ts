import type { NetsuiteCustomer } from '../../../src/analysis/segment-anomalies/netsuite-customer.js';

let nextId = 1;

/** A NetSuite customer with every input present and neutral values; override what a test is about. */
export function customer(overrides: Partial<NetsuiteCustomer> = {}): NetsuiteCustomer {
  return {
    customerId: `NET${String(nextId++).padStart(11, '0')}`,
    name: 'Acme Corp',
    segment: 'Premium',
    stage: 'Mature',
    seasonalPreference: 'Q4 Peak',
    retention: 0.5,
    totalRevenue: 900,
    score: 100,
    transactionCount: 10,
    avgTransactionsPerMonth: 2,
    ageDays: 300,
    volatility: 0.5,
    q1: 2,
    q2: 2,
    q3: 2,
    q4: 4,
    ...overrides,
  };
}

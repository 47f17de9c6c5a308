import { describe, expect, it } from 'vitest';
import { selectPriority } from '../../../src/analysis/priority/priority-filter.js';
import { computePriority } from '../../../src/analysis/priority/priority-score.js';
import { rfm, valueCustomer } from '../value-segments/value-customer-fixture.js';

// Priorities (0.4·norm rfm + 0.4·norm health − 0.2·churn, rfm 1–5, health 1–3):
// g1 0.76 (Gold HV Growth), p1 0.54 (Platinum Other Retention), s1 0.30 (Silver SMB Dormant), b1 −0.16 (Basic SMB Dormant)
const ranked = computePriority([
  valueCustomer('g1@x.com', {
    ...rfm(5, 5, 5),
    health: 3,
    churn: 0.2,
    tier: 'Gold',
    portfolioPct: 0.2,
    stage: 'Growth',
  }),
  valueCustomer('p1@x.com', {
    ...rfm(4, 5, 3),
    health: 2.5,
    churn: 0.3,
    tier: 'Platinum',
    portfolioPct: 0.01,
    stage: 'Retention',
  }),
  valueCustomer('s1@x.com', {
    ...rfm(3, 3, 3),
    health: 2,
    churn: 0.5,
    tier: 'Silver',
    portfolioPct: 0.01,
    stage: 'Dormant',
  }),
  valueCustomer('b1@x.com', {
    ...rfm(1, 1, 1),
    health: 1,
    churn: 0.8,
    tier: 'Basic',
    portfolioPct: 0.01,
    stage: 'Dormant',
  }),
]).ranked;

const emails = (rows: readonly { customer: { email: string } }[]) => rows.map((r) => r.customer.email);

describe('analysis/priority/priority-filter', () => {
  it('keeps the top N in rank order', () => {
    const selection = selectPriority(ranked, {}, 2);
    expect(emails(selection.top)).toEqual(['g1@x.com', 'p1@x.com']);
    expect(selection.matched).toHaveLength(4);
    expect(selection.emptyFilter).toBeNull();
  });

  it('matches tier and stage case-insensitively and segment exactly', () => {
    expect(emails(selectPriority(ranked, { tier: 'gold' }, 10).top)).toEqual(['g1@x.com']);
    expect(emails(selectPriority(ranked, { segment: 'SMB', stage: 'dormant' }, 10).top)).toEqual([
      's1@x.com',
      'b1@x.com',
    ]);
  });

  it('names the filter that matched nothing and the values present before it', () => {
    expect(selectPriority(ranked, { tier: 'Diamond' }, 10).emptyFilter).toEqual({
      key: 'tier',
      value: 'Diamond',
      present: ['Basic', 'Gold', 'Platinum', 'Silver'],
    });
    expect(selectPriority(ranked, { segment: 'SMB', stage: 'Growth' }, 10).emptyFilter).toEqual({
      key: 'stage',
      value: 'Growth',
      present: ['Dormant'],
    });
  });

  it('filters by zone through the lookup it is given', () => {
    const zoneOf = (email: string) => (email.startsWith('s') || email.startsWith('b') ? 'red' : 'green');
    expect(emails(selectPriority(ranked, { zone: 'red' }, 10, zoneOf).top)).toEqual(['s1@x.com', 'b1@x.com']);
    expect(selectPriority(ranked, { zone: 'yellow' }, 10, zoneOf).emptyFilter).toMatchObject({
      key: 'zone',
      present: ['green', 'red'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { closest, FUZZY_QUERY_LIMIT, findCustomer } from '../../../src/analysis/customer-card/find-customer.js';
import { valueCustomer } from '../value-segments/value-customer-fixture.js';

const customers = [
  valueCustomer('jane@acme.com', { organization: 'Acme Corp' }),
  valueCustomer('joe@acme.com', { organization: 'Acme Corp' }),
  valueCustomer('ann@globex.com', { organization: 'Globex' }),
];
const none = { idEmails: [], nameEmails: [] };

describe('analysis/customer-card/find-customer', () => {
  it('matches a cleaned email exactly', () => {
    expect(findCustomer('  JANE@Acme.com ', customers, none)).toMatchObject({
      kind: 'one',
      method: 'email',
      customer: { email: 'jane@acme.com' },
    });
  });

  it('finds the last row of an email held twice, as the email map it replaced did', () => {
    const twice = [...customers, valueCustomer('jane@acme.com', { organization: 'Acme Later' })];
    expect(findCustomer('jane@acme.com', twice, none)).toMatchObject({
      kind: 'one',
      customer: { organization: 'Acme Later' },
    });
  });

  it('prefers customer360_id hits, then organisation or name substrings', () => {
    expect(
      findCustomer('C-1', customers, { idEmails: ['ann@globex.com', 'unknown@x.com'], nameEmails: [] }),
    ).toMatchObject({
      kind: 'one',
      method: 'customer360_id',
    });
    expect(findCustomer('globex', customers, none)).toMatchObject({ kind: 'one', method: 'name' });
    expect(findCustomer('Ann Lee', customers, { idEmails: [], nameEmails: ['ann@globex.com'] })).toMatchObject({
      kind: 'one',
      customer: { email: 'ann@globex.com' },
    });
  });

  it('lists several matches by organisation then email', () => {
    const match = findCustomer('acme', customers, none);
    expect(match.kind).toBe('several');
    if (match.kind === 'several') expect(match.matches.map((c) => c.email)).toEqual(['jane@acme.com', 'joe@acme.com']);
  });

  it('marks the count as a lower bound when the name search was capped', () => {
    const capped = findCustomer('acme', customers, { idEmails: [], nameEmails: [], nameMatchesTruncated: true });
    expect(capped).toMatchObject({ kind: 'several', total: 2, totalIsLowerBound: true });
    expect(findCustomer('acme', customers, none)).toMatchObject({ kind: 'several', totalIsLowerBound: false });
  });

  it('suggests the closest emails (not company names) when an email matches nothing', () => {
    // From "jane@acme.con": jane@acme.com 1 (n→m); joe@acme.com 3 (a→o, −n, n→m); ann@globex.com 8.
    // "acme corp" is also 8 away but is a company name, so it is not offered for an email typo.
    expect(findCustomer('jane@acme.con', customers, none)).toEqual({
      kind: 'none',
      suggestions: ['jane@acme.com', 'joe@acme.com', 'ann@globex.com'],
    });
    expect(closest('globx', customers, 1)).toEqual(['Globex']);
  });

  it('bounds the closest-match search to the first FUZZY_QUERY_LIMIT characters of a long query', () => {
    const prefix = `globx${'z'.repeat(FUZZY_QUERY_LIMIT - 5)}`;
    expect(closest(`${prefix}${'q'.repeat(10_000)}`, customers)).toEqual(closest(prefix, customers));
    expect(closest(prefix, customers)[0]).toBe('Globex');
  });
});

import { describe, expect, it } from 'vitest';
import { closest, findCustomer } from '../../../src/analysis/customer-card/find-customer.js';
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

  it('suggests the closest emails and organisations when nothing matches', () => {
    // From "jane@acme.con": jane@acme.com 1 (n→m); joe@acme.com 3 (a→o, −n, n→m);
    // "acme corp" 8 (−jane@ 5, .→space, n→r, +p) ties ann@globex.com 8 → alphabetical, "Acme Corp" first.
    expect(findCustomer('jane@acme.con', customers, none)).toEqual({
      kind: 'none',
      suggestions: ['jane@acme.com', 'joe@acme.com', 'Acme Corp'],
    });
    expect(closest('globx', customers, 1)).toEqual(['Globex']);
  });
});

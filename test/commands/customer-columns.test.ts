import { describe, expect, it } from 'vitest';
import { tierMedians } from '../../src/analysis/customer-card/build-card.js';
import { priorityStanding } from '../../src/analysis/priority/priority-score.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { customerCommand, customerLookupOnRows } from '../../src/commands/customer/customer-command.js';
import { customerLookupOnColumns } from '../../src/commands/customer/customer-on-columns.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { lookupHints } from '../../src/data/queries/customer-lookup.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../../src/data/queries/value-customers.js';
import { type LoadedPriorityColumns, loadPriorityColumns } from '../../src/data/queries/value-priority-columns.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

async function answer(warehouse: Warehouse, text: string): Promise<string> {
  const context: CommandContext = {
    warehouse: () => warehouse,
    now: () => new Date('2026-11-23T00:00:00Z'),
    locale: 'en',
  };
  const outcome = await runCommand(customerCommand, text, context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return JSON.stringify(outcome.answer);
}

/** Emails (some upper-cased, one absent), ids, parts of names and organisations, one letter, nonsense. */
function queriesFor(warehouse: Warehouse, emails: readonly string[]): string[] {
  const queries = new Set<string>(['a', 'zz', 'no such customer', 'nobody@example.invalid', 'jane@acme.con']);
  emails.forEach((email, i) => {
    if (i % 311 === 0) queries.add(i % 2 === 0 ? email : ` ${email.toUpperCase()} `);
  });
  const rows = warehouse.rawRows(
    `SELECT customer360_id, full_name, organization_name FROM customer360__customer WHERE rowid % 211 = 3 LIMIT 6`,
  );
  for (const [id, name, organization] of rows) {
    if (typeof id === 'string') queries.add(id);
    if (typeof name === 'string') queries.add(name);
    if (typeof organization === 'string') queries.add(organization.slice(2, 9));
  }
  return [...queries];
}

describe('commands/customer on the value columns', () => {
  it('answers the demo through the snapshot cache byte for byte as the row path answers it', async () => {
    const path = ensureDemoWarehouse('full');
    const cached = openCachedTestWarehouse(path);
    const plain = openTestWarehouse(path);
    expect(loadPriorityColumns(cached, 'the test')).not.toBeNull();
    expect(loadPriorityColumns(plain, 'the test')).toBeNull();
    const { customers } = loadValueCustomers(plain, VALUE_PRIORITY_COLUMNS, { neededFor: 't', withPrevious: true });
    const queries = queriesFor(
      plain,
      customers.map((c) => c.email),
    );
    expect(queries.length).toBeGreaterThan(20);
    for (const text of queries) expect(await answer(cached, text), text).toBe(await answer(plain, text));
  });

  it('finds the same match, rank and tier medians as findCustomer, priorityStanding and tierMedians', () => {
    const cached = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const columns = loadPriorityColumns(cached, 'the test') as LoadedPriorityColumns;
    const { customers } = loadValueCustomers(cached, VALUE_PRIORITY_COLUMNS, { neededFor: 't', withPrevious: true });
    expect(columns.cacheRows.rows.length).toBe(customers.length);
    let withPrevious = 0;
    let several = 0;
    for (const query of queriesFor(
      cached,
      customers.map((c) => c.email),
    )) {
      const hints = query.includes('@') ? { idEmails: [], nameEmails: [] } : lookupHints(cached, query).hints;
      const byRows = customerLookupOnRows(customers, query, hints);
      const byColumns = customerLookupOnColumns(columns, query, hints);
      expect(byColumns.match, query).toEqual(byRows.match);
      if (byColumns.match.kind === 'several') several++;
      if (byColumns.match.kind !== 'one' || byRows.match.kind !== 'one') continue;
      if (byColumns.match.customer.previous !== null) withPrevious++;
      expect(byColumns.standing(byColumns.match.customer), query).toEqual(byRows.standing(byRows.match.customer));
    }
    expect(several).toBeGreaterThan(0);
    // Every customer's standing, a few hundred of them, previous rows and ties among them.
    const lookup = customerLookupOnColumns(columns, customers[0]?.email as string, { idEmails: [], nameEmails: [] });
    for (let i = 0; i < customers.length; i += 13) {
      const customer = columns.customerAt(i);
      expect(customer).toEqual(customers[i]);
      if (customer.previous !== null) withPrevious++;
      const expected = priorityStanding(customers, customer.email);
      const found = customerLookupOnColumns(columns, customer.email, { idEmails: [], nameEmails: [] });
      expect(found.standing(found.match.kind === 'one' ? found.match.customer : customer)).toEqual({
        n: expected.n,
        ranked: expected.row === null ? [] : [expected.row],
      });
    }
    expect(withPrevious).toBeGreaterThan(0);
    for (const tier of new Set(customers.map((c) => c.tier))) {
      if (tier !== null) expect(lookup.tierMedians(tier)).toEqual(tierMedians(tier, customers));
    }
    expect(lookup.tierMedians('No such tier')).toEqual(tierMedians('No such tier', customers));
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadSalesByCustomerId, reduceSalesByCustomerId } from '../../src/data/queries/customer-sales.js';
import { readCustomerIdSales } from '../../src/data/snapshot-cache/customer-id-sales.js';
import { writeCustomerLookup } from '../../src/data/snapshot-cache/customer-lookup-build.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Sales per customer360_id taken along by the /customer index's id pass (customer-id-sales.ts) against the SQL
 * reduction it replaces in the build (loadSalesByCustomerId) and the reduction over every id: ids spelled with
 * whitespace, as numbers and as text; header flags as text; sales as text, not numbers, or NULL; ids whose every row
 * has no email (no pair in the index, still a sales figure); ids only the mapping gives (pairs, no customer row);
 * code points above U+FFFF against U+E000.
 */
function messyExport(): string {
  const path = join(tempDir(), 'messy.sqlite');
  const db = new Database(path);
  db.exec(`
    CREATE TABLE customer360__customer (customer360_id, email, is_organization_header, total_sales_amount,
      full_name, organization_name);
    INSERT INTO customer360__customer VALUES
      ('b', 'Jane@Acme.com', 0, 100, 'Jane Doe', 'Acme'),
      ('a', ' jane@acme.com', 0, 200, 'JANE DOE', 'ACME'),
      ('a', 'jane@acme.com', 0, 'n/a', 'Jane Doe', NULL),
      ('a', 'jane@acme.com', 1, 250, 'Jane Doe', NULL),
      ('a', 'jane@acme.com', 1, 260, 'Jane Doe', NULL),
      (10, 'bob@x.org', ' 1 ', ' 300 ', NULL, 'Bob Co'),
      ('9', 'bob@x.org', 1, 400, 42, 'Bob Co'),
      ('9', 'BOB@x.org', '0', '1e3', '42', 'Bob Co'),
      (NULL, 'zoë@x.org', NULL, NULL, 'Zoë', 'Ü GmbH'),
      ('${'\u{1F600}'}', 'zoë@x.org', 0, 5, 'Zoë', 'Ü GmbH'),
      ('${'\uE000'}', 'zoë@x.org', 0, 6, NULL, NULL),
      (' 7 ', NULL, 1, 10, 'Nobody', 'None'),
      (7.0, 'seven@x.org', 0, 1, 'Seven', NULL),
      ('alone', NULL, 0, 11, 'Alone', NULL),
      ('alone', '   ', 1, 'x', 'Alone', NULL),
      (' alone ', NULL, 0, 12, 'Alone', NULL),
      ('nosales', NULL, 0, NULL, NULL, NULL),
      ('nosales', 'ns@x.org', 0, 'none', NULL, NULL),
      ('', 'blank@x.org', 1, 99, NULL, NULL),
      ('36000000045', 'map@x.org', 0, 2, 'Map', 'Ping');
    CREATE TABLE customer360__customer_value_analysis (primary_email, analysis_timestamp,
      zendesk_user_id, marketo_lead_id, stripe_customer_id);
    INSERT INTO customer360__customer_value_analysis VALUES
      ('jane@acme.com', '2024-05-01', 'z1', NULL, NULL), ('m5@x.org', '2024-05-01', 'zz', NULL, NULL);
    CREATE TABLE customer360__mapping (customer360_id, zendesk_user_id, marketo_lead_id, stripe_customer_id);
    INSERT INTO customer360__mapping VALUES ('m1', 'z1', NULL, NULL), ('m5', 'zz', NULL, NULL), ('a', 'z1', NULL, NULL);
  `);
  db.close();
  return path;
}

function idSalesOf(path: string, batchRows: number) {
  const warehouse = openTestWarehouse(path);
  const folder = tempDir('radar-id-sales-');
  const lookup = join(folder, 'customer-lookup');
  const sales = join(folder, 'id-sales');
  writeCustomerLookup(warehouse, lookup, 'ids', batchRows, sales);
  const read = readCustomerIdSales(sales, lookup);
  if (!read) throw new Error('the id pass wrote no sales per id');
  return { warehouse, read };
}

describe('data/sales per customer360_id from the /customer index id pass', () => {
  it('gives loadSalesByCustomerId’s answer for every id, and nothing for ids without a customer row', () => {
    for (const batchRows of [2, 1024]) {
      const { warehouse, read } = idSalesOf(messyExport(), batchRows);
      const all = reduceSalesByCustomerId(warehouse);
      expect(all.get('alone')).toBe(11);
      expect(all.get('a')).toBe(250);
      const asked = [...all.keys(), 'm1', 'm5', 'missing', '', ' a '];
      expect(read(asked)).toEqual(loadSalesByCustomerId(warehouse, asked));
      expect(read(asked)).toEqual(all);
      expect(read([])).toEqual(new Map());
    }
  });

  it('agrees with the reduction over every id on the demo export', () => {
    const { warehouse, read } = idSalesOf(ensureDemoWarehouse('full'), 1000);
    const all = reduceSalesByCustomerId(warehouse);
    expect(all.size).toBeGreaterThan(1000);
    expect(read([...all.keys(), 'no such id'])).toEqual(all);
  });
});

import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { quoteIdentifier } from '../../src/data/inspect-schema.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

function pagedRows(
  warehouse: Warehouse,
  table: string,
  columns: string,
  where: string | undefined,
  pageRows?: number,
): unknown[][] {
  const rows: unknown[][] = [];
  warehouse.eachTableRow(table, columns, where, (row) => rows.push(row), pageRows);
  return rows;
}

/** The statement eachTableRow stands for, run as one plain scan. */
function plainRows(warehouse: Warehouse, table: string, columns: string, where: string | undefined): unknown[][] {
  const filter = where === undefined ? '' : ` WHERE ${where}`;
  return warehouse.rawRows(`SELECT rowid, ${columns} FROM ${quoteIdentifier(table)}${filter}`, [], { cache: false });
}

describe('data/open-warehouse eachTableRow', () => {
  const open = () => openTestWarehouse(ensureDemoWarehouse('full'));
  const mapping = WAREHOUSE_TABLES.mapping.name;
  const value = WAREHOUSE_TABLES.value.name;
  const columns = 'customer360_id, zendesk_user_id, marketo_lead_id';
  const where = 'zendesk_user_id IS NOT NULL OR marketo_lead_id IS NOT NULL';

  it('gives the rows of the plain scan, in its order, whatever the page size', () => {
    const warehouse = open();
    const expected = plainRows(warehouse, mapping, columns, undefined);
    expect(expected.length).toBeGreaterThan(1000);
    for (const pageRows of [1, 7, 512, expected.length, expected.length + 1]) {
      expect(pagedRows(warehouse, mapping, columns, undefined, pageRows), `pages of ${pageRows}`).toEqual(expected);
    }
  });

  it('gives the rows a WHERE clause keeps, as the plain scan with that clause', () => {
    const warehouse = open();
    const expected = plainRows(warehouse, mapping, columns, where);
    const all = plainRows(warehouse, mapping, columns, undefined);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    for (const pageRows of [3, 512]) {
      expect(pagedRows(warehouse, mapping, columns, where, pageRows), `pages of ${pageRows}`).toEqual(expected);
    }
  });

  it('gives a table whose last page is full (rows a multiple of the page) every row once', () => {
    const warehouse = open();
    const expected = plainRows(warehouse, value, 'primary_email', undefined);
    const divisor = [7, 5, 4, 3, 2].find((d) => expected.length % d === 0) ?? 1;
    expect(pagedRows(warehouse, value, 'primary_email', undefined, expected.length / divisor)).toEqual(expected);
  });
});

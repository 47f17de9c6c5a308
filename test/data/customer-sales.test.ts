import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { quoteIdentifier } from '../../src/data/inspect-schema.js';
import { loadSalesByCustomerId, reduceSalesByCustomerId } from '../../src/data/queries/customer-sales.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { TABLE_IDS } from '../../src/data/warehouse-schema.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/*
 * Ids by hand (the one-row rule: rows with sales first, then the header, then the smallest id as text, then rowid):
 *   C1: three rows, the header has NULL sales → the non-headers with sales; both id 'C1' → smallest rowid: 10.
 *   C2: ' C2 ' and 'C2' clean to one id; the second is the header → 20.
 *   C3: sales only as text '  35 ' → 35; 'n/a' does not count as sales.
 *   C4: no row has sales → NULL, but the id is there.
 *   5: stored as the real 5.0, asked for as '5' → 50.
 */
const CUSTOMERS = [
  { customer360_id: 'C1', email: 'a@x.io', is_organization_header: 1, total_sales_amount: null },
  { customer360_id: 'C1', email: 'a@x.io', is_organization_header: 0, total_sales_amount: 10 },
  { customer360_id: 'C1', email: 'b@x.io', is_organization_header: 0, total_sales_amount: 11 },
  { customer360_id: ' C2 ', email: 'c@x.io', is_organization_header: 0, total_sales_amount: 21 },
  { customer360_id: 'C2', email: 'c@x.io', is_organization_header: '1', total_sales_amount: 20 },
  { customer360_id: 'C3', email: 'd@x.io', is_organization_header: 1, total_sales_amount: 'n/a' },
  { customer360_id: 'C3', email: 'd@x.io', is_organization_header: 0, total_sales_amount: '  35 ' },
  { customer360_id: 'C4', email: 'e@x.io', is_organization_header: 0, total_sales_amount: null },
  { customer360_id: 5.0, email: 'f@x.io', is_organization_header: 0, total_sales_amount: 50 },
  { customer360_id: 'C9', email: 'g@x.io', is_organization_header: 0, total_sales_amount: 90 },
];

describe('data/customer-sales', () => {
  it('reduces only the ids asked for, to the row the reduction over every id picks', () => {
    const path = join(tempDir('radar-sales-'), 'w.sqlite');
    createFixtureWarehouse(path, { customer: CUSTOMERS }, { declaredTypes: { customer: { customer360_id: '' } } });
    const warehouse = openTestWarehouse(path);
    const asked = ['C1', 'C2', 'C3', 'C4', '5', 'missing'];
    const narrowed = loadSalesByCustomerId(warehouse, asked);
    expect(Object.fromEntries(narrowed)).toEqual({ C1: 10, C2: 20, C3: 35, C4: null, '5': 50 });
    // The plain method: every id reduced, then the asked ones kept.
    const all = reduceSalesByCustomerId(warehouse);
    expect(all.get('C9')).toBe(90);
    expect(narrowed).toEqual(new Map([...all].filter(([id]) => asked.includes(id))));
    expect(loadSalesByCustomerId(warehouse, [])).toEqual(new Map());
  });

  it('gives the same reduction as over every id on the demo export, for a sample of ids', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const all = reduceSalesByCustomerId(warehouse);
    const asked = [...all.keys()].filter((_, i) => i % 7 === 0);
    expect(asked.length).toBeGreaterThan(100);
    expect(loadSalesByCustomerId(warehouse, asked)).toEqual(new Map(asked.map((id) => [id, all.get(id) ?? null])));
  });

  it("counts a table's rows from the snapshot cache as COUNT(*) counts them", () => {
    const root = mkdtempSync(join(tmpdir(), 'radar-row-counts-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const cached = openTestWarehouse(ensureDemoWarehouse('full'));
    cached.snapshotCache = buildSnapshotCache(cached, root).cache;
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    for (const id of TABLE_IDS) {
      const info = plain.schema.tables.get(id);
      if (!info) continue;
      const counted = plain.firstRow<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(info.name)}`)?.n;
      expect(counted).toBeGreaterThan(0);
      expect(cached.rowCount(id), id).toBe(counted);
      expect(plain.rowCount(id), id).toBe(counted);
    }
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadSalesByCustomerId, loadSalesByEmail } from '../../src/data/queries/customer-sales.js';
import { loadInvestmentColumns } from '../../src/data/queries/investment-customers.js';
import { resolveThroughMapping, SOURCE_ID_ORDER } from '../../src/data/queries/investment-mapping.js';
import { readTable } from '../../src/data/read-table.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { INVESTMENT_SALES_FOLDER, investmentSalesOf } from '../../src/data/snapshot-cache/investment-sales.js';
import { mappedSalesOf } from '../../src/data/snapshot-cache/mapped-sales.js';
import { openSnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const demoPath = () => ensureDemoWarehouse('full');

function loaded(warehouse: ReturnType<typeof openTestWarehouse>) {
  const load = loadInvestmentColumns(warehouse, 'the test');
  if (load.kind !== 'loaded') throw new Error('expected the demo to have every column');
  return load;
}

describe('data/investment sales written with the snapshot cache', () => {
  it('joins sales per value row exactly as SQLite does, by email and through the mapping', () => {
    const cached = openTestWarehouse(demoPath());
    const build = buildSnapshotCache(cached, tempDir('radar-investment-sales-'));
    cached.snapshotCache = build.cache;
    expect(investmentSalesOf(build.cache)).toBeDefined();
    const fromCache = loaded(cached);
    const fromSqlite = loaded(openTestWarehouse(demoPath()));
    expect(fromSqlite.join.viaMapping.zendesk_user_id).toBeGreaterThan(0);
    expect(fromCache.join).toEqual(fromSqlite.join);
    expect(fromCache.valueReport).toEqual(fromSqlite.valueReport);
    // Same bits row by row (NaN where there are no sales).
    expect(Array.from(fromCache.columns.sales)).toEqual(Array.from(fromSqlite.columns.sales));
    expect(fromCache.columns.length).toBe(fromSqlite.columns.length);
  });

  it('without the written join, joins on the cached columns and the cached mapped sales to the same figures', () => {
    const root = tempDir('radar-investment-sales-');
    const plain = openTestWarehouse(demoPath());
    const { cache } = buildSnapshotCache(plain, root);
    rmSync(join(cache.directory, INVESTMENT_SALES_FOLDER), { recursive: true });
    const cached = openTestWarehouse(demoPath());
    cached.snapshotCache = openSnapshotCache(cache.directory, cache.manifest.source);
    expect(cached.snapshotCache && investmentSalesOf(cached.snapshotCache)).toBeUndefined();
    const fromCache = loaded(cached);
    const fromSqlite = loaded(openTestWarehouse(demoPath()));
    expect(fromCache.join).toEqual(fromSqlite.join);
    expect(Array.from(fromCache.columns.sales)).toEqual(Array.from(fromSqlite.columns.sales));
  });

  it('holds, for every value row whose email has no customer row, the sales its source ids resolve to', () => {
    const warehouse = openTestWarehouse(demoPath());
    const { cache } = buildSnapshotCache(warehouse, tempDir('radar-investment-sales-'));
    const mapped = mappedSalesOf(cache);
    if (!mapped) throw new Error('expected mapped sales for the demo');
    // The plain method: every value row (latest or not) without a customer email, resolved by SQLite.
    const byEmail = loadSalesByEmail(warehouse).sales;
    const rows = readTable(warehouse, 'value', ['primary_email', ...SOURCE_ID_ORDER], {
      neededFor: 'the test',
      snapshot: 'all',
    }).rows.filter((r) => !byEmail.has(r.primary_email as string));
    expect(rows.length).toBeGreaterThan(10);
    const entries = rows.map((r) => ({
      zendesk_user_id: (r.zendesk_user_id as string | null) ?? null,
      marketo_lead_id: (r.marketo_lead_id as string | null) ?? null,
      stripe_customer_id: (r.stripe_customer_id as string | null) ?? null,
    }));
    const resolved = resolveThroughMapping(warehouse, entries);
    const sales = loadSalesByCustomerId(warehouse, [...new Set(resolved.flatMap((m) => (m ? [m.customerId] : [])))]);
    let checked = 0;
    resolved.forEach((match, k) => {
      const entry = entries[k] as (typeof entries)[number];
      for (const column of SOURCE_ID_ORDER) {
        const id = entry[column];
        if (id === null) continue;
        // The first column whose id the cache knows is the column SQLite resolved through, with its sales.
        const cachedSales = mapped[column].get(id);
        if (cachedSales === undefined) continue;
        expect(match?.via).toBe(column);
        expect(cachedSales).toBe(sales.get(match?.customerId as string) ?? null);
        checked++;
        return;
      }
      expect(match).toBeNull();
    });
    expect(checked).toBeGreaterThan(10);
  });
});

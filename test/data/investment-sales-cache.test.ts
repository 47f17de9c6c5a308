import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadInvestmentColumns } from '../../src/data/queries/investment-customers.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { INVESTMENT_SALES_FOLDER, investmentSalesOf } from '../../src/data/snapshot-cache/investment-sales.js';
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

  it('without the written join, joins on the cached columns (the mapping in SQLite) to the same figures', () => {
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
});

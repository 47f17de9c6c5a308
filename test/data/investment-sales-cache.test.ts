import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadInvestmentColumns } from '../../src/data/queries/investment-customers.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { INVESTMENT_SALES_FOLDER, investmentSalesOf } from '../../src/data/snapshot-cache/investment-sales.js';
import { KEY_SPACES_FOLDER } from '../../src/data/snapshot-cache/key-spaces.js';
import { openSnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { writeInvestmentSales } from '../../src/data/snapshot-cache/write-investment-sales.js';
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

  it('writes the same join from a cache whose key spaces are not written yet (the parallel build), from the cache', () => {
    const warehouse = openTestWarehouse(demoPath());
    const { cache } = buildSnapshotCache(warehouse, tempDir('radar-investment-sales-'));
    const folder = join(cache.directory, INVESTMENT_SALES_FOLDER);
    const written = new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
    rmSync(folder, { recursive: true });
    rmSync(join(cache.directory, KEY_SPACES_FOLDER), { recursive: true });
    const reads = openTestWarehouse(demoPath());
    let sqlReads = 0;
    const rawRows = reads.rawRows.bind(reads);
    reads.rawRows = (...args: Parameters<typeof reads.rawRows>) => {
      // The mapping fallback reads SQLite by design; anything else means the cache was not used.
      if (!/mapping|json_each/.test(args[0])) sqlReads++;
      return rawRows(...args);
    };
    writeInvestmentSales(reads, cache.directory, cache.manifest, undefined, false);
    expect(sqlReads).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([...written.keys()].sort());
    for (const [name, bytes] of written) expect(readFileSync(join(folder, name)).equals(bytes), name).toBe(true);
  });
});

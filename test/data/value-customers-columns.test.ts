import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import {
  loadValueCustomers,
  VALUE_PRIORITY_COLUMNS,
  VALUE_SEGMENT_COLUMNS,
} from '../../src/data/queries/value-customers.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('data/value-customers from cached columns', () => {
  it('builds exactly the customers and report the row path builds, with and without the previous snapshot', () => {
    const path = ensureDemoWarehouse('full');
    const root = mkdtempSync(join(tmpdir(), 'radar-value-columns-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const cached = openTestWarehouse(path);
    cached.snapshotCache = buildSnapshotCache(cached, root).cache;
    const plain = openTestWarehouse(path);
    for (const columns of [VALUE_PRIORITY_COLUMNS, VALUE_SEGMENT_COLUMNS]) {
      for (const withPrevious of [true, false]) {
        const options = { neededFor: 'the test', withPrevious };
        const fromRows = loadValueCustomers(plain, columns, options);
        const fromColumns = loadValueCustomers(cached, columns, options);
        expect(fromColumns.report).toEqual(fromRows.report);
        expect(fromColumns.customers).toEqual(fromRows.customers);
        if (withPrevious) expect(fromRows.customers.some((c) => c.previous !== null)).toBe(true);
      }
    }
    expect(cached.snapshotCache?.misses).toBe(0);
  });
});

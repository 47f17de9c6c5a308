import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { computeValueSegments } from '../../src/analysis/value-segments/compute-value-segments.js';
import { computeValueSegmentsColumns } from '../../src/analysis/value-segments/value-segment-columns.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadValueCustomers, VALUE_SEGMENT_COLUMNS } from '../../src/data/queries/value-customers.js';
import { loadValueFunnel } from '../../src/data/queries/value-funnel.js';
import { loadValueSegmentColumns } from '../../src/data/queries/value-segment-columns.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { EmptyTableError } from '../../src/data/warehouse-errors.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('data/value-segment-columns on the demo', () => {
  it('gives /value-segments the row path’s result and report, from the snapshot cache and from SQLite', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const options = { neededFor: '/value-segments', withPrevious: false };
    const rows = loadValueCustomers(plain, VALUE_SEGMENT_COLUMNS, options);
    const { funnel, report: funnelReport } = loadValueFunnel(plain, '/value-segments');
    expect(funnel.available).toBe(true);
    const root = mkdtempSync(join(tmpdir(), 'radar-value-segment-columns-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const cached = openTestWarehouse(ensureDemoWarehouse('full'));
    cached.snapshotCache = buildSnapshotCache(cached, root).cache;
    for (const warehouse of [cached, openTestWarehouse(ensureDemoWarehouse('full'))]) {
      const loaded = loadValueSegmentColumns(warehouse, '/value-segments');
      expect(loaded.report).toEqual(rows.report);
      expect(loaded.funnelReport).toEqual(funnelReport);
      for (const cut of [0.05, 0.03]) {
        const result = computeValueSegmentsColumns(loaded.columns, loaded.funnel, cut);
        expect(result).toEqual(computeValueSegments(rows.customers, funnel, cut));
        expect(result.n).toBe(rows.customers.length);
      }
    }
    expect(cached.snapshotCache?.misses).toBe(0);
  });

  it('names /value-segments when the value table has no rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-value-segment-empty-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'warehouse.sqlite');
    copyFileSync(ensureDemoWarehouse('full'), path);
    const db = new Database(path);
    db.exec('DELETE FROM customer360__customer_value_analysis');
    db.close();
    const empty = openTestWarehouse(path);
    expect(() => loadValueSegmentColumns(empty, '/value-segments')).toThrow(EmptyTableError);
    expect(() => loadValueSegmentColumns(empty, '/value-segments')).toThrow(/\/value-segments/);
  });

  it('says why there are no funnel figures as loadValueFunnel does (the demo without activity and funnel rows)', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('empty-activity-funnel'));
    const loaded = loadValueSegmentColumns(warehouse, '/value-segments');
    expect(loaded.funnel).toEqual(loadValueFunnel(warehouse, '/value-segments').funnel);
    expect(loaded.funnel.available).toBe(false);
    expect(loaded.funnelReport).toBeNull();
  });
});

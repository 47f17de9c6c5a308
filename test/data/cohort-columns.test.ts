import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeColumn } from '../../src/analysis/columns/coded-column.js';
import { SOURCE_ID_ORDER } from '../../src/analysis/conversion-cohort/cohort-geography.js';
import { type CohortBounds, DEFAULT_COHORT_BOUNDS } from '../../src/analysis/conversion-cohort/cohort-inputs.js';
import { computeConversionCohortColumns } from '../../src/analysis/conversion-cohort/compute-cohort-columns.js';
import { computeConversionCohort } from '../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { selectCohort } from '../../src/analysis/conversion-cohort/select-cohort.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { loadCohortColumns } from '../../src/data/queries/cohort-columns.js';
import { loadCohortInputs } from '../../src/data/queries/cohort-inputs.js';
import { loadCohortGeography } from '../../src/data/queries/geography.js';
import { buildResolvedGeography, NO_ADDRESS, NO_CUSTOMER360 } from '../../src/data/queries/geography-resolution.js';
import { loadCohortGeographyFromRows } from '../../src/data/queries/geography-rows.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { storedGeographyOf } from '../../src/data/snapshot-cache/cohort-geography-store.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function cachedDemo(path = ensureDemoWarehouse('full')): Warehouse {
  const root = mkdtempSync(join(tmpdir(), 'radar-cohort-columns-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const warehouse = openTestWarehouse(path);
  warehouse.snapshotCache = buildSnapshotCache(warehouse, root).cache;
  return warehouse;
}

/**
 * The demo with its address rows moved onto the mapping's customer360_ids (the demo's two id sets do not meet), and
 * NULL and tied priorities and ranks, so the address choice is exercised.
 */
function demoWithAddresses(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-cohort-geo-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'warehouse.sqlite');
  copyFileSync(ensureDemoWarehouse('full'), path);
  const db = new Database(path);
  db.exec(`
    CREATE TEMP TABLE m AS SELECT id, row_number() OVER (ORDER BY id) AS n
      FROM (SELECT DISTINCT customer360_id AS id FROM customer360__mapping WHERE customer360_id IS NOT NULL);
    CREATE TEMP TABLE a AS SELECT id, row_number() OVER (ORDER BY id) AS n
      FROM (SELECT DISTINCT customer360_id AS id FROM customer360__address WHERE customer360_id IS NOT NULL);
    UPDATE customer360__address SET customer360_id =
      (SELECT m.id FROM a JOIN m ON m.n = a.n WHERE a.id = customer360__address.customer360_id);
    UPDATE customer360__address SET priority = NULL WHERE rowid % 5 = 0;
    UPDATE customer360__address SET rank = NULL WHERE rowid % 7 = 0;
    UPDATE customer360__address SET priority = 1, rank = 1 WHERE rowid % 11 = 0;
    UPDATE customer360__address SET customer360_id = NULL WHERE rowid % 13 = 0;
  `);
  db.close();
  return path;
}

const BOUNDS: readonly CohortBounds[] = [
  DEFAULT_COHORT_BOUNDS,
  { m2sMin: 5, m2sMax: 15, s2sAbove: 45, compositeAbove: 'mean' },
  { m2sMin: 0, m2sMax: 3650, s2sAbove: 0, compositeAbove: 40 },
];

describe('data/cohort-columns on the demo', () => {
  it('gives the cohort, reads and joins of the row path, from the snapshot cache and from SQLite', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const rows = loadCohortInputs(plain);
    for (const warehouse of [cachedDemo(), openTestWarehouse(ensureDemoWarehouse('full'))]) {
      const loaded = loadCohortColumns(warehouse, '/conversion-cohort');
      expect(loaded.reads).toEqual(rows.reads);
      expect(computeConversionCohortColumns(loaded.columns, DEFAULT_COHORT_BOUNDS).memberRows.length).toBe(965);
      for (const bounds of BOUNDS) {
        const expected = computeConversionCohort(rows.inputs, bounds);
        const { cohort } = computeConversionCohortColumns(loaded.columns, bounds);
        expect(cohort).toEqual(expected);
        expect(cohort.kind).toBe('ok');
      }
      if (warehouse.snapshotCache) expect(warehouse.snapshotCache.misses).toBe(0);
    }
  });

  it('resolves geography through mapping and address exactly as the row join does', () => {
    const path = demoWithAddresses();
    const plain = openTestWarehouse(path);
    const inputs = loadCohortInputs(plain).inputs;
    const members = selectCohort(inputs.activity, inputs.funnel, DEFAULT_COHORT_BOUNDS).members.map((m) => m.activity);
    expect(members.length).toBeGreaterThan(100);
    const expectedAll = loadCohortGeographyFromRows(plain, inputs.activity);
    const expectedMembers = loadCohortGeographyFromRows(plain, members);
    expect(expectedAll.join.locations.length).toBeGreaterThan(1000);
    expect(expectedMembers.join.locations.length).toBeGreaterThan(50);
    for (const warehouse of [cachedDemo(path), openTestWarehouse(path)]) {
      const loaded = loadCohortColumns(warehouse, 'the test');
      const all = inputs.activity.map((_, r) => r);
      const { memberRows } = computeConversionCohortColumns(loaded.columns, DEFAULT_COHORT_BOUNDS);
      const keysOf = (rows: readonly number[]) => rows.map((r) => inputs.activity[r]?.key as string);
      const ids = loaded.geographyIds;
      // From the cache, the join its build stored (write-cohort-geography.ts); from SQLite, the join built here.
      const cache = loaded.activityCache;
      expect(cache !== undefined).toBe(warehouse.snapshotCache !== undefined);
      if (cache) expect(storedGeographyOf(cache)).toBeDefined();
      expect(loadCohortGeography(warehouse, { keys: keysOf(all), rows: all, ids, cache })).toEqual(expectedAll);
      expect(loadCohortGeography(warehouse, { keys: keysOf(memberRows), rows: memberRows, ids, cache })).toEqual(
        expectedMembers,
      );
      // Customers resolving only through a later id type, in another order, keep the row path's order and counts.
      const shuffled = [...inputs.activity].reverse().map((c, i) => (i % 3 === 0 ? { ...c, zendeskUserId: null } : c));
      const shuffledIds = {
        zendesk_user_id: codeColumn(shuffled.map((c) => c.zendeskUserId)),
        marketo_lead_id: codeColumn(shuffled.map((c) => c.marketoLeadId)),
        stripe_customer_id: codeColumn(shuffled.map((c) => c.stripeCustomerId)),
      };
      const shuffledRows = shuffled.map((_, r) => r);
      expect(
        loadCohortGeography(warehouse, { keys: shuffled.map((c) => c.key), rows: shuffledRows, ids: shuffledIds }),
      ).toEqual(loadCohortGeographyFromRows(plain, shuffled));
      expect(loadCohortGeography(warehouse, { keys: [], rows: [], ids }).join.customers).toBe(0);
      if (warehouse.snapshotCache) expect(warehouse.snapshotCache.misses).toBe(0);
    }
  });

  it('stores at build time, per latest activity row, the join a command builds from the same columns', () => {
    const warehouse = cachedDemo(demoWithAddresses());
    const loaded = loadCohortColumns(warehouse, 'the test');
    const stored = loaded.activityCache && storedGeographyOf(loaded.activityCache);
    if (!stored) throw new Error('the cache build stored no geography join');
    const built = buildResolvedGeography(warehouse, loaded.geographyIds, 'the test');
    const { addressOfRow, address: _address, ...figures } = built;
    expect(stored.figures).toEqual(figures);
    const seen = { address: 0, noAddress: 0, noCustomer360: 0 };
    for (const column of SOURCE_ID_ORDER) {
      const expected = addressOfRow[column];
      const actual = stored.addressOfRow[column];
      expect(actual.length).toBe(loaded.geographyIds[column].indices.length);
      for (let r = 0; r < expected.length; r++) {
        expect(actual[r]).toBe(expected[r]);
        const at = expected[r] as number;
        if (at >= 0) seen.address++;
        else if (at === NO_ADDRESS) seen.noAddress++;
        else if (at === NO_CUSTOMER360) seen.noCustomer360++;
      }
    }
    // Every kind of outcome is there to compare: an address row, a customer360_id without one, no customer360_id.
    expect(seen.address).toBeGreaterThan(1000);
    expect(seen.noAddress).toBeGreaterThan(10);
    expect(seen.noCustomer360).toBeGreaterThan(10);
  });
});

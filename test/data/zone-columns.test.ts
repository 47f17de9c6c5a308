import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codedValue } from '../../src/analysis/columns/coded-column.js';
import { tallyZones } from '../../src/analysis/zones/compute-zones.js';
import { loadZones } from '../../src/commands/load-zones.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { loadActivityZoneColumns } from '../../src/data/queries/zone-columns.js';
import { loadZoneInputs, ZONE_ACTIVITY_COLUMNS } from '../../src/data/queries/zone-inputs.js';
import { readTable } from '../../src/data/read-table.js';
import { readTableColumns } from '../../src/data/read-table-columns.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import type { TypedColumn } from '../../src/data/snapshot-cache/column-store.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function cachedDemo(): Warehouse {
  const root = mkdtempSync(join(tmpdir(), 'radar-zone-columns-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
  warehouse.snapshotCache = buildSnapshotCache(warehouse, root).cache;
  return warehouse;
}

function valueAt(column: TypedColumn, r: number): unknown {
  if (column instanceof Float64Array) return Number.isNaN(column[r]) ? null : column[r];
  return codedValue(column, r);
}

describe('data/zone-columns', () => {
  it('reads the same rows, in the same order, with the same report as readTable, from the cache and from SQLite', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const rows = readTable(plain, 'activity', ZONE_ACTIVITY_COLUMNS, { neededFor: 'the test' });
    for (const warehouse of [cachedDemo(), openTestWarehouse(ensureDemoWarehouse('full'))]) {
      const read = readTableColumns(warehouse, 'activity', ZONE_ACTIVITY_COLUMNS, { neededFor: 'the test' });
      expect(read.report).toEqual(rows.report);
      expect(read.length).toBe(rows.rows.length);
      rows.rows.forEach((row, r) => {
        for (const c of ZONE_ACTIVITY_COLUMNS) expect(valueAt(read.columns[c] as TypedColumn, r)).toEqual(row[c]);
      });
    }
  });

  it('gives every customer the zone tallyZones gives over the row inputs, with the same counts', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const cached = cachedDemo();
    const byRows = tallyZones(loadZoneInputs(plain).inputs);
    const zones = loadZones(cached, 'the test');
    expect(loadActivityZoneColumns(cached, 'the test')).not.toBeNull();
    const { customers, ...summary } = byRows;
    expect(zones.result).toEqual(summary);
    expect(customers.length).toBeGreaterThan(4000);
    for (const c of customers) expect(zones.lookup(c.key)).toBe(c.zone);
    expect(zones.lookup('nobody@example.invalid')).toBeNull();
  });

  it('looks a list of customers up at once as one by one, before and after the full index is built', () => {
    const cached = cachedDemo();
    const byRows = tallyZones(loadZoneInputs(openTestWarehouse(ensureDemoWarehouse('full'))).inputs).customers;
    // Repeats, unknown emails and every other customer, in an order unlike the rows'.
    const emails = [
      'nobody@example.invalid',
      ...byRows
        .filter((_, i) => i % 2 === 0)
        .map((c) => c.key)
        .reverse(),
      byRows[0]?.key as string,
    ];
    const batch = loadZones(cached, 'the test').lookupAll(emails);
    expect(batch).toEqual(emails.map((e) => byRows.find((c) => c.key === e)?.zone ?? null));
    const columns = loadActivityZoneColumns(cached, 'the test');
    if (!columns) throw new Error('expected activity columns');
    const scanned = Array.from(columns.rowsOf(emails));
    const oneByOne = emails.map((e) => columns.rowOf(e) ?? -1);
    expect(scanned).toEqual(oneByOne);
    // rowOf has built the index now; the list answers from it the same.
    expect(Array.from(columns.rowsOf(emails))).toEqual(oneByOne);
    expect(loadZones(cached, 'the test').lookupAll(emails)).toEqual(batch);
    // From SQLite (emails coded by value, no key space), the list finds the same rows as one by one.
    const plain = loadActivityZoneColumns(openTestWarehouse(ensureDemoWarehouse('full')), 'the test');
    if (!plain) throw new Error('expected activity columns');
    const plainScanned = Array.from(plain.rowsOf(emails));
    expect(plainScanned).toEqual(emails.map((e) => plain.rowOf(e) ?? -1));
    expect(plainScanned).toEqual(scanned);
  });

  it('names the command when the activity table lacks rows, by falling back to the value table', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    // The demo has activity rows; a warehouse without the activity table takes the row path (value fallback).
    Object.defineProperty(plain.schema, 'tables', {
      value: new Map([...plain.schema.tables].filter(([id]) => id !== 'activity')),
    });
    expect(loadActivityZoneColumns(plain, 'the test')).toBeNull();
    expect(loadZones(plain, 'the test').result.method).toBe('value-fallback');
  });

  it('finds each email’s last row by scanning for the first lookups and through an index after, as a Map would', () => {
    for (const warehouse of [cachedDemo(), openTestWarehouse(ensureDemoWarehouse('full'))]) {
      const loaded = loadActivityZoneColumns(warehouse, 'the test');
      if (!loaded) throw new Error('the demo has an activity table');
      const byMap = new Map<string, number>();
      const { key } = loaded.columns;
      for (let r = 0; r < key.indices.length; r++) {
        const email = codedValue(key, r);
        if (email !== null) byMap.set(email, r);
      }
      const emails = [...byMap.keys()];
      // Lookups 1-8 scan the columns, the rest go through the index: both must give the Map's rows.
      for (const email of [...emails.slice(0, 6), 'nobody@example.invalid', ...emails.slice(-200)]) {
        expect(loaded.rowOf(email)).toBe(byMap.get(email));
      }
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CodedColumn, codeColumn, sharesKeys } from '../../src/analysis/columns/coded-column.js';
import { joinRows } from '../../src/analysis/columns/join-rows.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { readTableColumns } from '../../src/data/read-table-columns.js';
import { readStringColumn } from '../../src/data/snapshot-cache/column-store.js';
import {
  KEY_SPACES_FOLDER,
  KEY_SPACES_INDEX,
  type KeySpacesIndex,
  keyColumnName,
  keySpaceOf,
  writeKeySpaces,
} from '../../src/data/snapshot-cache/key-spaces.js';
import { SnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import type { TableId } from '../../src/data/warehouse-schema.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

const decoded = (column: CodedColumn) =>
  [...column.indices].map((k) => (k < 0 ? null : (column.dictionary[k] as string)));

describe('data/snapshot-cache key spaces on the demo', () => {
  it('codes every plain string column of the latest rows in its space, with the values SQLite gives', () => {
    const cached = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const built = cached.snapshotCache;
    if (!built) throw new Error('no cache');
    // The spaces written again with their values in batches of 97, so values are read across many record batches.
    writeKeySpaces(built.directory, built.manifest.tables, 97);
    const cache = new SnapshotCache(built.directory, built.manifest);
    cached.snapshotCache = cache;
    const index = JSON.parse(
      readFileSync(join(cache.directory, KEY_SPACES_FOLDER, KEY_SPACES_INDEX), 'utf8'),
    ) as KeySpacesIndex;
    const expectedColumns: Record<string, string> = {};
    for (const tableId of Object.keys(cache.manifest.tables) as TableId[]) {
      const entry = cache.manifest.tables[tableId];
      if (!entry) continue;
      for (const [column, type] of Object.entries(entry.columns)) {
        if (type === 'string' && readStringColumn(join(cache.directory, tableId, 'rank-1'), column).plain) {
          expectedColumns[keyColumnName(tableId, column)] = keySpaceOf(tableId, column);
        }
      }
    }
    expect(index.columns).toEqual(expectedColumns);
    // Every id and email the commands join on is there; emails of three tables share one space.
    for (const name of [
      'activity/primary_email',
      'funnel/primary_email',
      'value/primary_email',
      'mapping/zendesk_user_id',
      'address/customer360_id',
    ]) {
      expect(index.columns[name], name).toBeDefined();
    }
    expect(index.columns['funnel/primary_email']).toBe('email');

    const read = Object.keys(index.columns).map((name) => {
      const [tableId, column] = name.split('/') as [TableId, string];
      const fromCache = readTableColumns(cached, tableId, [column], { neededFor: 'the test' });
      const fromSql = readTableColumns(plain, tableId, [column], { neededFor: 'the test' });
      const coded = fromCache.columns[column] as CodedColumn;
      // One value at a time first, before any dictionary is decoded: a batch of values at a time.
      const oneByOne = [...coded.indices].map((k) => (k < 0 ? null : coded.keys?.value(k)));
      return { name, coded, oneByOne, expected: decoded(fromSql.columns[column] as CodedColumn) };
    });
    // Before any dictionary is decoded: a space orders two codes as < orders their values (bytes, across batches).
    for (const { name, coded } of read) {
      const keys = coded.keys;
      if (!keys?.before) throw new Error(`${name}: no key space`);
      const size = keys.size;
      for (let k = 0; k < 400; k++) {
        const a = (k * 7919) % size;
        const b = (k * 104729 + 13) % size;
        expect(keys.before(a, b), `${name} ${a} ${b}`).toBe(keys.value(a) < keys.value(b));
        expect(keys.before(a, a)).toBe(false);
      }
    }
    for (const { name, coded, oneByOne, expected } of read) {
      expect(coded.keys?.size, name).toBe(index.spaces[index.columns[name] as string]?.values);
      expect(oneByOne, name).toEqual(expected);
      expect(decoded(coded), name).toEqual(expected);
    }
    expect(cache.misses).toBe(0);
  });

  it('joins activity, funnel and value by email code with the rows a join of the strings gives', () => {
    const cached = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const email = (tableId: TableId) =>
      readTableColumns(cached, tableId, ['primary_email'], { neededFor: 'the test' }).columns
        .primary_email as CodedColumn;
    const [activity, funnel, value] = [email('activity'), email('funnel'), email('value')];
    expect(sharesKeys(activity, funnel) && sharesKeys(activity, value)).toBe(true);
    const apart = (column: CodedColumn) => codeColumn(decoded(column));
    for (const to of [funnel, value]) {
      const byCode = joinRows(activity, to);
      expect([...byCode]).toEqual([...joinRows(apart(activity), apart(to))]);
      expect(byCode.some((r) => r >= 0)).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { type CachedColumnRef, CachedRowJoins } from '../../src/data/snapshot-cache/cached-row-joins.js';
import type { SnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openCachedTestWarehouse } from '../helpers/open-test-warehouse.js';

const latest = (tableId: CachedColumnRef['tableId'], column: string): CachedColumnRef => ({ tableId, rank: 1, column });

describe('data/snapshot-cache joinedRows by key-space code', () => {
  it('gives the byte join’s rows, row by row, for emails across tables and for ids a table repeats', () => {
    const cache = openCachedTestWarehouse(ensureDemoWarehouse('full')).snapshotCache as SnapshotCache;
    // The reference: the same join on the stored bytes (what joinedRows did for every pair of plain columns).
    const byBytes = new CachedRowJoins(cache.directory, cache.manifest);
    const pairs: [CachedColumnRef, CachedColumnRef][] = [
      [latest('value', 'primary_email'), latest('activity', 'primary_email')],
      [latest('activity', 'primary_email'), latest('funnel', 'primary_email')],
      // The mapping repeats an id on several rows: the last one must win on both paths.
      [latest('activity', 'zendesk_user_id'), latest('mapping', 'zendesk_user_id')],
    ];
    const keysOf = (ref: CachedColumnRef) => {
      const column = cache.columns(ref.tableId, 1, [ref.column])?.columns[ref.column];
      return column && 'keys' in column ? column.keys : undefined;
    };
    for (const [from, to] of pairs) {
      // Both in one key space, so the join is by code.
      expect(keysOf(from)).toBeDefined();
      expect(keysOf(to)).toBe(keysOf(from));
      const expected = byBytes.joined(from, to) as Int32Array;
      const actual = cache.joinedRows(from, to) as Int32Array;
      expect(actual).not.toBe(expected);
      expect(actual.length).toBe(expected.length);
      let matched = 0;
      for (let r = 0; r < expected.length; r++) {
        expect(actual[r]).toBe(expected[r]);
        if ((expected[r] as number) >= 0) matched++;
      }
      expect(matched).toBeGreaterThan(100);
    }
    const mapping = cache.columns('mapping', 1, ['zendesk_user_id'])?.columns.zendesk_user_id;
    const ids = mapping && 'indices' in mapping ? mapping.indices : new Int32Array();
    const seen = new Set<number>();
    let repeated = 0;
    for (const code of ids) if (code >= 0 && (seen.has(code) || !seen.add(code))) repeated++;
    expect(repeated).toBeGreaterThan(0);
  });
});

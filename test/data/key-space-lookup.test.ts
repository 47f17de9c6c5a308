import { describe, expect, it } from 'vitest';
import type { CodedColumn } from '../../src/analysis/columns/coded-column.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { codesOfValues, valuesOfCodes } from '../../src/data/snapshot-cache/key-space-store.js';
import type { SnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openCachedTestWarehouse } from '../helpers/open-test-warehouse.js';

const LATEST = { tableId: 'value', rank: 1, column: 'primary_email' } as const;
const PREVIOUS = { ...LATEST, rank: 2 } as const;

describe('data/snapshot-cache lookups of single values', () => {
  it('finds the codes of emails on the key space bytes as the decoded values give them', () => {
    const cache = openCachedTestWarehouse(ensureDemoWarehouse('full')).snapshotCache as SnapshotCache;
    const emails = cache.columns('value', 1, ['primary_email'])?.columns.primary_email as CodedColumn;
    expect(emails.keys).toBeDefined();
    const dictionary = emails.dictionary;
    const some = [dictionary[5], dictionary[dictionary.length - 1], dictionary[777]] as string[];
    // A value that is part of another (a hit inside a value is not that value), absent values, repeats, the empty one.
    const cases = [
      [some[0] as string],
      [(some[1] as string).slice(1)],
      ['nobody@example.invalid'],
      [''],
      [...some, 'nobody@example.invalid', some[0] as string, (some[2] as string).slice(0, -1)],
    ];
    for (const values of cases) {
      const expected = Int32Array.from(dictionary, (value) => values.indexOf(value));
      expect(codesOfValues(emails, values)).toEqual(expected);
      expect(codesOfValues({ indices: emails.indices, dictionary }, values)).toEqual(expected);
    }
    const codes = [0, 5, 777, dictionary.length - 1];
    expect(valuesOfCodes(emails, codes)).toEqual(codes.map((c) => dictionary[c]));
  });

  it('finds one value’s last previous row as the join of every latest row finds it', () => {
    const cache = openCachedTestWarehouse(ensureDemoWarehouse('full')).snapshotCache as SnapshotCache;
    const latest = cache.columns('value', 1, ['primary_email'])?.columns.primary_email as CodedColumn;
    const joined = cache.joinedRows(LATEST, PREVIOUS) as Int32Array;
    let found = 0;
    for (let r = 0; r < latest.indices.length; r++) {
      const email = latest.dictionary[latest.indices[r] as number] as string;
      expect(cache.lastRowWithValue(PREVIOUS, email)).toBe(joined[r]);
      if ((joined[r] as number) >= 0) found++;
    }
    expect(found).toBeGreaterThan(0);
    expect(cache.lastRowWithValue(PREVIOUS, 'nobody@example.invalid')).toBe(-1);
  });
});

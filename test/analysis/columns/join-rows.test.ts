import { describe, expect, it } from 'vitest';
import {
  type CodedColumn,
  codeColumn,
  codedValue,
  type KeySpace,
  levelCount,
  sharesKeys,
} from '../../../src/analysis/columns/coded-column.js';
import { joinRows, keyJoin } from '../../../src/analysis/columns/join-rows.js';

/**
 * Columns coded in one key space, as the snapshot cache hands them out: codes in order of first appearance over all
 * the columns, one KeySpace object, and a dictionary that counts its reads (a cache decodes it only when read).
 */
function inOneSpace(...columns: (string | null)[][]): { columns: CodedColumn[]; dictionaryReads: () => number } {
  const whole = codeColumn(columns.flat());
  const keys: KeySpace = { size: whole.dictionary.length, value: (code) => whole.dictionary[code] as string };
  let reads = 0;
  let at = 0;
  const coded = columns.map((values) => {
    const indices = whole.indices.slice(at, at + values.length);
    at += values.length;
    return {
      indices,
      keys,
      get dictionary() {
        reads++;
        return whole.dictionary;
      },
    };
  });
  return { columns: coded, dictionaryReads: () => reads };
}

function randomKeys(seed: number, rows: number, pool: number): (string | null)[] {
  let s = seed;
  const random = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: rows }, () => (random() < 0.05 ? null : `k${Math.floor(random() * pool)}@x.io`));
}

describe('analysis/joinRows', () => {
  it('finds each key’s row in the other table, the later row on a repeated key, -1 for none or NULL', () => {
    const from = codeColumn(['a', null, 'b', 'c', 'a']);
    const to = codeColumn(['c', 'a', 'x', 'a']);
    expect([...joinRows(from, to)]).toEqual([3, -1, -1, 0, 3]);
    expect([...joinRows(codeColumn([]), to)]).toEqual([]);
  });

  it('joins columns of one key space by code, without reading a dictionary, as the join of their strings', () => {
    const fromValues = ['a', null, 'b', 'c', 'a'];
    const toValues = ['c', 'a', 'x', 'a'];
    const { columns, dictionaryReads } = inOneSpace(fromValues, toValues);
    const [from, to] = columns as [CodedColumn, CodedColumn];
    expect(sharesKeys(from, to)).toBe(true);
    expect(levelCount(from)).toBe(4);
    expect([...joinRows(from, to)]).toEqual([3, -1, -1, 0, 3]);
    expect(dictionaryReads()).toBe(0);
    expect(codedValue(from, 3)).toBe('c');
    expect(dictionaryReads()).toBe(0);
  });

  it('gives the same rows by code and by string on 5,000 random keys, from one column to several', () => {
    const values = [randomKeys(1, 5000, 3000), randomKeys(2, 4000, 3000), randomKeys(3, 100, 50), []];
    const { columns } = inOneSpace(...values);
    const [from, ...others] = columns as [CodedColumn, ...CodedColumn[]];
    const separately = values.map((v) => codeColumn(v));
    const byString = keyJoin(separately[0] as CodedColumn);
    const byCode = keyJoin(from);
    others.forEach((to, i) => {
      const expected = byString(separately[i + 1] as CodedColumn);
      expect([...byCode(to)]).toEqual([...expected]);
      // A space column joined to a column coded apart goes through the strings, with the same rows.
      expect([...byCode(separately[i + 1] as CodedColumn)]).toEqual([...expected]);
    });
    expect(sharesKeys(from, separately[0] as CodedColumn)).toBe(false);
  });
});

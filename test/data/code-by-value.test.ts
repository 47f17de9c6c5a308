import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeColumn } from '../../src/analysis/columns/coded-column.js';
import { codeUtf8ByValue, joinUtf8ByValue, type Utf8Rows } from '../../src/data/snapshot-cache/code-by-value.js';
import { readStringColumn } from '../../src/data/snapshot-cache/column-store.js';
import { ColumnWriter } from '../../src/data/snapshot-cache/column-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `values` as a plain Utf8 column in batches of `batchRows` and reads its chunks back. */
function stored(values: readonly (string | null)[], batchRows: number): Utf8Rows {
  const dir = mkdtempSync(join(tmpdir(), 'radar-code-by-value-'));
  dirs.push(dir);
  const writer = new ColumnWriter(join(dir, 'ids.arrow'), 'string', 'plain', batchRows);
  for (const value of values) writer.push(value);
  writer.finish();
  const { indices, dictionary, plain } = readStringColumn(dir, 'ids');
  expect(plain).toBe(true);
  return { chunks: dictionary, rowCodes: indices };
}

/** Writes `values` as a plain Utf8 column, reads it back and codes it by value. */
function roundTrip(values: readonly (string | null)[], batchRows: number) {
  const { chunks, rowCodes } = stored(values, batchRows);
  return codeUtf8ByValue(chunks, rowCodes);
}

/** The join by a Map of strings filled in row order (the last row of a value wins). */
function joinByMap(from: readonly (string | null)[], to: readonly (string | null)[]): number[] {
  const rowOf = new Map<string, number>();
  to.forEach((value, row) => {
    if (value !== null) rowOf.set(value, row);
  });
  return from.map((value) => (value === null ? -1 : (rowOf.get(value) ?? -1)));
}

describe('data/snapshot-cache codeUtf8ByValue', () => {
  it('codes ids and emails by distinct value across batches, as a Map of the decoded strings does', () => {
    const values = [
      'a@x.com',
      'b@x.com',
      null,
      'a@x.com',
      '',
      '王芳@例子.中国',
      'иван@пример.рф',
      'b@x.com',
      '王芳@例子.中国',
      '',
      null,
      'é',
      'e\u0301', // same letter on screen, different bytes: a different key, as for a Map of strings
      'иван@пример.рф',
      'a@x.co',
    ];
    // Batches of 4: duplicates sit in other batches, one batch is all ASCII and others are not.
    const coded = roundTrip(values, 4);
    const expected = codeColumn(values);
    expect([...coded.indices]).toEqual([...expected.indices]);
    expect(coded.dictionary).toEqual(expected.dictionary);
    expect(coded.dictionary).toEqual([
      'a@x.com',
      'b@x.com',
      '',
      '王芳@例子.中国',
      'иван@пример.рф',
      'é',
      'e\u0301',
      'a@x.co',
    ]);
  });

  it('agrees with a Map of strings on 20,000 rows drawn from 3,000 values (hash collisions and probing)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pool = Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? `客户${i}@例子.cn` : `c${i}@acme.io`));
    const values = Array.from({ length: 20_000 }, () =>
      random() < 0.02 ? null : (pool[Math.floor(random() * pool.length)] as string),
    );
    const coded = roundTrip(values, 4096);
    const expected = codeColumn(values);
    expect(coded.dictionary.length).toBe(expected.dictionary.length);
    expect(coded.dictionary).toEqual(expected.dictionary);
    expect([...coded.indices]).toEqual([...expected.indices]);
  });

  it('codes an empty column and a column of NULLs', () => {
    expect(roundTrip([], 3)).toEqual({ indices: new Int32Array(0), dictionary: [] });
    const nulls = roundTrip([null, null, null], 2);
    expect([...nulls.indices]).toEqual([-1, -1, -1]);
    expect(nulls.dictionary).toEqual([]);
  });
});

describe('data/snapshot-cache joinUtf8ByValue', () => {
  it('finds the last row of the same bytes, as a Map of strings filled in row order does', () => {
    const to = ['a@x.com', null, '王芳@例子.中国', 'b@x.com', 'a@x.com', '', 'é', 'иван@пример.рф', '王芳@例子.中国'];
    const from = ['a@x.com', 'e\u0301', null, '王芳@例子.中国', '', 'é', 'b@x.co', 'иван@пример.рф', 'a@x.com', 'zz'];
    const joined = joinUtf8ByValue(stored(from, 3), stored(to, 4));
    expect([...joined]).toEqual(joinByMap(from, to));
    expect([...joined]).toEqual([4, -1, -1, 8, 5, 6, -1, 7, 4, -1]);
  });

  it('agrees with a Map of strings on 20,000 rows joined to 15,000 (duplicates on both sides, probing)', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pool = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `客户${i}@例子.cn` : `c${i}@acme.io`));
    const draw = () => (random() < 0.02 ? null : (pool[Math.floor(random() * pool.length)] as string));
    const from = Array.from({ length: 20_000 }, draw);
    const to = Array.from({ length: 15_000 }, draw);
    const joined = joinUtf8ByValue(stored(from, 4096), stored(to, 1000));
    expect([...joined]).toEqual(joinByMap(from, to));
    expect(joined.some((row) => row < 0)).toBe(true);
  });

  it('joins from and to empty columns', () => {
    expect([...joinUtf8ByValue(stored([], 2), stored(['a'], 2))]).toEqual([]);
    expect([...joinUtf8ByValue(stored(['a', null], 2), stored([], 2))]).toEqual([-1, -1]);
  });
});

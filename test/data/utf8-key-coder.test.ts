import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeColumn } from '../../src/analysis/columns/coded-column.js';
import { decodeDictionary, readStringColumn } from '../../src/data/snapshot-cache/column-store.js';
import { ColumnWriter } from '../../src/data/snapshot-cache/column-writer.js';
import { joinUtf8ByValue, Utf8KeyCoder, type Utf8Rows } from '../../src/data/snapshot-cache/utf8-key-coder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `values` as a plain Utf8 column in batches of `batchRows` and reads it back (chunks and NULL marks). */
function written(values: readonly (string | null)[], batchRows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'radar-key-coder-'));
  dirs.push(dir);
  const writer = new ColumnWriter(join(dir, 'ids.arrow'), 'string', 'plain', batchRows);
  for (const value of values) writer.push(value);
  writer.finish();
  const read = readStringColumn(dir, 'ids');
  expect(read.plain).toBe(true);
  return read;
}

/** Codes `values` alone with a fresh coder: its codes and its values decoded, as a CodedColumn. */
function roundTrip(values: readonly (string | null)[], batchRows: number, valueBatchRows = 3) {
  const { indices, dictionary } = written(values, batchRows);
  const coder = new Utf8KeyCoder(2);
  const codes = coder.code(dictionary, indices);
  return { indices: codes, dictionary: decodeDictionary(coder.values(valueBatchRows)) };
}

describe('data/snapshot-cache Utf8KeyCoder', () => {
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

  it('codes several columns into one space: equal codes exactly where the values are equal, across columns', () => {
    const columns = [
      ['a@x.com', null, 'b@x.com', 'ü@x.com'],
      ['b@x.com', 'c@x.com', 'a@x.com', null, 'c@x.com'],
      [],
      ['ü@x.com', 'd@x.com'],
    ];
    const coder = new Utf8KeyCoder(1);
    const codes = columns.map((values) => {
      const { indices, dictionary } = written(values, 2);
      return [...coder.code(dictionary, indices)];
    });
    // The reference: one Map of strings over every row of every column, in the same order.
    const expected = codeColumn(columns.flat());
    expect(codes.flat()).toEqual([...expected.indices]);
    expect(coder.size).toBe(5);
    expect(decodeDictionary(coder.values(3))).toEqual(['a@x.com', 'b@x.com', 'ü@x.com', 'c@x.com', 'd@x.com']);
    expect(codes).toEqual([[0, -1, 1, 2], [1, 3, 0, -1, 3], [], [2, 4]]);
  });

  it('codes an empty column and a column of NULLs', () => {
    expect(roundTrip([], 3)).toEqual({ indices: new Int32Array(0), dictionary: [] });
    const nulls = roundTrip([null, null, null], 2);
    expect([...nulls.indices]).toEqual([-1, -1, -1]);
    expect(nulls.dictionary).toEqual([]);
  });
});

/** A plain Utf8 column as stored, for joinUtf8ByValue. */
function stored(values: readonly (string | null)[], batchRows: number): Utf8Rows {
  const { indices, dictionary } = written(values, batchRows);
  return { chunks: dictionary, rowCodes: indices };
}

/** The join by a Map of strings filled in row order (the last row of a value wins). */
function joinByMap(from: readonly (string | null)[], to: readonly (string | null)[]): number[] {
  const rowOf = new Map<string, number>();
  to.forEach((value, row) => {
    if (value !== null) rowOf.set(value, row);
  });
  return from.map((value) => (value === null ? -1 : (rowOf.get(value) ?? -1)));
}

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

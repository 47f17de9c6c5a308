import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeColumn } from '../../src/analysis/columns/coded-column.js';
import { codeUtf8ByValue } from '../../src/data/snapshot-cache/code-by-value.js';
import { readStringColumn } from '../../src/data/snapshot-cache/column-store.js';
import { ColumnWriter } from '../../src/data/snapshot-cache/column-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `values` as a plain Utf8 column in batches of `batchRows`, reads it back and codes it by value. */
function roundTrip(values: readonly (string | null)[], batchRows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'radar-code-by-value-'));
  dirs.push(dir);
  const writer = new ColumnWriter(join(dir, 'ids.arrow'), 'string', 'plain', batchRows);
  for (const value of values) writer.push(value);
  writer.finish();
  const { indices, dictionary, plain } = readStringColumn(dir, 'ids');
  expect(plain).toBe(true);
  return codeUtf8ByValue(dictionary, indices);
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

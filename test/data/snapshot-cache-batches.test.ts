import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type, tableFromIPC } from 'apache-arrow';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { COLUMNS_READ } from '../../src/data/queries/columns-read.js';
import { reduceSalesByEmail } from '../../src/data/queries/customer-sales.js';
import { readTable, type SnapshotMode } from '../../src/data/read-table.js';
import { readTableColumns } from '../../src/data/read-table-columns.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import {
  joinedCopy,
  joinedInFileBuffer,
  readColumnValues,
  readNumberColumn,
} from '../../src/data/snapshot-cache/column-store.js';
import { ColumnWriter, writeColumns } from '../../src/data/snapshot-cache/column-writer.js';
import { type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-cache-batches-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Record batches and the Arrow type id of a column file. */
function layout(path: string): { batches: number; typeId: Type } {
  const table = tableFromIPC(readFileSync(path));
  return { batches: table.batches.length, typeId: table.schema.fields[0]?.type.typeId as Type };
}

describe('data/snapshot-cache columns in several record batches', () => {
  it('reads back, batch by batch, the rows and typed columns SQLite gives (batches of 3 rows)', () => {
    const dir = tempDir();
    const path = join(dir, 'batches.sqlite');
    const db = new Database(path);
    db.exec(`CREATE TABLE customer360__customer_value_analysis (
        primary_email TEXT, analysis_timestamp TEXT, churn_probability TEXT, customer_tier TEXT, recency_score REAL);`);
    const insert = db.prepare('INSERT INTO customer360__customer_value_analysis VALUES (?, ?, ?, ?, ?)');
    const tiers = ['Gold', 'Basic', null, 'Élite', ' Basic '];
    // 11 customers, two snapshots each: rank 1 and rank 2 of 11 rows each, 4 batches of at most 3 rows per column.
    for (let i = 0; i < 11; i++) {
      const email = i === 4 ? null : `Customer${i}@Example.com`;
      insert.run(
        i === 4 ? 'ünï@example.com' : email,
        '2024-05-01',
        i % 3 === 0 ? 'n/a' : String(i / 10),
        tiers[i % 5],
        i,
      );
      insert.run(email, '2024-06-01 12:00:00', String(i / 20), tiers[(i + 1) % 5], i % 2 ? null : i * 2);
    }
    db.close();
    const plain = openTestWarehouse(path);
    const cached = openTestWarehouse(path);
    const build = buildSnapshotCache(cached, tempDir(), () => new Date(), 3);
    cached.snapshotCache = build.cache;
    const columns = ['primary_email', 'churn_probability', 'customer_tier', 'recency_score'] as const;
    for (const snapshot of ['latest', 'previous'] as const) {
      const fromSql = readTable(plain, 'value', columns, { neededFor: 'the test', snapshot });
      expect(readTable(cached, 'value', columns, { neededFor: 'the test', snapshot }), snapshot).toEqual(fromSql);
    }
    const typed = readTableColumns(cached, 'value', columns, { neededFor: 'the test' });
    const fromRows = readTableColumns(plain, 'value', columns, { neededFor: 'the test' });
    expect(typed.length).toBe(11);
    expect(typed.columns.recency_score).toEqual(fromRows.columns.recency_score);
    // Worked by hand: the latest row is the 2024-06-01 one (recency i*2 for even i, NULL for odd), but customer 4's
    // June row has no email: its latest is the May row, under its other email, recency 4.
    expect([...(typed.columns.recency_score as Float64Array)]).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => (i === 4 ? 4 : i % 2 ? Number.NaN : i * 2)),
    );
    const decode = (c: { indices: Int32Array; dictionary: readonly string[] }) =>
      [...c.indices].map((k) => (k < 0 ? null : c.dictionary[k]));
    for (const c of ['primary_email', 'customer_tier'] as const) {
      expect(decode(typed.columns[c] as never), c).toEqual(decode(fromRows.columns[c] as never));
    }
    const rank1 = join(build.cache.directory, 'value', 'rank-1');
    // Emails are plain Utf8; the tier is a dictionary grown by deltas; numbers Float64; 11 rows in batches of 3.
    expect(layout(join(rank1, 'primary_email.arrow'))).toEqual({ batches: 4, typeId: Type.Utf8 });
    expect(layout(join(rank1, 'customer_tier.arrow'))).toEqual({ batches: 4, typeId: Type.Dictionary });
    expect(layout(join(rank1, 'recency_score.arrow'))).toEqual({ batches: 4, typeId: Type.Float });
  });

  it('gives the demo export the same rows, sales and key statistics in batches of 1,000 rows as in one batch', () => {
    const path = ensureDemoWarehouse('full');
    const plain = openTestWarehouse(path);
    const cached = openTestWarehouse(path);
    const build = buildSnapshotCache(cached, tempDir(), () => new Date(), 1_000);
    cached.snapshotCache = build.cache;
    const whole = buildSnapshotCache(openTestWarehouse(path), tempDir()).cache;
    for (const [tableId, columns] of Object.entries(COLUMNS_READ) as [TableId, string[]][]) {
      const modes: SnapshotMode[] = 'snapshot' in WAREHOUSE_TABLES[tableId] ? ['latest', 'previous'] : ['all'];
      for (const mode of modes) {
        const options = { neededFor: 'the test', snapshot: mode };
        expect(readTable(cached, tableId, columns as never[], options), `${tableId} ${mode}`).toEqual(
          readTable(plain, tableId, columns as never[], options),
        );
      }
      expect(build.cache.keyStats(tableId)).toEqual(whole.keyStats(tableId));
      expect(build.cache.columns(tableId, 1, columns)).toEqual(whole.columns(tableId, 1, columns));
    }
    expect(build.cache.salesByEmail()).toEqual(reduceSalesByEmail(plain));
    // The /customer index, written in batches and joined on open, finds what the one-batch index finds.
    const ids = plain.rawRows('SELECT customer360_id FROM customer360__customer WHERE rowid % 211 = 1 LIMIT 20');
    expect(ids.length).toBe(20);
    for (const [id] of ids) {
      expect(build.cache.customerLookup()?.emailsForId(String(id))).toEqual(
        whole.customerLookup()?.emailsForId(String(id)),
      );
    }
    expect(build.cache.customerLookup()?.emailsForName('e', 5_000)).toEqual(
      whole.customerLookup()?.emailsForName('e', 5_000),
    );
    expect(cached.snapshotCache?.misses).toBe(0);
  });
});

describe('data/snapshot-cache ColumnWriter', () => {
  it('stores a high-cardinality text column plain and a repeating one as a dictionary, deciding on the first batch', () => {
    const dir = tempDir();
    const names = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? null : `name ${i} ☃`));
    const levels = Array.from({ length: 3_000 }, (_, i) => (i % 11 === 0 ? null : `level ${i % 5}`));
    const written: Record<string, (string | null)[]> = { names, levels };
    for (const [base, values] of Object.entries(written)) {
      const writer = new ColumnWriter(join(dir, `${base}.arrow`), 'string', 'auto', 2_000);
      for (const value of values) writer.push(value);
      writer.finish();
      expect(writer.rows).toBe(3_000);
      expect(readColumnValues(dir, base, 'string'), base).toEqual(values);
    }
    expect(layout(join(dir, 'names.arrow'))).toEqual({ batches: 2, typeId: Type.Utf8 });
    expect(layout(join(dir, 'levels.arrow'))).toEqual({ batches: 2, typeId: Type.Dictionary });
  });

  it("joins a number column's batches inside the file buffer with the rows a copy gives, NaN, -0 and odd sizes kept", () => {
    const dir = tempDir();
    for (const [rows, batch] of [
      [10, 3],
      [1_000, 128],
      [7, 7],
      [5, 1],
    ] as const) {
      const values = Array.from({ length: rows }, (_, i) =>
        i % 9 === 0 ? null : i % 13 === 0 ? -0 : i % 4 === 0 ? 1e300 / (i + 1) : i * 0.1 - 3,
      );
      const base = `n-${rows}-${batch}`;
      const writer = new ColumnWriter(join(dir, `${base}.arrow`), 'number', 'plain', batch);
      for (const value of values) writer.push(value);
      writer.finish();
      const read = () => tableFromIPC(readFileSync(join(dir, `${base}.arrow`))).getChildAt(0)?.data ?? [];
      const copied = joinedCopy(read());
      const batches = read();
      const inPlace = joinedInFileBuffer(batches);
      if (!inPlace) throw new Error(`${base}: not joined in place`);
      // A view of the buffer the file was read into, not a new array.
      expect(inPlace.buffer).toBe(batches[0]?.values.buffer);
      expect([...inPlace].map((v) => Object.is(v, -0))).toEqual([...copied].map((v) => Object.is(v, -0)));
      expect([...inPlace]).toEqual([...copied]);
      expect([...readNumberColumn(dir, base)]).toEqual(values.map((v) => v ?? Number.NaN));
    }
  });

  it('writes an empty column as a readable file of no rows', () => {
    const dir = tempDir();
    for (const type of ['number', 'string'] as const) {
      const writer = new ColumnWriter(join(dir, `${type}.arrow`), type, 'auto', 3);
      writer.finish();
      expect(readColumnValues(dir, type, type)).toEqual([]);
    }
  });

  it('closes the files unfinished and passes the error on when the rows cannot be read', () => {
    const dir = tempDir();
    const writer = new ColumnWriter(join(dir, 'x.arrow'), 'number', 'plain', 2);
    expect(() =>
      writeColumns([writer], () => {
        for (const n of [1, 2, 3]) writer.push(n);
        throw new Error('the export went away');
      }),
    ).toThrow('the export went away');
    // No footer: not a file any reader would take for a complete column.
    expect(() => readColumnValues(dir, 'x', 'number')).toThrow();
  });

  it('refuses a batch size below one row', () => {
    expect(() => new ColumnWriter(join(tempDir(), 'x.arrow'), 'number', 'plain', 0)).toThrow(/at least 1/);
  });
});

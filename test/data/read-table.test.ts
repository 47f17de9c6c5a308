import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { readTable } from '../../src/data/read-table.js';
import { EmptyTableError, MissingColumnError, MissingTableError } from '../../src/data/warehouse-errors.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A warehouse file built from raw SQL, so each test controls declared types and rowids exactly. */
function warehouseFrom(sql: string): Warehouse {
  const dir = mkdtempSync(join(tmpdir(), 'radar-read-'));
  const path = join(dir, 'w.sqlite');
  const db = new Database(path);
  db.exec(sql);
  db.close();
  const warehouse = openWarehouse(path);
  cleanups.push(() => {
    warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return warehouse;
}

const VALUE_DDL = `CREATE TABLE customer360__customer_value_analysis (
  primary_email TEXT, analysis_timestamp TEXT, churn_probability TEXT, customer_tier TEXT, recency_score REAL);`;

describe('data/read-table', () => {
  it('keeps the latest snapshot per cleaned email, breaking tied instants by the highest rowid', () => {
    const w = warehouseFrom(`${VALUE_DDL}
      INSERT INTO customer360__customer_value_analysis VALUES
        ('Jane@Acme.com',  '2024-05-01 10:00:00',  '0.1', 'Gold', 1),   -- rowid 1
        (' jane@acme.com ', '2024-05-01T10:00:00Z', '0.2', 'Gold', 2),  -- rowid 2: same instant, higher rowid
        ('jane@acme.com',  '2024-04-30 23:59:59',  '0.3', 'Gold', 3),   -- rowid 3: older
        ('bob@acme.com',   'not a date',           '0.4', ' Basic ', 4),-- rowid 4: unparseable, ranks last
        ('BOB@acme.com',   '2023-01-01',           '0.5', 'Basic', 5),  -- rowid 5: parsed, wins
        (NULL,             '2025-01-01 00:00:00',  '0.6', 'Basic', 6);  -- no key: dropped`);
    const { rows, report } = readTable(w, 'value', ['primary_email', 'churn_probability', 'customer_tier'], {
      neededFor: 'test',
    });
    expect(rows.map((r) => [r.rowid, r.primary_email, r.churn_probability])).toEqual([
      [2, 'jane@acme.com', 0.2],
      [5, 'bob@acme.com', 0.5],
    ]);
    expect(report).toMatchObject({
      rowsInTable: 6,
      rowsWithoutKey: 1,
      rowsReturned: 2,
      distinctKeys: 2,
      duplicatedKeys: 2,
      maxRowsPerKey: 3,
      unparseableTimestamps: 1,
      missingTimestamps: 0,
      // The NULL-email row still carries the max timestamp: the data date is the table's, not the kept rows'.
      dataDate: '2025-01-01',
    });
  });

  it('reads offset timestamps as instants, not strings', () => {
    const w = warehouseFrom(`${VALUE_DDL}
      INSERT INTO customer360__customer_value_analysis VALUES
        ('a@x.io', '2024-05-01T12:00:00+02:00', '0.1', 'Gold', 1),  -- 10:00 UTC
        ('a@x.io', '2024-05-01 11:00:00', '0.2', 'Gold', 1);          -- 11:00 UTC: later`);
    const { rows } = readTable(w, 'value', ['churn_probability'], { neededFor: 'test' });
    expect(rows.map((r) => r.churn_probability)).toEqual([0.2]);
  });

  it('casts numbers stored as text and counts the ones that are not numbers', () => {
    const w = warehouseFrom(`${VALUE_DDL}
      INSERT INTO customer360__customer_value_analysis VALUES
        ('a@x.io', '2024-01-01', ' 0.25 ', 'Gold', 1),
        ('b@x.io', '2024-01-01', 'n/a', 'Gold', 1),
        ('c@x.io', '2024-01-01', '1e-1', 'Gold', 1),
        ('d@x.io', '2024-01-01', '0x10', 'Gold', 1),
        ('e@x.io', '2024-01-01', NULL, '', 1);`);
    const { rows, report } = readTable(w, 'value', ['churn_probability', 'customer_tier'], { neededFor: 'test' });
    expect(rows.map((r) => r.churn_probability)).toEqual([0.25, null, 0.1, null, null]);
    expect(rows.map((r) => r.customer_tier)).toEqual(['Gold', 'Gold', 'Gold', 'Gold', null]);
    expect(report.unreadableValues).toEqual({ churn_probability: 2 });
  });

  it('returns the two latest snapshots in previous mode, ranked', () => {
    const w = warehouseFrom(`${VALUE_DDL}
      INSERT INTO customer360__customer_value_analysis VALUES
        ('a@x.io', '2024-01-01', '0.1', 'Gold', 1),
        ('a@x.io', '2024-02-01', '0.2', 'Gold', 1),
        ('a@x.io', '2024-03-01', '0.3', 'Gold', 1),
        ('b@x.io', '2024-03-01', '0.4', 'Gold', 1);`);
    const { rows } = readTable(w, 'value', ['primary_email', 'churn_probability'], {
      neededFor: 'test',
      snapshot: 'previous',
    });
    expect(rows.map((r) => [r.primary_email, r.snapshotRank, r.churn_probability])).toEqual([
      ['a@x.io', 2, 0.2],
      ['a@x.io', 1, 0.3],
      ['b@x.io', 1, 0.4],
    ]);
  });

  it('breaks netsuite same-date ties by the numerically highest subsidiary_id, then rowid', () => {
    const w = warehouseFrom(`CREATE TABLE netsuite2_customer_analytics (customer_id TEXT, subsidiary_id TEXT,
        segmentation_date TEXT, retention_probability REAL, q1_transactions INTEGER);
      INSERT INTO netsuite2_customer_analytics VALUES
        ('NET1', '9',  '2024-06-30', 0.1, 1),
        ('NET1', '10', '2024-06-30', 0.2, 1),   -- '10' > '9' as numbers, not as text
        ('NET1', '11', '2024-01-31', 0.3, 1),
        ('NET2', '3',  '2024-06-30', 0.4, 1),
        ('NET2', '3',  '2024-06-30', 0.5, 1);   -- full tie: highest rowid`);
    const latest = readTable(w, 'netsuite', ['customer_id', 'retention_probability'], { neededFor: 'test' });
    expect(latest.rows.map((r) => r.retention_probability)).toEqual([0.2, 0.5]);
    const all = readTable(w, 'netsuite', ['retention_probability'], { neededFor: 'test', snapshot: 'all' });
    expect(all.rows).toHaveLength(5);
  });

  it('names what is missing: table, columns, or rows', () => {
    const w = warehouseFrom(`${VALUE_DDL}`);
    expect(() => readTable(w, 'netsuite', ['customer_id'], { neededFor: '/segment-anomalies' })).toThrow(
      MissingTableError,
    );
    expect(() => readTable(w, 'value', ['churn_probability', 'monetary_score'], { neededFor: '/priority' })).toThrow(
      /lacks column `monetary_score`, which \/priority needs/,
    );
    expect(() => readTable(w, 'value', ['churn_probability'], { neededFor: 'x', requireRows: true })).toThrow(
      EmptyTableError,
    );
    expect(() => readTable(w, 'value', ['monetary_score'], { neededFor: 'x' })).toThrow(MissingColumnError);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { idOfTextOrCleanedBytes } from '../../src/data/snapshot-cache/id-of-pass-value.js';
import { cleanIdSql, idTextOrCleanedBytesSql } from '../../src/data/sql-cleaning.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('data/an id read in one column by the build passes', () => {
  it('cleans every kind of stored id to what cleanIdSql gives', () => {
    const path = join(tempDir(), 'ids.sqlite');
    const db = new Database(path);
    db.exec(`
      CREATE TABLE customer360__customer (customer360_id);
      INSERT INTO customer360__customer VALUES
        ('abc'), (' abc '), (''), ('   '), (NULL), (42), (42.0), (1.5), (-0.5), (1e21), (9007199254740993),
        (x'6869'), (x'2068'), (x''), ('Zoë'), (char(12288) || 'x' || char(160)), ('${'\u{1F600}'}'), (char(0) || 'a'),
        (char(65279) || 'bom'), (x'ff61');
    `);
    db.close();
    const warehouse = openTestWarehouse(path);
    const rows = warehouse.rawRows(
      `SELECT ${idTextOrCleanedBytesSql('customer360_id')}, ${cleanIdSql('customer360_id')} FROM customer360__customer`,
    );
    expect(rows.length).toBe(20);
    for (const [value, cleaned] of rows) expect(idOfTextOrCleanedBytes(value)).toBe(cleaned);
    // Numbers come as bytes of SQLite's own text, text as itself.
    expect(rows.some(([value]) => Buffer.isBuffer(value))).toBe(true);
  });
});

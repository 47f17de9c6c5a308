import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import { readTable } from '../../src/data/read-table.js';
import {
  CorruptWarehouseError,
  NotSqliteError,
  WarehouseLockedError,
  WarehouseNotFoundError,
} from '../../src/data/warehouse-errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempPath(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-open-'));
  dirs.push(dir);
  return join(dir, name);
}

/** A real warehouse big enough to span many pages, so truncation and page damage are meaningful. */
function bigWarehouse(): string {
  const path = tempPath('w.sqlite');
  const db = new Database(path);
  db.exec(`CREATE TABLE netsuite2_customer_analytics (customer_id TEXT, subsidiary_id TEXT, segmentation_date TEXT,
    retention_probability REAL, customer_name TEXT)`);
  const insert = db.prepare('INSERT INTO netsuite2_customer_analytics VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(`NET${i}`, '1', '2024-01-01', 0.5, 'x'.repeat(100));
  })();
  db.close();
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('data/open-warehouse', () => {
  it('says a missing file is missing and how to pick another', () => {
    expect(() => openWarehouse('/nonexistent/w.sqlite')).toThrow(WarehouseNotFoundError);
    expect(() => openWarehouse('/nonexistent/w.sqlite')).toThrow(/RADAR_WAREHOUSE/);
  });

  it('refuses a file that is not SQLite, and an empty file', () => {
    const csv = tempPath('export.csv');
    writeFileSync(csv, 'primary_email,churn\na@x.io,0.2\n'.repeat(20));
    expect(() => openWarehouse(csv)).toThrow(NotSqliteError);
    const empty = tempPath('empty.sqlite');
    writeFileSync(empty, '');
    expect(() => openWarehouse(empty)).toThrow(/the file is empty/);
  });

  it('says a warehouse locked by a writing process is locked (exit 1, what to do), not an internal error', () => {
    const path = bigWarehouse();
    const writer = new Database(path);
    writer.exec('BEGIN EXCLUSIVE');
    try {
      let error: unknown;
      try {
        openWarehouse(path, { busyTimeoutMs: 20 }).rowCount('netsuite');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WarehouseLockedError);
      expect((error as WarehouseLockedError).exitCode).toBe(1);
      expect((error as WarehouseLockedError).userMessage).toMatch(/locked by another process.*try again/);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(openWarehouse(path).rowCount('netsuite')).toBe(5000);
  });

  it('detects a truncated copy from the header page count', () => {
    const path = bigWarehouse();
    truncateSync(path, 8192);
    expect(() => openWarehouse(path)).toThrow(CorruptWarehouseError);
    expect(() => openWarehouse(path)).toThrow(/truncated/);
  });

  it('turns a damaged page found while reading into CorruptWarehouseError', () => {
    const path = bigWarehouse();
    const bytes = readFileSync(path);
    // Overwrite interior b-tree pages (keep page 1, the schema) with garbage.
    for (let offset = 4096 * 2; offset < bytes.length - 4096; offset += 4096 * 3) bytes.fill(0xa5, offset, offset + 64);
    writeFileSync(path, bytes);
    const read = () => {
      const w = openWarehouse(path);
      try {
        return readTable(w, 'netsuite', ['customer_id'], { neededFor: 'test' });
      } finally {
        w.close();
      }
    };
    expect(read).toThrow(CorruptWarehouseError);
  });

  it('cannot write, and leaves the file byte-identical after reads', () => {
    const path = bigWarehouse();
    const before = sha(path);
    const w = openWarehouse(path);
    readTable(w, 'netsuite', ['customer_id', 'retention_probability'], { neededFor: 'test' });
    readTable(w, 'netsuite', ['customer_id'], { neededFor: 'test', snapshot: 'all' });
    // The only SQL door is read-only: a write through it fails at the SQLite level.
    expect(() => w.rawRows('DELETE FROM netsuite2_customer_analytics RETURNING customer_id')).toThrow(
      /readonly|query_only|read-only/i,
    );
    w.close();
    expect(sha(path)).toBe(before);
  });
});

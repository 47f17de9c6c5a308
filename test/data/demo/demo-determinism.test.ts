import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemoWarehouse } from '../../../src/data/demo/generate-demo-warehouse.js';
import { WAREHOUSE_TABLES } from '../../../src/data/warehouse-schema.js';
import { tempDir } from '../../helpers/temp-dir.js';

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A digest of a table's contents in rowid order, to compare tables across files. */
function tableDigest(path: string, table: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('data/demo determinism and variants', () => {
  it('writes byte-identical files for the same seed and options', () => {
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    generateDemoWarehouse(a);
    generateDemoWarehouse(b);
    expect(sha256(a)).toBe(sha256(b));
  });

  it('writes a different warehouse for a different seed', () => {
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    generateDemoWarehouse(a, { seed: 1, customers: 300 });
    generateDemoWarehouse(b, { seed: 2, customers: 300 });
    expect(sha256(a)).not.toBe(sha256(b));
  });

  it('replaces an existing file and leaves no temporary files behind', () => {
    const dir = tempDir();
    const path = join(dir, 'demo.sqlite');
    generateDemoWarehouse(path, { customers: 200 });
    const small = sha256(path);
    const summary = generateDemoWarehouse(path, { customers: 300 });
    expect(sha256(path)).not.toBe(small);
    expect(summary.rowCounts.value).toBeGreaterThanOrEqual(300);
    expect(readdirNames(dir)).toEqual(['demo.sqlite']);
  });

  it('creates empty activity and funnel tables, with all their columns, in the empty variant', () => {
    const dir = tempDir();
    const full = join(dir, 'full.sqlite');
    const empty = join(dir, 'empty.sqlite');
    generateDemoWarehouse(full, { customers: 400 });
    const summary = generateDemoWarehouse(empty, { customers: 400, variant: 'empty-activity-funnel' });
    expect(summary.rowCounts.activity).toBe(0);
    expect(summary.rowCounts.funnel).toBe(0);
    const db = new Database(empty, { readonly: true });
    try {
      for (const id of ['activity', 'funnel'] as const) {
        const { name, columns } = WAREHOUSE_TABLES[id];
        expect(db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get()).toBe(0);
        const declared = db.prepare(`SELECT name FROM pragma_table_info('${name}')`).pluck().all();
        expect(declared).toEqual(Object.keys(columns));
      }
    } finally {
      db.close();
    }
    // The other tables come from their own random streams, so they are unchanged.
    for (const id of ['value', 'customer', 'mapping', 'netsuite'] as const) {
      const table = WAREHOUSE_TABLES[id].name;
      expect(tableDigest(empty, table), id).toBe(tableDigest(full, table));
    }
  });

  it('rejects an unknown variant and a population too small to plan', () => {
    const dir = tempDir();
    expect(() => generateDemoWarehouse(join(dir, 'x.sqlite'), { variant: 'bogus' as 'full' })).toThrow(/variant/);
    expect(() => generateDemoWarehouse(join(dir, 'y.sqlite'), { customers: 3 })).toThrow(/customers/);
    expect(readdirNames(dir)).toEqual([]);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

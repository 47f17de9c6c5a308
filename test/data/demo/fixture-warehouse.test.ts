import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TABLE_IDS, WAREHOUSE_TABLES } from '../../../src/data/warehouse-schema.js';
import { createFixtureWarehouse } from '../../helpers/fixture-warehouse.js';
import { tempDir } from '../../helpers/temp-dir.js';

const VALUE = WAREHOUSE_TABLES.value.name;

describe('test/helpers/fixture-warehouse', () => {
  it('creates all seven tables and inserts exactly the given rows in order', () => {
    const path = join(tempDir(), 'fixture.sqlite');
    createFixtureWarehouse(path, {
      value: [
        { primary_email: 'b@x.com', customer_tier: 'Gold', portfolio_contribution_pct: 0.06 },
        { primary_email: ' A@x.com ', recency_score: 3 },
      ],
    });
    const db = new Database(path, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(TABLE_IDS.map((id) => WAREHOUSE_TABLES[id].name).sort());
      const rows = db
        .prepare(`SELECT rowid, primary_email, customer_tier, recency_score FROM "${VALUE}" ORDER BY rowid`)
        .all();
      expect(rows).toEqual([
        { rowid: 1, primary_email: 'b@x.com', customer_tier: 'Gold', recency_score: null },
        { rowid: 2, primary_email: ' A@x.com ', customer_tier: null, recency_score: 3 },
      ]);
      expect(db.prepare(`SELECT COUNT(*) FROM "${WAREHOUSE_TABLES.netsuite.name}"`).pluck().get()).toBe(0);
      const types = db
        .prepare(`SELECT type FROM pragma_table_info('${VALUE}') WHERE name = 'recency_score'`)
        .pluck()
        .get();
      expect(types).toBe('REAL');
    } finally {
      db.close();
    }
  });

  it('honours declared types, omitted tables and omitted columns', () => {
    const path = join(tempDir(), 'fixture.sqlite');
    createFixtureWarehouse(
      path,
      { value: [{ primary_email: 'a@x.com', churn_probability: '0.5' }] },
      {
        declaredTypes: { value: { churn_probability: 'TEXT' } },
        omitTables: ['activity'],
        omitColumns: { value: ['team_size'] },
      },
    );
    const db = new Database(path, { readonly: true });
    try {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(names).not.toContain(WAREHOUSE_TABLES.activity.name);
      expect(names).toHaveLength(6);
      const columns = db.prepare(`SELECT name, type FROM pragma_table_info('${VALUE}')`).all() as {
        name: string;
        type: string;
      }[];
      expect(columns.find((c) => c.name === 'churn_probability')?.type).toBe('TEXT');
      expect(columns.some((c) => c.name === 'team_size')).toBe(false);
      expect(db.prepare(`SELECT typeof(churn_probability) FROM "${VALUE}"`).pluck().get()).toBe('text');
    } finally {
      db.close();
    }
  });

  it('refuses a key that is not a column, instead of silently storing NULL', () => {
    const path = join(tempDir(), 'fixture.sqlite');
    expect(() => createFixtureWarehouse(path, { value: [{ primary_emial: 'a@x.com' }] })).toThrow(/primary_emial/);
  });
});

import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createTableSql, insertSql, tableColumns } from '../../src/data/demo/demo-schema.js';
import { TABLE_IDS, type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';

export type FixtureRow = Record<string, unknown>;

export interface FixtureOptions {
  /** Declared SQLite types per column, replacing the schema default (e.g. a REAL column declared TEXT, or ''). */
  readonly declaredTypes?: Partial<Record<TableId, Partial<Record<string, string>>>>;
  /** Tables left out of the file entirely. */
  readonly omitTables?: readonly TableId[];
  /** Columns left out of a table's CREATE TABLE. */
  readonly omitColumns?: Partial<Record<TableId, readonly string[]>>;
}

/**
 * A small, hand-checkable warehouse: all seven tables (unless omitted) with their schema
 * columns, holding exactly the given rows in the given order, so rowid 1 is the first row
 * and tie-break tests can rely on it. Missing columns are NULL; a key that is not a column
 * of the table throws, so a typo cannot silently become NULL.
 */
export function createFixtureWarehouse(
  path: string,
  tables: Partial<Record<TableId, readonly FixtureRow[]>>,
  options: FixtureOptions = {},
): void {
  rmSync(path, { force: true });
  const db = new Database(path);
  try {
    for (const id of TABLE_IDS) {
      if (options.omitTables?.includes(id)) {
        if (tables[id]?.length) throw new Error(`fixture: rows given for omitted table '${id}'`);
        continue;
      }
      const name = WAREHOUSE_TABLES[id].name;
      const columns = tableColumns(id, options.declaredTypes?.[id] ?? {}, options.omitColumns?.[id] ?? []);
      const columnNames = columns.map((c) => c.name);
      db.exec(createTableSql(name, columns));
      const rows = tables[id] ?? [];
      if (rows.length === 0) continue;
      const known = new Set(columnNames);
      const insert = db.prepare(insertSql(name, columnNames));
      db.transaction(() => {
        for (const row of rows) {
          for (const key of Object.keys(row)) {
            if (!known.has(key)) throw new Error(`fixture: '${key}' is not a column of ${id} (${name})`);
          }
          insert.run(columnNames.map((c) => toSqlValue(row[c], id, c)));
        }
      })();
    }
  } finally {
    db.close();
  }
}

function toSqlValue(value: unknown, table: TableId, column: string): string | number | bigint | Buffer | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || Buffer.isBuffer(value)) {
    return value;
  }
  throw new Error(`fixture: ${table}.${column} cannot store a ${typeof value}`);
}

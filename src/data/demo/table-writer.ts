import type Database from 'better-sqlite3';
import { type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import {
  createTableSql,
  type DemoRow,
  demoTableColumns,
  insertSql,
  type SqlValue,
  TEXT_DECLARED_NUMBERS,
} from './demo-schema.js';

/**
 * Creates one demo table and inserts rows through a single prepared statement. Numbers bound
 * for a TEXT-declared column are written as text here, in one place, so row builders only
 * think in values and the file holds exactly what a messy export would.
 */
export class TableWriter<T extends TableId> {
  private readonly statement: Database.Statement;
  private readonly columns: readonly string[];
  private readonly textNumbers: ReadonlySet<string>;
  private readonly values: SqlValue[];
  rowCount = 0;

  constructor(db: Database.Database, table: T) {
    const declarations = demoTableColumns(table);
    const name = WAREHOUSE_TABLES[table].name;
    db.exec(createTableSql(name, declarations));
    this.columns = declarations.map((c) => c.name);
    this.textNumbers = new Set<string>(TEXT_DECLARED_NUMBERS[table] ?? []);
    this.statement = db.prepare(insertSql(name, this.columns));
    this.values = new Array<SqlValue>(this.columns.length).fill(null);
  }

  write(row: DemoRow<T>): void {
    const record = row as Record<string, SqlValue>;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i] ?? '';
      const value = record[column] ?? null;
      this.values[i] = typeof value === 'number' && this.textNumbers.has(column) ? String(value) : value;
    }
    this.statement.run(this.values);
    this.rowCount++;
  }

  writeAll(rows: Iterable<DemoRow<T>>): void {
    for (const row of rows) this.write(row);
  }
}

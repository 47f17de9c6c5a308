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
 * Rows per INSERT statement at most. SQLite binds at most 32,766 parameters per statement
 * and the widest demo table has 60 columns; 64 rows keep a statement well inside that while
 * cutting the per-statement round trips (the cost that dominated generation) by an order of magnitude.
 */
const MAX_ROWS_PER_STATEMENT = 64;

/**
 * Creates one demo table and inserts rows through multi-row prepared statements. Rows are
 * buffered until `flush()` (or a full statement): inserting the same rows in the same order,
 * several per statement, gives a byte-identical file. Numbers bound for a TEXT-declared
 * column are written as text here, in one place, so row builders only think in values and
 * the file holds exactly what a messy export would.
 */
export class TableWriter<T extends TableId> {
  private readonly db: Database.Database;
  private readonly tableName: string;
  private readonly columns: readonly string[];
  private readonly textNumbers: readonly boolean[];
  /** Prepared `INSERT … VALUES (…), (…)` statements by row count, made on first use. */
  private readonly statements: (Database.Statement | undefined)[] = [];
  private readonly values: SqlValue[] = [];
  private bufferedRows = 0;
  rowCount = 0;

  /** Rewrites each row before it is written (the international demo); the builders' row objects are not touched. */
  private readonly rewrite: ((row: Record<string, SqlValue>) => void) | undefined;

  constructor(db: Database.Database, table: T, rewrite?: (row: Record<string, SqlValue>) => void) {
    this.rewrite = rewrite;
    const declarations = demoTableColumns(table);
    this.db = db;
    this.tableName = WAREHOUSE_TABLES[table].name;
    db.exec(createTableSql(this.tableName, declarations));
    this.columns = declarations.map((c) => c.name);
    const textNumbers = new Set<string>(TEXT_DECLARED_NUMBERS[table] ?? []);
    this.textNumbers = this.columns.map((c) => textNumbers.has(c));
  }

  write(row: DemoRow<T>): void {
    let record = row as Record<string, SqlValue>;
    if (this.rewrite) {
      record = { ...record };
      this.rewrite(record);
    }
    for (let i = 0; i < this.columns.length; i++) {
      const value = record[this.columns[i] as string] ?? null;
      this.values.push(typeof value === 'number' && this.textNumbers[i] ? String(value) : value);
    }
    this.bufferedRows++;
    this.rowCount++;
    if (this.bufferedRows === MAX_ROWS_PER_STATEMENT) this.flush();
  }

  /**
   * Writes the rows and flushes them, so tables fill in the order the generator visits them:
   * SQLite allocates pages in that order, and the file stays byte-identical to row-at-a-time inserts.
   */
  insertAll(rows: Iterable<DemoRow<T>>): void {
    for (const row of rows) this.write(row);
    this.flush();
  }

  /** Inserts the buffered rows, in the order they were written. */
  flush(): void {
    if (this.bufferedRows === 0) return;
    this.statementFor(this.bufferedRows).run(this.values);
    this.values.length = 0;
    this.bufferedRows = 0;
  }

  private statementFor(rows: number): Database.Statement {
    const cached = this.statements[rows];
    if (cached) return cached;
    const statement = this.db.prepare(insertSql(this.tableName, this.columns, rows));
    this.statements[rows] = statement;
    return statement;
  }
}

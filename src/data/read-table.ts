import { converterFor, formatDataDate, type ValueIssueCounter } from './clean-values.js';
import { quoteIdentifier } from './inspect-schema.js';
import type { Warehouse } from './open-warehouse.js';
import { READ_CACHE_MAX_ROWS, RowBudgetCache } from './read-cache.js';
import { cleanEmailSql, cleanIdSql, numericSql, parseTimestampSql } from './sql-cleaning.js';
import { EmptyTableError, MissingColumnError, MissingTableError } from './warehouse-errors.js';
import {
  type ColumnKind,
  type ColumnOf,
  type TableDefinition,
  type TableId,
  type TableRow,
  WAREHOUSE_TABLES,
} from './warehouse-schema.js';

/**
 * `latest`: one row per key, the latest parsed snapshot (ties: higher numeric tie-break,
 * then higher rowid). `previous`: the latest two rows per key, `snapshotRank` 1 and 2.
 * `all`: every row that has a key, each still ranked within its key.
 */
export type SnapshotMode = 'latest' | 'previous' | 'all';

export interface ReadOptions {
  readonly snapshot?: SnapshotMode;
  /** What the rows are for, named in error messages ("/priority"). */
  readonly neededFor: string;
  /** Throw EmptyTableError when no keyed row remains. */
  readonly requireRows?: boolean;
}

export interface TableReadReport {
  readonly tableId: TableId;
  readonly table: string;
  readonly mode: SnapshotMode;
  readonly rowsInTable: number;
  /** Rows dropped because their key (cleaned email / customer_id) was NULL or blank. */
  readonly rowsWithoutKey: number;
  readonly rowsReturned: number;
  readonly distinctKeys: number;
  /** Keys that appear on more than one row (snapshot or duplicate rows). */
  readonly duplicatedKeys: number;
  readonly maxRowsPerKey: number;
  /** Snapshot timestamps present but not parseable (they rank below every parsed one). */
  readonly unparseableTimestamps: number;
  readonly missingTimestamps: number;
  /** Per column, non-NULL values that could not be read as the column's kind (set NULL). */
  readonly unreadableValues: Readonly<Record<string, number>>;
  /** Max parsed snapshot timestamp (epoch ms), null for tables without snapshots. */
  readonly dataDateMs: number | null;
  readonly dataDate: string | null;
}

export interface TableRead<T extends TableId, C extends ColumnOf<T>> {
  readonly rows: TableRow<T, C>[];
  readonly report: TableReadReport;
}

export interface KeyStats {
  rowsInTable: number;
  rowsWithoutKey: number;
  distinctKeys: number;
  duplicatedKeys: number;
  maxRowsPerKey: number;
  unparseableTimestamps: number;
  missingTimestamps: number;
  dataDateMs: number | null;
}

const keyStatsCache = new WeakMap<Warehouse, Map<TableId, KeyStats>>();

/**
 * Reads the named columns of one table, cleaned and typed, with de-duplication in SQL.
 * Missing tables and columns are typed errors that name the command needing them.
 */
export function readTable<T extends TableId, C extends ColumnOf<T>>(
  warehouse: Warehouse,
  tableId: T,
  columns: readonly C[],
  options: ReadOptions,
): TableRead<T, C> {
  return warehouse.timeRead(() => {
    let perWarehouse = readCache.get(warehouse);
    if (!perWarehouse) {
      perWarehouse = new RowBudgetCache(READ_CACHE_MAX_ROWS);
      readCache.set(warehouse, perWarehouse);
    }
    const key = `${tableId}\u0000${options.snapshot ?? ''}\u0000${columns.join('\u0000')}`;
    let read = perWarehouse.get(key) as TableRead<T, C> | undefined;
    if (!read) {
      read = readCleanRows(warehouse, tableId, columns, { ...options, requireRows: false });
      perWarehouse.set(key, read as unknown as TableRead<TableId, never>, read.rows.length);
    }
    if (options.requireRows && read.rows.length === 0) throw new EmptyTableError(read.report.table, options.neededFor);
    // A fresh array per caller (callers may sort or filter it); the row objects are shared and never mutated.
    return { rows: read.rows.slice(), report: read.report };
  });
}

/**
 * Cleaned reads per open warehouse, keyed by table, snapshot mode and columns. A Warehouse is one read-only file
 * as of one data date (the provider opens a new one when the export is replaced), so a read never goes stale; the
 * cache lives as long as the Warehouse object, within a row budget (least recently used reads go first). Later commands on the same data skip SQL and cleaning entirely.
 */
const readCache = new WeakMap<Warehouse, RowBudgetCache<TableRead<TableId, never>>>();

function readCleanRows<T extends TableId, C extends ColumnOf<T>>(
  warehouse: Warehouse,
  tableId: T,
  columns: readonly C[],
  options: ReadOptions,
): TableRead<T, C> {
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  const info = warehouse.schema.tables.get(tableId);
  if (info === undefined) throw new MissingTableError(definition.name, options.neededFor);
  const snapshot = definition.snapshot;
  const wanted = [...new Set<string>([...columns, ...(snapshot ? [snapshot.key] : [])])];
  const absent = wanted.filter((c) => !info.columns.has(c));
  if (snapshot && !info.columns.has(snapshot.timestamp)) absent.push(snapshot.timestamp);
  if (absent.length > 0) throw new MissingColumnError(info.name, absent, options.neededFor);

  const mode: SnapshotMode = snapshot ? (options.snapshot ?? 'latest') : 'all';
  const kinds = columns.map((c) => definition.columns[c] as ColumnKind);
  const selectList = columns.map((c, i) => `${selectExpression(c, kinds[i] as ColumnKind)} AS ${quoteIdentifier(c)}`);
  const table = quoteIdentifier(info.name);

  let sql: string;
  if (snapshot) {
    const key = keyExpression(definition, snapshot.key);
    const ts = parseTimestampSql(snapshot.timestamp);
    const tie = snapshot.numericTieBreak ? numericSql(snapshot.numericTieBreak) : 'NULL';
    const limit = mode === 'latest' ? 'WHERE _rank = 1' : mode === 'previous' ? 'WHERE _rank <= 2' : '';
    const outerList = columns.map((c) => `, ${quoteIdentifier(c)}`).join('');
    sql = `SELECT _rowid, _rank${outerList} FROM (
      SELECT rowid AS _rowid, ${selectList.join(', ')},
        ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${ts} IS NULL, ${ts} DESC, ${tie} IS NULL, ${tie} DESC, rowid DESC) AS _rank
      FROM ${table} WHERE ${key} IS NOT NULL
    ) ${limit} ORDER BY _rowid`;
  } else {
    sql = `SELECT rowid AS _rowid, 1 AS _rank, ${selectList.join(', ')} FROM ${table} ORDER BY rowid`;
  }

  // Not memoised here: readTable keeps the cleaned rows instead, which is what callers reuse.
  const raw = warehouse.rawRows(sql, [], { cache: false });
  const converters = kinds.map(converterFor);
  const issues = columns.map((): ValueIssueCounter => ({ unreadable: 0 }));
  const rows = new Array<TableRow<T, C>>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const values = raw[r] as unknown[];
    const row: Record<string, unknown> = { rowid: values[0], snapshotRank: values[1] };
    for (let c = 0; c < columns.length; c++) {
      row[columns[c] as string] = (converters[c] as (typeof converters)[number])(
        values[c + 2],
        issues[c] as ValueIssueCounter,
      );
    }
    rows[r] = row as TableRow<T, C>;
  }

  const stats = snapshotKeyStats(warehouse, tableId);
  if (options.requireRows && rows.length === 0) throw new EmptyTableError(info.name, options.neededFor);
  const unreadableValues: Record<string, number> = {};
  columns.forEach((c, i) => {
    const count = (issues[i] as ValueIssueCounter).unreadable;
    if (count > 0) unreadableValues[c] = count;
  });
  return {
    rows,
    report: {
      tableId,
      table: info.name,
      mode,
      ...stats,
      rowsReturned: rows.length,
      unreadableValues,
      dataDate: formatDataDate(stats.dataDateMs),
    },
  };
}

function selectExpression(column: string, kind: ColumnKind): string {
  if (kind === 'email') return cleanEmailSql(column);
  if (kind === 'timestamp') return parseTimestampSql(column);
  return quoteIdentifier(column);
}

function keyExpression(definition: TableDefinition, key: string): string {
  return definition.columns[key] === 'email' ? cleanEmailSql(key) : cleanIdSql(key);
}

/** Counts computed once per table per open warehouse: they do not depend on the columns read. */
export function snapshotKeyStats(warehouse: Warehouse, tableId: TableId): KeyStats {
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  let perTable = keyStatsCache.get(warehouse);
  if (!perTable) {
    perTable = new Map();
    keyStatsCache.set(warehouse, perTable);
  }
  const cached = perTable.get(tableId);
  if (cached) return cached;
  const info = warehouse.schema.tables.get(tableId);
  const table = quoteIdentifier(info?.name ?? definition.name);
  const snapshot = definition.snapshot;
  let stats: KeyStats;
  if (!snapshot) {
    stats = {
      rowsInTable: warehouse.rowCount(tableId),
      rowsWithoutKey: 0,
      distinctKeys: 0,
      duplicatedKeys: 0,
      maxRowsPerKey: 0,
      unparseableTimestamps: 0,
      missingTimestamps: 0,
      dataDateMs: null,
    };
  } else {
    const key = keyExpression(definition, snapshot.key);
    const ts = parseTimestampSql(snapshot.timestamp);
    const rawTs = quoteIdentifier(snapshot.timestamp);
    const row = warehouse.firstRow<Record<string, number | null>>(
      `WITH base AS (SELECT ${key} AS k, ${ts} AS t, ${rawTs} AS raw_t FROM ${table}),
       per_key AS (SELECT k, COUNT(*) AS n FROM base WHERE k IS NOT NULL GROUP BY k)
       SELECT (SELECT COUNT(*) FROM base) AS rowsInTable,
              (SELECT COUNT(*) FROM base WHERE k IS NULL) AS rowsWithoutKey,
              (SELECT COUNT(*) FROM per_key) AS distinctKeys,
              (SELECT COUNT(*) FROM per_key WHERE n > 1) AS duplicatedKeys,
              (SELECT COALESCE(MAX(n), 0) FROM per_key) AS maxRowsPerKey,
              (SELECT COUNT(*) FROM base WHERE t IS NULL AND raw_t IS NOT NULL AND trim(raw_t) <> '') AS unparseableTimestamps,
              (SELECT COUNT(*) FROM base WHERE raw_t IS NULL OR trim(raw_t) = '') AS missingTimestamps,
              (SELECT MAX(t) FROM base) AS dataDateMs`,
    );
    stats = {
      rowsInTable: row?.rowsInTable ?? 0,
      rowsWithoutKey: row?.rowsWithoutKey ?? 0,
      distinctKeys: row?.distinctKeys ?? 0,
      duplicatedKeys: row?.duplicatedKeys ?? 0,
      maxRowsPerKey: row?.maxRowsPerKey ?? 0,
      unparseableTimestamps: row?.unparseableTimestamps ?? 0,
      missingTimestamps: row?.missingTimestamps ?? 0,
      dataDateMs: row?.dataDateMs ?? null,
    };
  }
  perTable.set(tableId, stats);
  return stats;
}

/** Whether a table is there with the given columns and rows, without reading it (for fallbacks and doctor). */
export function tableAvailability(
  warehouse: Warehouse,
  tableId: TableId,
  columns: readonly string[] = [],
): { present: boolean; rows: number; missingColumns: string[] } {
  const info = warehouse.schema.tables.get(tableId);
  if (!info) return { present: false, rows: 0, missingColumns: [...columns] };
  return {
    present: true,
    rows: warehouse.rowCount(tableId),
    missingColumns: columns.filter((c) => !info.columns.has(c)),
  };
}

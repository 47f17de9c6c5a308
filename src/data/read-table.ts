import type { TableGap } from '../analysis/table-gap.js';
import { converterFor, formatDataDate, type ValueIssueCounter } from './clean-values.js';
import type { KeyStats } from './key-stats.js';
import { oncePerWarehouse } from './once-per-warehouse.js';
import type { Warehouse } from './open-warehouse.js';
import { keyStatsSql, rankedRowsSql, type SnapshotMode } from './ranked-rows-sql.js';
import { READ_CACHE_MAX_ROWS, RowBudgetCache } from './read-cache.js';
import type { CachedRead } from './snapshot-cache/snapshot-cache.js';
import { EmptyTableError, MissingColumnError, MissingTableError } from './warehouse-errors.js';
import {
  type ColumnKind,
  type ColumnOf,
  type TableDefinition,
  type TableId,
  type TableRow,
  WAREHOUSE_TABLES,
} from './warehouse-schema.js';

export type { KeyStats, SnapshotMode };

export interface ReadOptions {
  readonly snapshot?: SnapshotMode;
  /** What the rows are for, named in error messages ("/priority"). */
  readonly neededFor: string;
  /** Throw EmptyTableError when no keyed row remains. */
  readonly requireRows?: boolean;
  /** False for a read the caller folds into its own, smaller structure: the rows then stay out of the row memo. */
  readonly keepRows?: boolean;
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
    const perWarehouse = readCache(warehouse);
    const key = `${tableId}\u0000${options.snapshot ?? ''}\u0000${columns.join('\u0000')}`;
    let read = perWarehouse.get(key) as TableRead<T, C> | undefined;
    if (!read) {
      read = readCleanRows(warehouse, tableId, columns, { ...options, requireRows: false });
      if (options.keepRows !== false)
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
const readCache = oncePerWarehouse(
  (_warehouse: Warehouse) => new RowBudgetCache<TableRead<TableId, never>>(READ_CACHE_MAX_ROWS),
);

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
  let fromCache: CachedRead | undefined;
  try {
    fromCache = warehouse.snapshotCache?.read(tableId, columns, mode);
  } catch {
    // Cache files gone or unreadable (a newer export's build removed them): SQLite still has the truth.
    warehouse.snapshotCache = undefined;
  }
  const { rows, unreadableValues } = fromCache ?? readRowsFromSql(warehouse, definition, info.name, columns, mode);

  const stats = snapshotKeyStats(warehouse, tableId);
  if (options.requireRows && rows.length === 0) throw new EmptyTableError(info.name, options.neededFor);
  const report: TableReadReport = {
    tableId,
    table: info.name,
    mode,
    ...stats,
    rowsReturned: rows.length,
    unreadableValues,
    dataDate: formatDataDate(stats.dataDateMs),
  };
  return { rows: rows as TableRow<T, C>[], report };
}

/** The SQLite path: window-ranked rows (see rankedRowsSql), cleaned column by column in one pass. */
function readRowsFromSql(
  warehouse: Warehouse,
  definition: TableDefinition,
  tableName: string,
  columns: readonly string[],
  mode: SnapshotMode,
): { rows: Record<string, unknown>[]; unreadableValues: Record<string, number> } {
  const kinds = columns.map((c) => definition.columns[c] as ColumnKind);
  const raw = warehouse.rawRows(rankedRowsSql(definition, tableName, columns, mode), [], { cache: false });
  const converters = kinds.map(converterFor);
  const issues = columns.map((): ValueIssueCounter => ({ unreadable: 0 }));
  const rows = new Array<Record<string, unknown>>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const values = raw[r] as unknown[];
    const row: Record<string, unknown> = { rowid: values[0], snapshotRank: values[1] };
    for (let c = 0; c < columns.length; c++) {
      row[columns[c] as string] = (converters[c] as (typeof converters)[number])(
        values[c + 2],
        issues[c] as ValueIssueCounter,
      );
    }
    rows[r] = row;
  }
  const unreadableValues: Record<string, number> = {};
  columns.forEach((c, i) => {
    const count = (issues[i] as ValueIssueCounter).unreadable;
    if (count > 0) unreadableValues[c] = count;
  });
  return { rows, unreadableValues };
}

/** Counts computed once per table per open warehouse: they do not depend on the columns read. */
export function snapshotKeyStats(warehouse: Warehouse, tableId: TableId): KeyStats {
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  let perTable = keyStatsCache.get(warehouse);
  if (!perTable) {
    perTable = new Map();
    keyStatsCache.set(warehouse, perTable);
  }
  const cached = perTable.get(tableId) ?? warehouse.snapshotCache?.keyStats(tableId);
  if (cached) return cached;
  const info = warehouse.schema.tables.get(tableId);
  const snapshot = definition.snapshot;
  let stats: KeyStats;
  if (!snapshot) {
    stats = {
      rowsInTable: warehouse.rowCount(tableId),
      rowsWithoutKey: 0,
      distinctKeys: 0,
      duplicatedKeys: 0,
      maxRowsPerKey: 0,
      keysMergedByCleaning: 0,
      unparseableTimestamps: 0,
      missingTimestamps: 0,
      dataDateMs: null,
    };
  } else {
    stats = keyStatsOfRow(
      warehouse.firstRow<Record<string, number | null>>(keyStatsSql(definition, info?.name ?? definition.name)),
    );
  }
  perTable.set(tableId, stats);
  return stats;
}

/** KeyStats from the row of keyStatsSql or keyStatsFromKeyedSql. */
export function keyStatsOfRow(row: Record<string, number | null> | undefined): KeyStats {
  return {
    rowsInTable: row?.rowsInTable ?? 0,
    rowsWithoutKey: row?.rowsWithoutKey ?? 0,
    distinctKeys: row?.distinctKeys ?? 0,
    duplicatedKeys: row?.duplicatedKeys ?? 0,
    maxRowsPerKey: row?.maxRowsPerKey ?? 0,
    keysMergedByCleaning: row?.keysMergedByCleaning ?? 0,
    unparseableTimestamps: row?.unparseableTimestamps ?? 0,
    missingTimestamps: row?.missingTimestamps ?? 0,
    dataDateMs: row?.dataDateMs ?? null,
  };
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

/** What keeps a table from being used before reading it (absent, lacking columns, empty); null when nothing does. */
export function tableGap(warehouse: Warehouse, tableId: TableId, columns: readonly string[] = []): TableGap | null {
  const table = WAREHOUSE_TABLES[tableId].name;
  const availability = tableAvailability(warehouse, tableId, columns);
  if (!availability.present) return { code: 'no-table', table };
  if (availability.missingColumns.length > 0) {
    return { code: 'missing-columns', table, columns: availability.missingColumns };
  }
  return availability.rows === 0 ? { code: 'no-rows', table } : null;
}

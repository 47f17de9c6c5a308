import { codeColumn, numberColumn } from '../analysis/columns/coded-column.js';
import { formatDataDate } from './clean-values.js';
import type { Warehouse } from './open-warehouse.js';
import { type ReadOptions, readTable, snapshotKeyStats, type TableReadReport } from './read-table.js';
import type { TypedColumn } from './snapshot-cache/column-store.js';
import type { CachedColumns, SnapshotCache } from './snapshot-cache/snapshot-cache.js';
import { EmptyTableError } from './warehouse-errors.js';
import { type ColumnKind, type TableDefinition, type TableId, WAREHOUSE_TABLES } from './warehouse-schema.js';

export interface TableColumnsRead {
  /** Per column: Float64Array (NaN = NULL) for numbers, flags and timestamps; CodedColumn for text. */
  readonly columns: Readonly<Record<string, TypedColumn>>;
  readonly length: number;
  readonly report: TableReadReport;
  /** The snapshot cache the columns were read from (rank-1 rows, in its order); undefined when read from SQLite. */
  readonly cache?: SnapshotCache;
}

/**
 * readTable's latest rows (same rows, same order, same report) as typed columns: straight from the snapshot cache's
 * Arrow files when it holds them, else coded from readTable's rows. Column-wise analyses start here, so a million
 * customers cost a few typed arrays rather than a million row objects.
 */
export function readTableColumns(
  warehouse: Warehouse,
  tableId: TableId,
  columns: readonly string[],
  options: Omit<ReadOptions, 'snapshot'>,
): TableColumnsRead {
  const cached = readCachedColumns(warehouse, tableId, columns, options, false);
  if (cached) {
    const [latest] = cached.ranks as [CachedColumns];
    return { columns: latest.columns, length: latest.rowids.length, report: cached.report, cache: cached.cache };
  }
  return warehouse.timeRead(() => {
    const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
    const read = readTable(warehouse, tableId, columns as never[], { ...options, snapshot: 'latest', keepRows: false });
    const rows = read.rows as unknown as Record<string, unknown>[];
    const typed: Record<string, TypedColumn> = {};
    for (const c of columns) {
      const values = rows.map((row) => row[c] as never);
      const kind = definition.columns[c] as ColumnKind;
      typed[c] =
        kind === 'number' || kind === 'flag' || kind === 'timestamp' ? numberColumn(values) : codeColumn(values);
    }
    return { columns: typed, length: rows.length, report: read.report };
  });
}

/**
 * The cache's latest rows (and, `withPrevious`, second-latest: readTable's 'previous' mode) as typed columns, with
 * the report readTable gives for that mode; undefined when the cache cannot serve it (the caller reads rows instead).
 */
export function readCachedColumns(
  warehouse: Warehouse,
  tableId: TableId,
  columns: readonly string[],
  options: Omit<ReadOptions, 'snapshot'>,
  withPrevious: boolean,
):
  | { readonly ranks: readonly CachedColumns[]; readonly report: TableReadReport; readonly cache: SnapshotCache }
  | undefined {
  return warehouse.timeRead(() => {
    const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
    const cache = warehouse.snapshotCache;
    const table = cache?.manifest.tables[tableId];
    if (!cache || !table || (withPrevious && !table.snapshot)) return undefined;
    const ranks: CachedColumns[] = [];
    try {
      for (const rank of withPrevious ? ([1, 2] as const) : ([1] as const)) {
        const read = cache.columns(tableId, rank, columns);
        if (!read) return undefined;
        ranks.push(read);
      }
    } catch {
      // Cache files gone or unreadable (a newer export's build removed them): SQLite still has the truth.
      warehouse.snapshotCache = undefined;
      return undefined;
    }
    const info = warehouse.schema.tables.get(tableId);
    const name = info?.name ?? definition.name;
    const stats = snapshotKeyStats(warehouse, tableId);
    const rowsReturned = ranks.reduce((n, r) => n + r.rowids.length, 0);
    if (options.requireRows && (ranks[0]?.rowids.length ?? 0) === 0) throw new EmptyTableError(name, options.neededFor);
    const unreadableValues: Record<string, number> = {};
    for (const rank of withPrevious ? ([1, 2] as const) : ([1] as const)) {
      for (const [column, count] of Object.entries(table.ranks[rank]?.unreadable ?? {})) {
        if (columns.includes(column)) unreadableValues[column] = (unreadableValues[column] ?? 0) + count;
      }
    }
    const report: TableReadReport = {
      tableId,
      table: name,
      mode: definition.snapshot ? (withPrevious ? 'previous' : 'latest') : 'all',
      ...stats,
      rowsReturned,
      unreadableValues,
      dataDate: formatDataDate(stats.dataDateMs),
    };
    return { ranks, report, cache };
  });
}

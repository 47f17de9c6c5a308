import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { converterFor, type ValueIssueCounter } from '../clean-values.js';
import type { KeyStats } from '../key-stats.js';
import type { Warehouse } from '../open-warehouse.js';
import { COLUMNS_READ } from '../queries/columns-read.js';
import { CUSTOMER_SALES_COLUMNS, eachSalesByEmail } from '../queries/customer-sales.js';
import {
  keyedTableSql,
  keyStatsFromKeyedSql,
  rankedRowsSql,
  rankedTableSql,
  rowsOfRankedSql,
} from '../ranked-rows-sql.js';
import { keyStatsOfRow, snapshotKeyStats, tableAvailability } from '../read-table.js';
import { type ColumnKind, type TableDefinition, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import type { StoredColumnType } from './column-store.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, type StringEncoding, writeColumns } from './column-writer.js';
import {
  type CachedCustomerLookup,
  CUSTOMER_LOOKUP_FOLDER,
  type LookupPart,
  writeCustomerLookup,
} from './customer-lookup-index.js';
import { SALES_BY_EMAIL_FOLDER } from './snapshot-cache.js';
import type { CachedRankSet, CachedSalesByEmail, CachedTable } from './snapshot-manifest.js';

/** One unit of a cache build: a table, or the sales-by-email reduction. Units run in any order, on any thread. */
export type CacheTask =
  | { readonly kind: 'table'; readonly tableId: TableId }
  | { readonly kind: 'sales' }
  /** The /customer index in two halves (id pairs; name tuples), each a pass over the customer table. */
  | { readonly kind: 'lookup'; readonly part: LookupPart };

export interface CacheTaskResults {
  readonly tables: Partial<Record<TableId, CachedTable>>;
  readonly salesByEmail?: CachedSalesByEmail;
  readonly customerLookup?: CachedCustomerLookup;
}

/**
 * Every unit of a build of this export, with a cost estimate for sharing them out: CPU microseconds per row as
 * measured alone at 100k customers (7 Dec). A snapshot table costs ~5 us per row to clean, count and rank, plus
 * ~0.4 us per written value (about two rows per customer); a plain table ~1 us per row plus 0.3 per value; the
 * sales reduction ~4 us per customer row; the /customer index ~6 us per customer, mapping and value row.
 */
export function cacheTasks(warehouse: Warehouse): { task: CacheTask; cost: number }[] {
  const tasks: { task: CacheTask; cost: number }[] = [];
  const customers = warehouse.schema.tables.has('value') ? warehouse.rowCount('value') : Number.POSITIVE_INFINITY;
  for (const tableId of Object.keys(WAREHOUSE_TABLES) as TableId[]) {
    const info = warehouse.schema.tables.get(tableId);
    if (!info || !COLUMNS_READ[tableId]) continue;
    const rows = warehouse.rowCount(tableId);
    const columns = (COLUMNS_READ[tableId] ?? []).filter((c) => info.columns.has(c)).length;
    const cost = (WAREHOUSE_TABLES[tableId] as TableDefinition).snapshot
      ? rows * 5 + Math.min(rows, 2 * customers) * columns * 0.4
      : rows * (1 + 0.3 * columns);
    tasks.push({ task: { kind: 'table', tableId }, cost });
  }
  if (tableAvailability(warehouse, 'customer', CUSTOMER_SALES_COLUMNS).missingColumns.length === 0) {
    tasks.push({ task: { kind: 'sales' }, cost: warehouse.rowCount('customer') * 4 });
  }
  // The /customer index reads the customer table twice, and the mapping and value tables for source ids.
  const customerRows = warehouse.rowCount('customer');
  const mappedRows = warehouse.rowCount('mapping') + warehouse.rowCount('value');
  if (customerRows + mappedRows > 0) {
    tasks.push({ task: { kind: 'lookup', part: 'ids' }, cost: (customerRows + mappedRows) * 4 });
    tasks.push({ task: { kind: 'lookup', part: 'names' }, cost: customerRows * 3 });
  }
  return tasks;
}

/** Runs `tasks` on one connection, writing under `directory` (the scratch folder of the build). */
export function runCacheTasks(
  warehouse: Warehouse,
  directory: string,
  tasks: readonly CacheTask[],
  batchRows: number = DEFAULT_BATCH_ROWS,
): CacheTaskResults {
  const tables: Partial<Record<TableId, CachedTable>> = {};
  let salesByEmail: CachedSalesByEmail | undefined;
  let customerLookup: CachedCustomerLookup | undefined;
  for (const task of tasks) {
    if (task.kind === 'lookup') {
      customerLookup = writeCustomerLookup(warehouse, join(directory, CUSTOMER_LOOKUP_FOLDER), task.part, batchRows);
      continue;
    }
    if (task.kind === 'sales') {
      salesByEmail = writeSalesByEmail(warehouse, join(directory, SALES_BY_EMAIL_FOLDER), batchRows);
      continue;
    }
    const table = cacheTable(warehouse, task.tableId, join(directory, task.tableId), batchRows);
    if (table) tables[task.tableId] = table;
  }
  return { tables, ...(salesByEmail ? { salesByEmail } : {}), ...(customerLookup ? { customerLookup } : {}) };
}

/**
 * Ranks, cleans and writes one table (the latest two rows per key, or every row of a table without snapshots).
 * A snapshot table's keys and instants are cleaned once into a temp table that both the ranking and the KeyStats
 * count read: one JavaScript cleaning pass instead of two.
 */
export function cacheTable(
  warehouse: Warehouse,
  tableId: TableId,
  directory: string,
  batchRows: number = DEFAULT_BATCH_ROWS,
): CachedTable | undefined {
  const started = performance.now();
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  const info = warehouse.schema.tables.get(tableId);
  if (!info) return undefined;
  const snapshot = definition.snapshot;
  // Without its key or timestamp a snapshot table cannot be ranked; readTable reports that from the schema.
  if (snapshot && !(info.columns.has(snapshot.key) && info.columns.has(snapshot.timestamp))) return undefined;

  const columns = (COLUMNS_READ[tableId] ?? []).filter((c) => info.columns.has(c));
  if (columns.length === 0) return undefined;
  if (!snapshot) {
    const ranks = writeRanks(warehouse, rankedRowsSql(definition, info.name, columns, 'all'), definition, columns, 1);
    return tableEntry(info.name, definition, columns, ranks, snapshotKeyStats(warehouse, tableId), started);
  }
  const keyed = `radar_keyed_${tableId}`;
  const ranked = `radar_ranked_${tableId}`;
  return warehouse.withTempTable(keyed, keyedTableSql(definition, info.name, keyed), () => {
    const keyStats = keyStatsOfRow(warehouse.firstRow<Record<string, number | null>>(keyStatsFromKeyedSql(keyed)));
    return warehouse.withTempTable(ranked, rankedTableSql(keyed, ranked), () => {
      const sql = rowsOfRankedSql(definition, info.name, columns, ranked);
      const ranks = writeRanks(warehouse, sql, definition, columns, 2);
      return tableEntry(info.name, definition, columns, ranks, keyStats, started);
    });
  });

  function writeRanks(
    warehouse: Warehouse,
    sql: string,
    definition: TableDefinition,
    columns: readonly string[],
    rankCount: 1 | 2,
  ): CachedRankSet[] {
    const kinds = columns.map((c) => definition.columns[c] as ColumnKind);
    const converters = kinds.map(converterFor);
    // Each column streams to its file batch by batch: the build holds one batch per column, not the table.
    const ranks = Array.from({ length: rankCount }, (_, i) => {
      const folder = join(directory, `rank-${i + 1}`);
      mkdirSync(folder, { recursive: true });
      return {
        rowids: new ColumnWriter(join(folder, 'rowid.arrow'), 'number', 'plain', batchRows),
        columns: columns.map(
          (c, k) =>
            new ColumnWriter(
              join(folder, `${c}.arrow`),
              storedType(kinds[k] as ColumnKind),
              stringEncoding(kinds[k] as ColumnKind),
              batchRows,
            ),
        ),
        issues: columns.map((): ValueIssueCounter => ({ unreadable: 0 })),
      };
    });
    const writers = ranks.flatMap((rank) => [rank.rowids, ...rank.columns]);
    writeColumns(writers, () =>
      warehouse.eachRawRow(sql, (row) => {
        const rank = ranks[(row[1] as number) - 1];
        if (!rank) return;
        rank.rowids.push(row[0] as number);
        for (let c = 0; c < columns.length; c++) {
          const convert = converters[c] as (typeof converters)[number];
          (rank.columns[c] as ColumnWriter).push(convert(row[c + 2], rank.issues[c] as ValueIssueCounter));
        }
      }),
    );
    return ranks.map((rank) => {
      const unreadable: Record<string, number> = {};
      rank.issues.forEach((issue, c) => {
        if (issue.unreadable > 0) unreadable[columns[c] as string] = issue.unreadable;
      });
      return { rows: rank.rowids.rows, unreadable };
    });
  }
}

function tableEntry(
  name: string,
  definition: TableDefinition,
  columns: readonly string[],
  ranks: readonly CachedRankSet[],
  keyStats: KeyStats,
  started: number,
): CachedTable {
  return {
    name,
    columns: Object.fromEntries(columns.map((c) => [c, storedType(definition.columns[c] as ColumnKind)])),
    snapshot: definition.snapshot !== undefined,
    ranks: { 1: ranks[0] as CachedRankSet, ...(ranks[1] ? { 2: ranks[1] } : {}) },
    keyStats,
    buildMs: Math.round(performance.now() - started),
  };
}

function writeSalesByEmail(warehouse: Warehouse, directory: string, batchRows: number): CachedSalesByEmail {
  mkdirSync(directory, { recursive: true });
  const emails = new ColumnWriter(join(directory, 'email.arrow'), 'string', 'plain', batchRows);
  const amounts = new ColumnWriter(join(directory, 'sales.arrow'), 'number', 'plain', batchRows);
  let summary: CachedSalesByEmail | undefined;
  writeColumns([emails, amounts], () => {
    summary = eachSalesByEmail(warehouse, (email, amount) => {
      emails.push(email);
      amounts.push(amount);
    });
  });
  return summary as CachedSalesByEmail;
}

/** Ids and emails are about one value per row: plain. Labels are mostly categories; measured on the first batch. */
function stringEncoding(kind: ColumnKind): StringEncoding {
  return kind === 'email' || kind === 'id' ? 'plain' : 'auto';
}

function storedType(kind: ColumnKind): StoredColumnType {
  return kind === 'number' || kind === 'flag' || kind === 'timestamp' ? 'number' : 'string';
}

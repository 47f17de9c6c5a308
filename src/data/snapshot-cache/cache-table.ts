import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Converter, converterFor, rawCleaningConverter, type ValueIssueCounter } from '../clean-values.js';
import type { KeyStats } from '../key-stats.js';
import type { Warehouse } from '../open-warehouse.js';
import { COLUMNS_READ } from '../queries/columns-read.js';
import { CUSTOMER_SALES_COLUMNS } from '../queries/customer-sales.js';
import { cleanedColumnsSql, rowsByRowidSql } from '../ranked-rows-sql.js';
import { snapshotKeyStats } from '../read-table.js';
import { type ColumnKind, type TableDefinition, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import type { StoredColumnType } from './column-store.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, type StringEncoding, writeColumns } from './column-writer.js';
import { CUSTOMER_ID_SALES_FOLDER } from './customer-id-sales.js';
import {
  customerLookupAlongside,
  customerNamesReadable,
  type LookupPart,
  startIdPairs,
  startNameTuples,
  writeCustomerLookup,
} from './customer-lookup-build.js';
import { type CachedCustomerLookup, CUSTOMER_LOOKUP_FOLDER } from './customer-lookup-index.js';
import { latestTwoPerKey } from './latest-two-per-key.js';
import { writeSalesByEmail } from './sales-by-email-pass.js';
import { SALES_BY_EMAIL_FOLDER } from './snapshot-cache.js';
import type { CachedRankSet, CachedSalesByEmail, CachedTable } from './snapshot-manifest.js';

/**
 * One unit of a cache build. Units run in any order, on any thread, each on its thread's own read-only connection.
 * A new step is a new kind here, with its cost in cacheTasks, its branch in runCacheTasks (writing under the
 * build's scratch folder) and its manifest field in CacheTaskResults and SnapshotManifest; the threads take it like
 * any other task, and the parallel build merges its field into the manifest without being told.
 */
export type CacheTask =
  | { readonly kind: 'table'; readonly tableId: TableId }
  /**
   * The sales reduction. Its pass over the customer table also writes the /customer index's names (`withNames`) and
   * its id pairs with the sales per customer360_id (`withIds`), so the table is read once for all three.
   */
  | { readonly kind: 'sales'; readonly withNames: boolean; readonly withIds: boolean }
  /** The /customer index in two halves (id pairs; name tuples), each a pass over the customer table. */
  | { readonly kind: 'lookup'; readonly part: LookupPart };

export interface CacheTaskResults {
  readonly tables: Partial<Record<TableId, CachedTable>>;
  readonly salesByEmail?: CachedSalesByEmail;
  readonly customerLookup?: CachedCustomerLookup;
}

/**
 * Every unit of a build of this export, with a cost estimate: the threads take the costliest first. CPU
 * microseconds per row as measured alone at 100k customers (7 Dec, one-pass build): a snapshot table ~3 us per row
 * to clean and rank plus ~0.3 us per written value (about two rows per customer); a plain table ~1 us per row plus
 * 0.3 per value; the sales reduction ~2.5 us per customer row; the /customer index's id pairs ~3 us per customer,
 * mapping and value row, its name tuples ~2.2 us per customer row (~1.5 more for the sales pass that reads them
 * along: one read of the row instead of two). Row counts are estimates (largest rowid).
 */
export function cacheTasks(warehouse: Warehouse): { task: CacheTask; cost: number }[] {
  const tasks: { task: CacheTask; cost: number }[] = [];
  const customers = warehouse.schema.tables.has('value')
    ? warehouse.rowCountEstimate('value')
    : Number.POSITIVE_INFINITY;
  for (const tableId of Object.keys(WAREHOUSE_TABLES) as TableId[]) {
    const info = warehouse.schema.tables.get(tableId);
    if (!info || !COLUMNS_READ[tableId]) continue;
    const rows = warehouse.rowCountEstimate(tableId);
    const columns = (COLUMNS_READ[tableId] ?? []).filter((c) => info.columns.has(c)).length;
    const cost = (WAREHOUSE_TABLES[tableId] as TableDefinition).snapshot
      ? rows * 3 + Math.min(rows, 2 * customers) * columns * 0.3
      : rows * (1 + 0.3 * columns);
    tasks.push({ task: { kind: 'table', tableId }, cost });
  }
  const customer = warehouse.schema.tables.get('customer');
  const customerRows = warehouse.rowCountEstimate('customer');
  const sales = customer !== undefined && CUSTOMER_SALES_COLUMNS.every((c) => customer.columns.has(c));
  // The names and the id pairs come with the sales pass when the customer table has all three (two passes of the
  // 7.2M-row table fewer at a million customers: ~2 us per row for the id pairs and names on top of the pass).
  const withNames = sales && customerNamesReadable(warehouse);
  const mappedRows = warehouse.rowCountEstimate('mapping') + warehouse.rowCountEstimate('value');
  const hasLookup = customerRows + mappedRows > 0;
  if (withNames && hasLookup) {
    tasks.push({ task: { kind: 'sales', withNames, withIds: true }, cost: mappedRows * 3 + customerRows * 5 });
    return tasks;
  }
  if (sales)
    tasks.push({ task: { kind: 'sales', withNames, withIds: false }, cost: customerRows * (withNames ? 3.8 : 2.5) });
  if (hasLookup) {
    tasks.push({ task: { kind: 'lookup', part: 'ids' }, cost: (customerRows + mappedRows) * 3 });
    if (!withNames) tasks.push({ task: { kind: 'lookup', part: 'names' }, cost: customerRows * 2.2 });
  }
  return tasks;
}

/**
 * Runs tasks on one connection, writing under `directory` (the scratch folder of the build): every task when alone,
 * or, in a parallel build, the next unclaimed one until none is left. `claim` is a counter the threads share
 * (a SharedArrayBuffer): each takes the task at the index it draws, so a thread that finishes early takes more.
 */
export function runCacheTasks(
  warehouse: Warehouse,
  directory: string,
  tasks: readonly CacheTask[],
  batchRows: number = DEFAULT_BATCH_ROWS,
  claim: Int32Array = new Int32Array(1),
): CacheTaskResults {
  const tables: Partial<Record<TableId, CachedTable>> = {};
  let salesByEmail: CachedSalesByEmail | undefined;
  let customerLookup: CachedCustomerLookup | undefined;
  const run = (task: CacheTask): void => {
    // The id pass also writes sales per customer360_id for the investment join after the tables (build-only).
    const idSales = join(directory, CUSTOMER_ID_SALES_FOLDER);
    const lookupDirectory = join(directory, CUSTOMER_LOOKUP_FOLDER);
    if (task.kind === 'lookup') {
      customerLookup = writeCustomerLookup(
        warehouse,
        lookupDirectory,
        task.part,
        batchRows,
        task.part === 'ids' ? idSales : undefined,
      );
      return;
    }
    if (task.kind === 'sales') {
      // The id pairs first: their mapped pairs are read before any of the pass's files is opened.
      const ids = task.withIds ? startIdPairs(warehouse, lookupDirectory, batchRows, idSales) : undefined;
      const names = task.withNames ? startNameTuples(warehouse, lookupDirectory, batchRows) : undefined;
      const alongside = customerLookupAlongside(names?.tuples, ids);
      salesByEmail = writeSalesByEmail(warehouse, join(directory, SALES_BY_EMAIL_FOLDER), batchRows, alongside);
      customerLookup = names?.covers ?? ids?.covers ?? customerLookup;
      return;
    }
    const table = cacheTable(warehouse, task.tableId, join(directory, task.tableId), batchRows);
    if (table) tables[task.tableId] = table;
  };
  for (let i = Atomics.add(claim, 0, 1); i < tasks.length; i = Atomics.add(claim, 0, 1)) run(tasks[i] as CacheTask);
  return { tables, ...(salesByEmail ? { salesByEmail } : {}), ...(customerLookup ? { customerLookup } : {}) };
}

/**
 * Ranks, cleans and writes one table (the latest two rows per key, or every row of a table without snapshots). A
 * snapshot table is read twice: one pass ranks it and counts its KeyStats (latest-two-per-key.ts), then the kept
 * rows are fetched by rowid, in rowid order, with their columns cleaned.
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
  const writer = new RankWriter(directory, definition, columns, batchRows, snapshot ? BY_ROWID_ROWS : RANKED_ROWS);
  if (!snapshot) {
    // rankedRowsSql's cleaned columns for every row ('all'), read in pages of rowids; every row is rank 1 (given
    // apart: a constant column costs as much per row to hand over as a NULL, ~0.1 µs).
    const selected = cleanedColumnsSql(definition, columns);
    const ranks = writer.write((push) => warehouse.eachTableRow(info.name, selected, undefined, (row) => push(1, row)));
    return tableEntry(info.name, definition, columns, ranks, snapshotKeyStats(warehouse, tableId), started);
  }
  const { rowids, ranks: rankOf, keyStats } = latestTwoPerKey(warehouse, definition, info.name);
  const sql = rowsByRowidSql(info.name, columns);
  const ranks = writer.write((push) => {
    for (let from = 0; from < rowids.length; from += ROWIDS_PER_FETCH) {
      const to = Math.min(rowids.length, from + ROWIDS_PER_FETCH);
      let i = from;
      const wanted = JSON.stringify(Array.from(rowids.subarray(from, to)));
      for (const row of warehouse.rawRows(sql, [wanted], { cache: false })) {
        if (row[0] !== rowids[i]) throw new Error(`${info.name}: rowid ${rowids[i]} came back as ${row[0]}`);
        push(rankOf[i++] as 1 | 2, row);
      }
      if (i !== to) throw new Error(`${info.name}: ${to - i} of the ranked rows were not found by rowid`);
    }
  });
  return tableEntry(info.name, definition, columns, ranks, keyStats, started);
}

/**
 * Rowids per statement of the fetch by rowid, whose rows come as one array (`.all()`): a row of a page costs ~0.3 µs
 * less than one from `.iterate()`, and a page of 2,048 rows of the value table's 30 columns is a few MB.
 */
const ROWIDS_PER_FETCH = 2_048;

/** How a statement's rows hold a table's values, and how they are cleaned into the cache's. */
interface RowShape {
  readonly rankCount: 1 | 2;
  /** Index of the first column's value in a row. */
  readonly valuesFrom: number;
  readonly converter: (kind: ColumnKind) => Converter;
}

/** `_rowid, <columns>…` as rankedRowsSql selects them, emails and timestamps cleaned by SQL: a table without snapshots. */
const RANKED_ROWS: RowShape = { rankCount: 1, valuesFrom: 1, converter: converterFor };
/** rowsByRowidSql's `_rowid, <raw columns>…`: a snapshot table's latest two rows per key. */
const BY_ROWID_ROWS: RowShape = { rankCount: 2, valuesFrom: 1, converter: rawCleaningConverter };

/**
 * Rank sets of one table, each column streaming to its file batch by batch (`rank-N/<column>.arrow`, plus
 * `rowid.arrow`): the build holds one batch per column, not the table. Rows are `[_rowid, <columns>…]`, their rank
 * given apart.
 */
class RankWriter {
  private readonly converters: Converter[];
  private readonly ranks: {
    rowids: ColumnWriter;
    columns: ColumnWriter[];
    issues: ValueIssueCounter[];
  }[];

  constructor(
    directory: string,
    definition: TableDefinition,
    private readonly columns: readonly string[],
    batchRows: number,
    private readonly shape: RowShape,
  ) {
    const kinds = columns.map((c) => definition.columns[c] as ColumnKind);
    this.converters = kinds.map(shape.converter);
    this.ranks = Array.from({ length: shape.rankCount }, (_, i) => {
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
  }

  /** `fill` pushes each row, `_rowid` first, with its rank (1 or 2); then every file is completed. */
  write(fill: (push: (rank: 1 | 2, row: readonly unknown[]) => void) => void): CachedRankSet[] {
    const { columns, converters, ranks } = this;
    const { valuesFrom } = this.shape;
    writeColumns(
      ranks.flatMap((rank) => [rank.rowids, ...rank.columns]),
      () =>
        fill((rankNumber, row) => {
          const rank = ranks[rankNumber - 1];
          if (!rank) return;
          rank.rowids.push(row[0] as number);
          for (let c = 0; c < columns.length; c++) {
            const convert = converters[c] as Converter;
            (rank.columns[c] as ColumnWriter).push(convert(row[c + valuesFrom], rank.issues[c] as ValueIssueCounter));
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

/** Ids and emails are about one value per row: plain. Labels are mostly categories; measured on the first batch. */
function stringEncoding(kind: ColumnKind): StringEncoding {
  return kind === 'email' || kind === 'id' ? 'plain' : 'auto';
}

function storedType(kind: ColumnKind): StoredColumnType {
  return kind === 'number' || kind === 'flag' || kind === 'timestamp' ? 'number' : 'string';
}

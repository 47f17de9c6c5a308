import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { converterFor, type ValueIssueCounter } from '../clean-values.js';
import type { Warehouse } from '../open-warehouse.js';
import { COLUMNS_READ } from '../queries/columns-read.js';
import { CUSTOMER_SALES_COLUMNS, reduceSalesByEmail } from '../queries/customer-sales.js';
import { rankedRowsSql } from '../ranked-rows-sql.js';
import { snapshotKeyStats, tableAvailability } from '../read-table.js';
import { type ColumnKind, type TableDefinition, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { ColumnBuilder, type StoredColumnType } from './column-store.js';
import { MANIFEST_FILE, openSnapshotCache, SALES_BY_EMAIL_FOLDER, type SnapshotCache } from './snapshot-cache.js';
import { pathPrefix, snapshotCacheDirectory, sourceIdentity } from './snapshot-cache-location.js';
import {
  type CachedRankSet,
  type CachedSalesByEmail,
  type CachedTable,
  SNAPSHOT_CACHE_FORMAT,
  type SnapshotManifest,
} from './snapshot-manifest.js';

export interface SnapshotCacheBuild {
  readonly cache: SnapshotCache;
  /** False when a complete cache of this export was already there. */
  readonly built: boolean;
}

/**
 * Reads every table of the export once — window-ranked, cleaned exactly as readTable cleans — and writes the latest
 * two rows per key column by column. Written to a scratch folder and renamed into place, so a crash mid-build
 * leaves no half cache; caches of older exports of the same file are removed after.
 */
export function buildSnapshotCache(
  warehouse: Warehouse,
  root: string,
  now: () => Date = () => new Date(),
): SnapshotCacheBuild {
  const source = sourceIdentity(warehouse.path);
  const directory = snapshotCacheDirectory(root, source);
  const existing = openSnapshotCache(directory, source);
  if (existing) return { cache: existing, built: false };

  const started = performance.now();
  const scratch = `${directory}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(scratch, { recursive: true });
  try {
    const tables: Partial<Record<TableId, CachedTable>> = {};
    for (const tableId of Object.keys(WAREHOUSE_TABLES) as TableId[]) {
      const table = cacheTable(warehouse, tableId, join(scratch, tableId), performance.now());
      if (table) tables[tableId] = table;
    }
    const sales = salesByEmail(warehouse, join(scratch, SALES_BY_EMAIL_FOLDER));
    const manifest: SnapshotManifest = {
      format: SNAPSHOT_CACHE_FORMAT,
      source,
      builtAt: now().toISOString(),
      buildMs: Math.round(performance.now() - started),
      tables,
      ...sales,
    };
    writeFileSync(join(scratch, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    try {
      renameSync(scratch, directory);
    } catch {
      // Another process finished the same cache first; theirs is as good as ours.
      rmSync(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  removeOlderCaches(directory, pathPrefix(source.path));
  const cache = openSnapshotCache(directory, source);
  if (!cache) throw new Error(`The snapshot cache at ${directory} could not be read back after building it`);
  return { cache, built: true };
}

function cacheTable(
  warehouse: Warehouse,
  tableId: TableId,
  directory: string,
  started: number,
): CachedTable | undefined {
  const definition: TableDefinition = WAREHOUSE_TABLES[tableId];
  const info = warehouse.schema.tables.get(tableId);
  if (!info) return undefined;
  const snapshot = definition.snapshot;
  // Without its key or timestamp a snapshot table cannot be ranked; readTable reports that from the schema.
  if (snapshot && !(info.columns.has(snapshot.key) && info.columns.has(snapshot.timestamp))) return undefined;

  const columns = (COLUMNS_READ[tableId] ?? []).filter((c) => info.columns.has(c));
  if (columns.length === 0) return undefined;
  const kinds = columns.map((c) => definition.columns[c] as ColumnKind);
  const types = kinds.map(storedType);
  const converters = kinds.map(converterFor);
  const ranks = (snapshot ? [1, 2] : [1]).map(() => ({
    rowids: new ColumnBuilder('number'),
    columns: types.map((type) => new ColumnBuilder(type)),
    issues: columns.map((): ValueIssueCounter => ({ unreadable: 0 })),
    rows: 0,
  }));

  const sql = rankedRowsSql(definition, info.name, columns, snapshot ? 'previous' : 'all');
  warehouse.eachRawRow(sql, (row) => {
    const rank = ranks[(row[1] as number) - 1];
    if (!rank) return;
    rank.rowids.push(row[0] as number);
    for (let c = 0; c < columns.length; c++) {
      const value = (converters[c] as (typeof converters)[number])(row[c + 2], rank.issues[c] as ValueIssueCounter);
      (rank.columns[c] as ColumnBuilder).push(value);
    }
    rank.rows++;
  });

  const rankSets: CachedRankSet[] = ranks.map((rank, i) => {
    const folder = join(directory, `rank-${i + 1}`);
    mkdirSync(folder, { recursive: true });
    rank.rowids.write(folder, 'rowid');
    rank.columns.forEach((builder, c) => {
      builder.write(folder, columns[c] as string);
    });
    const unreadable: Record<string, number> = {};
    rank.issues.forEach((issue, c) => {
      if (issue.unreadable > 0) unreadable[columns[c] as string] = issue.unreadable;
    });
    return { rows: rank.rows, unreadable };
  });

  return {
    name: info.name,
    columns: Object.fromEntries(columns.map((c, i) => [c, types[i] as StoredColumnType])),
    snapshot: snapshot !== undefined,
    ranks: { 1: rankSets[0] as CachedRankSet, ...(rankSets[1] ? { 2: rankSets[1] } : {}) },
    keyStats: snapshotKeyStats(warehouse, tableId),
    buildMs: Math.round(performance.now() - started),
  };
}

function salesByEmail(warehouse: Warehouse, directory: string): { salesByEmail?: CachedSalesByEmail } {
  if (tableAvailability(warehouse, 'customer', CUSTOMER_SALES_COLUMNS).missingColumns.length > 0) return {};
  const { sales, ...summary } = reduceSalesByEmail(warehouse);
  const emails = new ColumnBuilder('string');
  const amounts = new ColumnBuilder('number');
  for (const [email, amount] of sales) {
    emails.push(email);
    amounts.push(amount);
  }
  mkdirSync(directory, { recursive: true });
  emails.write(directory, 'email');
  amounts.write(directory, 'sales');
  return { salesByEmail: summary };
}

function storedType(kind: ColumnKind): StoredColumnType {
  return kind === 'number' || kind === 'flag' || kind === 'timestamp' ? 'number' : 'string';
}

/** Older exports' caches, and scratch folders of builds whose process is gone (killed or crashed mid-build). */
function removeOlderCaches(current: string, prefix: string): void {
  const root = dirname(current);
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix) || join(root, name) === current) continue;
    const builder = /\.building-(\d+)-/.exec(name)?.[1];
    if (builder !== undefined && processAlive(Number(builder))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import Database from 'better-sqlite3';
import { readReplicaMetadata } from './engines/replica-metadata.js';
import type { SourceKind } from './engines/source-kind.js';
import { inspectSchema, quoteIdentifier, type WarehouseSchema } from './inspect-schema.js';
import { openSettledFile, type StatSource } from './open-settled-file.js';
import { READ_CACHE_MAX_ROWS, RowBudgetCache } from './read-cache.js';
import type { SnapshotCache } from './snapshot-cache/snapshot-cache.js';
import type { SourceIdentity } from './snapshot-cache/snapshot-manifest.js';
import { registerCleaningFunctions } from './sqlite-cleaning-functions.js';
import { checkSqliteFile, translateSqliteError } from './sqlite-file-checks.js';
import type { TableId } from './warehouse-schema.js';

/** Rows per page of eachTableRow: a few hundred arrays held at a time (256 to 4,096 measured alike, 7 Dec). */
const TABLE_ROW_PAGE = 512;

/**
 * Where the data came from, as users are told: the export file, or the database a local replica copies (label
 * without password). Reports, doctor and messages name this, never the replica's path.
 */
export interface WarehouseSource {
  readonly kind: SourceKind;
  readonly label: string;
  /** For a database source: the fingerprint the replica matches, when it was read and when the copy was made. */
  readonly replica?: {
    readonly fingerprint: string;
    readonly fingerprintAt: string;
    readonly builtAt: string;
    readonly session: string;
  };
}

/**
 * An open, read-only warehouse. Only modules under src/data run SQL through it; everything
 * else receives cleaned rows. Corruption found mid-query surfaces as CorruptWarehouseError.
 */
export class Warehouse {
  private readonly rowCounts = new Map<TableId, number>();
  private readonly rawRowsCache = new RowBudgetCache<unknown[][]>(READ_CACHE_MAX_ROWS);
  private readDepth = 0;
  private readMsTotal = 0;
  /** Latest snapshots of this export decoded from disk (see snapshot-cache/); reads fall back to SQLite without it. */
  snapshotCache: SnapshotCache | undefined;

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
    readonly schema: WarehouseSchema,
    /**
     * The file this connection reads (size, mtime, inode), taken when it was opened. A snapshot cache is filed and
     * looked up under it, never under a fresh stat of `path`: an export renamed into place after the open would
     * otherwise file this file's rows under the new export's name.
     */
    readonly identity: SourceIdentity,
    readonly source: WarehouseSource = { kind: 'sqlite', label: path },
  ) {}

  /**
   * Runs a read statement, returning rows as arrays in column order (cheaper than objects at 1M rows). Results are
   * memoised per statement and parameters unless `cache: false` (within a row budget, least recently used first out): the file is read-only and one Warehouse is one
   * export (the provider opens a new one when the file is replaced), so a result never goes stale. Each caller gets
   * a fresh outer array; the row arrays are shared and must not be mutated.
   */
  rawRows(sql: string, params: readonly unknown[] = [], options: { readonly cache?: boolean } = {}): unknown[][] {
    const run = () =>
      this.guard(
        () =>
          this.db
            .prepare(sql)
            .raw(true)
            .all(...params) as unknown[][],
      );
    if (options.cache === false) return run();
    const key = params.length === 0 ? sql : `${sql}\u0000${JSON.stringify(params)}`;
    let rows = this.rawRowsCache.get(key);
    if (!rows) {
      rows = run();
      this.rawRowsCache.set(key, rows, rows.length);
    }
    return rows.slice();
  }

  /** Streams a read statement's rows as arrays, for passes too large to hold in memory at once. */
  eachRawRow(sql: string, visit: (row: unknown[]) => void): void;
  eachRawRow(sql: string, params: readonly unknown[], visit: (row: unknown[]) => void): void;
  eachRawRow(
    sql: string,
    paramsOrVisit: readonly unknown[] | ((row: unknown[]) => void),
    maybeVisit?: (row: unknown[]) => void,
  ): void {
    const params = typeof paramsOrVisit === 'function' ? [] : paramsOrVisit;
    const visit = typeof paramsOrVisit === 'function' ? paramsOrVisit : (maybeVisit as (row: unknown[]) => void);
    this.guard(() => {
      for (const row of this.db
        .prepare(sql)
        .raw(true)
        .iterate(...params) as Iterable<unknown[]>)
        visit(row);
    });
  }

  /**
   * Every row of one table in rowid order, as `[rowid, <columns>…]` arrays: `SELECT rowid, <columns> FROM <table>
   * [WHERE <where>]`, the same rows in the same order as that statement's plain scan. Read in pages of rowids (`.all()`
   * per page), not row by row: at a million customers the build hands over ~35M rows, and a row from `.iterate()`
   * costs ~0.3 µs more than one of a page (6.4M rows of 5 columns: 6.4 s against 4.5 s of CPU, 7 Dec).
   */
  eachTableRow(
    table: string,
    columns: string,
    where: string | undefined,
    visit: (row: unknown[]) => void,
    pageRows: number = TABLE_ROW_PAGE,
  ): void {
    const sql = `SELECT rowid, ${columns} FROM ${quoteIdentifier(table)} WHERE rowid > ?${
      where === undefined ? '' : ` AND (${where})`
    } ORDER BY rowid LIMIT ?`;
    this.guard(() => {
      const page = this.db.prepare(sql).raw(true);
      // Below every rowid (SQLite's are 64-bit integers, negative ones included).
      let after = Number.NEGATIVE_INFINITY;
      for (;;) {
        const rows = page.all(after, pageRows) as unknown[][];
        for (let i = 0; i < rows.length; i++) visit(rows[i] as unknown[]);
        if (rows.length < pageRows) return;
        after = (rows[rows.length - 1] as unknown[])[0] as number;
      }
    });
  }

  /** Runs a read statement returning one row object, or undefined. */
  firstRow<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.guard(() => this.db.prepare(sql).get(...params) as T | undefined);
  }

  rowCount(table: TableId): number {
    const cached = this.rowCounts.get(table);
    if (cached !== undefined) return cached;
    const info = this.schema.tables.get(table);
    const count =
      info === undefined
        ? 0
        : (this.cachedRowCount(table) ??
          this.firstRow<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(info.name)}`)?.n ??
          0);
    this.rowCounts.set(table, count);
    return count;
  }

  /**
   * About how many rows a table has, without counting them (COUNT(*) reads every page: seconds at a million
   * customers): the exact count when it is known, else the largest rowid. For sharing work out, not for reporting.
   */
  rowCountEstimate(table: TableId): number {
    const known = this.rowCounts.get(table) ?? this.cachedRowCount(table);
    if (known !== undefined) return known;
    const info = this.schema.tables.get(table);
    if (!info) return 0;
    return this.firstRow<{ n: number | null }>(`SELECT MAX(rowid) AS n FROM ${quoteIdentifier(info.name)}`)?.n ?? 0;
  }

  /**
   * The count the snapshot cache took when it was built from this very file: COUNT(*) of the 7.2M-row customer
   * table alone is seconds at a million customers, and most callers only check that a table is not empty.
   */
  private cachedRowCount(table: TableId): number | undefined {
    const cache = this.snapshotCache;
    if (!cache) return undefined;
    if (table === 'customer') return cache.manifest.salesByEmail?.rowsInTable;
    return cache.keyStats(table)?.rowsInTable;
  }

  /**
   * Milliseconds spent reading since the warehouse was opened: SQL plus the cleaning of rows
   * in readTable. Lets a caller (the bench) split a command's time into load and analyse.
   */
  get readMs(): number {
    return this.readMsTotal;
  }

  /** Runs `work` and adds its duration to `readMs` (nested reads count once). */
  timeRead<T>(work: () => T): T {
    if (this.readDepth > 0) return work();
    this.readDepth++;
    const started = performance.now();
    try {
      return work();
    } finally {
      this.readDepth--;
      this.readMsTotal += performance.now() - started;
    }
  }

  /**
   * Runs `work` while a TEMP table made by `createSql` (CREATE TEMP TABLE <name> AS …) exists, then drops it. The
   * connection stays read-only at the SQLite level, so only the connection's own temp database is written; query_only
   * is lifted just for the create and the drop.
   */
  withTempTable<T>(name: string, createSql: string, work: () => T): T {
    const writeTemp = (sql: string) =>
      this.guard(() => {
        this.db.pragma('query_only = OFF');
        try {
          this.db.exec(sql);
        } finally {
          this.db.pragma('query_only = ON');
        }
      });
    writeTemp(createSql);
    try {
      return work();
    } finally {
      writeTemp(`DROP TABLE IF EXISTS temp.${quoteIdentifier(name)}`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private guard<T>(work: () => T): T {
    try {
      return this.timeRead(work);
    } catch (error) {
      throw translateSqliteError(this.path, error);
    }
  }
}

/** How long a read waits for another process's write lock on the export before saying the file is locked. */
export const WAREHOUSE_BUSY_TIMEOUT_MS = 5_000;

export interface OpenWarehouseOptions {
  readonly busyTimeoutMs?: number;
  /** Stats the export's path (tests inject one that replaces the file mid-open). */
  readonly statSource?: StatSource;
}

/**
 * Opens the warehouse so that writing is impossible, not merely avoided: the connection is
 * read-only at the SQLite level and `query_only` refuses even a stray PRAGMA that writes.
 * checkSqliteFile turns the common broken files into messages a person can act on first. The
 * Warehouse carries the identity of the very file it reads (open-settled-file.ts).
 */
export function openWarehouse(path: string, options: OpenWarehouseOptions = {}): Warehouse {
  checkSqliteFile(path);
  return openSettledFile(path, (identity) => openConnection(path, identity, options.busyTimeoutMs), options.statSource);
}

function openConnection(path: string, identity: SourceIdentity, busyTimeoutMs: number | undefined): Warehouse {
  let db: Database.Database;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: busyTimeoutMs ?? WAREHOUSE_BUSY_TIMEOUT_MS,
    });
    db.pragma('query_only = ON');
    registerCleaningFunctions(db);
  } catch (error) {
    throw translateSqliteError(path, error);
  }
  try {
    const replica = readReplicaMetadata(db);
    const source: WarehouseSource =
      replica === undefined
        ? { kind: 'sqlite', label: path }
        : {
            kind: replica.kind,
            label: replica.label,
            replica: {
              fingerprint: replica.fingerprint,
              fingerprintAt: replica.fingerprintAt,
              builtAt: replica.builtAt,
              session: replica.session,
            },
          };
    return new Warehouse(path, db, inspectSchema(db, replica), identity, source);
  } catch (error) {
    db.close();
    throw translateSqliteError(path, error);
  }
}

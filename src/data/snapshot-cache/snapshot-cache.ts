import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CodedColumn, sharesKeys } from '../../analysis/columns/coded-column.js';
import { joinRows } from '../../analysis/columns/join-rows.js';
import { type HeldStructure, holdExportStructure } from '../export-memory.js';
import type { KeyStats } from '../key-stats.js';
import type { CustomerSalesByEmail } from '../queries/customer-sales.js';
import { RowBudgetCache } from '../read-cache.js';
import type { TableId } from '../warehouse-schema.js';
import { type CachedColumnRef, CachedRowJoins } from './cached-row-joins.js';
import { mergeByRowid, rowFactory } from './cached-row-objects.js';
import {
  decodeDictionary,
  readColumnValues,
  readNumberColumn,
  readStringColumn,
  type StoredColumnType,
  type TypedColumn,
} from './column-store.js';
import { CUSTOMER_LOOKUP_FOLDER, CustomerLookupIndex } from './customer-lookup-index.js';
import { CachedKeySpaces } from './key-space-store.js';
import { SNAPSHOT_CACHE_FORMAT, type SnapshotManifest, type SourceIdentity } from './snapshot-manifest.js';
import { codeByValue } from './utf8-key-coder.js';

export const MANIFEST_FILE = 'manifest.json';
/** Label strings kept decoded across reads (ids and emails are key spaces, decoded once per cache when read). */
const DICTIONARY_BUDGET = 4_000_000;
export const SALES_BY_EMAIL_FOLDER = 'sales-by-email';

export interface CachedRead {
  readonly rows: Record<string, unknown>[];
  readonly unreadableValues: Record<string, number>;
}

/**
 * The latest (and second-latest) cleaned rows of every table of one export, column by column on disk. Reading a
 * million rows from here is decoding typed arrays, not a window query over millions of wide snapshot rows; each read
 * decodes only the columns asked for.
 */
export class SnapshotCache {
  /** Reads this cache could not serve (a column or mode it does not hold), which went to SQLite instead. */
  misses = 0;
  #salesByEmail: CustomerSalesByEmail | undefined;
  #customerLookup: CustomerLookupIndex | undefined;
  /** Decoded label dictionaries (decoding a million values costs ~0.1 s); typed arrays are re-read each time. */
  readonly #dictionaries = new RowBudgetCache<readonly string[]>(DICTIONARY_BUDGET);
  /** The latest rows' ids and emails, coded in key spaces when the cache was built (key-spaces.ts). */
  #keySpaces: CachedKeySpaces | undefined;
  /** Second-latest rows' ids and emails, coded by value on first read, within the same budget of strings. */
  readonly #plainColumns = new RowBudgetCache<CodedColumn>(DICTIONARY_BUDGET);
  /** Row joins by value (joinedRows), a few Int32Arrays of one entry per row. */
  readonly #joins: CachedRowJoins;
  /**
   * The decoded strings, joins and the sales map as one structure export-memory.ts may release (undefined: none
   * kept). Key spaces stay: columns other structures hold are matched to each other by their space's identity.
   */
  #decoded: HeldStructure | undefined;

  constructor(
    readonly directory: string,
    readonly manifest: SnapshotManifest,
  ) {
    this.#joins = new CachedRowJoins(directory, manifest);
  }

  /** The sales reduction of customer-sales.ts, decoded once per cache (every /investment-mismatch needs it whole). */
  salesByEmail(): CustomerSalesByEmail | undefined {
    const summary = this.manifest.salesByEmail;
    if (!summary) return undefined;
    this.#useDecoded();
    if (!this.#salesByEmail) {
      const directory = join(this.directory, SALES_BY_EMAIL_FOLDER);
      const emails = readColumnValues(directory, 'email', 'string') as string[];
      const sales = readColumnValues(directory, 'sales', 'number') as (number | null)[];
      const map = new Map<string, number | null>();
      for (let i = 0; i < emails.length; i++) map.set(emails[i] as string, sales[i] ?? null);
      this.#salesByEmail = { ...summary, sales: map };
    }
    return this.#salesByEmail;
  }

  /** The /customer index, read on first use (undefined when the build found none of its tables). */
  customerLookup(): CustomerLookupIndex | undefined {
    const covers = this.manifest.customerLookup;
    if (!covers) return undefined;
    this.#customerLookup ??= new CustomerLookupIndex(join(this.directory, CUSTOMER_LOOKUP_FOLDER), covers);
    return this.#customerLookup;
  }

  keyStats(tableId: TableId): KeyStats | undefined {
    return this.manifest.tables[tableId]?.keyStats;
  }

  /**
   * Rows as readTable returns them (rowid order, `rowid` and `snapshotRank` set), or undefined when the cache does
   * not hold this table, these columns or this mode; the caller then reads SQLite.
   */
  read(tableId: TableId, columns: readonly string[], mode: 'latest' | 'previous' | 'all'): CachedRead | undefined {
    const table = this.manifest.tables[tableId];
    if (!table || columns.some((c) => table.columns[c] === undefined)) return this.miss();
    let ranks: (1 | 2)[];
    if (!table.snapshot) ranks = [1];
    else if (mode === 'latest') ranks = [1];
    else if (mode === 'previous') ranks = [1, 2];
    else return this.miss(); // every snapshot row: the cache keeps only the latest two per key
    const parts = ranks.map((rank) => this.readRank(tableId, rank, columns));
    const unreadableValues: Record<string, number> = {};
    for (const rank of ranks) {
      for (const [column, count] of Object.entries(table.ranks[rank]?.unreadable ?? {})) {
        if (columns.includes(column)) unreadableValues[column] = (unreadableValues[column] ?? 0) + count;
      }
    }
    const rows = parts.length === 1 ? (parts[0] as Record<string, unknown>[]) : mergeByRowid(parts);
    return { rows, unreadableValues };
  }

  private miss(): undefined {
    this.misses++;
    return undefined;
  }

  /**
   * One rank's rows as typed columns (rowid order): what the column-wise readers scan instead of row objects.
   * Undefined when the cache does not hold the table or a column.
   */
  columns(tableId: TableId, rank: 1 | 2, columns: readonly string[]): CachedColumns | undefined {
    const table = this.manifest.tables[tableId];
    if (!table || (rank === 2 && !table.ranks[2]) || columns.some((c) => table.columns[c] === undefined)) {
      return this.miss();
    }
    const rowids = readNumberColumn(join(this.directory, tableId, `rank-${rank}`), 'rowid');
    const read: Record<string, TypedColumn> = {};
    for (const c of columns) read[c] = this.readColumn(tableId, rank, c, table.columns[c] as StoredColumnType);
    return { rowids, columns: read };
  }

  /** Marks the decoded strings as used by this answer, registering them on first use. */
  #useDecoded(): void {
    if (this.#decoded) this.#decoded.use();
    else this.#decoded = holdExportStructure(this, (cache) => cache.#releaseDecoded());
  }

  #releaseDecoded(): void {
    this.#decoded = undefined;
    this.#salesByEmail = undefined;
    this.#dictionaries.clear();
    this.#plainColumns.clear();
    this.#joins.clear();
  }

  /**
   * For each row of `from` (rank-`rank` rows of a table, as columns() numbers them), the last row of `to` with the
   * same value, -1 when none or NULL: a join of two plain string columns (emails, ids) done on their stored bytes,
   * kept per pair. Undefined when the cache does not hold both as plain strings (callers then join by string).
   */
  joinedRows(from: CachedColumnRef, to: CachedColumnRef): Int32Array | undefined {
    this.#useDecoded();
    return this.#joinedByCode(from, to) ?? this.#joins.joined(from, to);
  }

  /**
   * joinedRows of two latest-row columns coded in one key space, by code (same code ⇔ same bytes, so the same rows,
   * the last `to` row of a value winning): integer work where the byte join hashes every row of both columns (~0.7 s
   * of /priority's zones at a million customers). Undefined when they are not both in one space.
   */
  #joinedByCode(from: CachedColumnRef, to: CachedColumnRef): Int32Array | undefined {
    if (from.rank !== 1 || to.rank !== 1) return undefined;
    try {
      this.#keySpaces ??= CachedKeySpaces.open(this.directory);
    } catch {
      return undefined;
    }
    const fromCodes = this.#keySpaces.column(from.tableId, from.column);
    const toCodes = fromCodes && this.#keySpaces.column(to.tableId, to.column);
    return fromCodes && toCodes && sharesKeys(fromCodes, toCodes) ? joinRows(fromCodes, toCodes) : undefined;
  }

  /** The last row of `to` holding `value` (-1: none): joinedRows' answer for one value; undefined when not plain. */
  lastRowWithValue(to: CachedColumnRef, value: string): number | undefined {
    return this.#joins.lastRowOf(to, value);
  }

  private readColumn(tableId: TableId, rank: 1 | 2, column: string, type: StoredColumnType): TypedColumn {
    const directory = join(this.directory, tableId, `rank-${rank}`);
    if (type === 'number') return readNumberColumn(directory, column);
    this.#useDecoded();
    // Ids and emails (stored one value per row) of the latest rows come coded in their key space.
    this.#keySpaces ??= CachedKeySpaces.open(this.directory);
    const keyed = rank === 1 ? this.#keySpaces.column(tableId, column) : undefined;
    if (keyed) return keyed;
    const path = join(directory, column);
    const recoded = this.#plainColumns.get(path);
    if (recoded) return recoded;
    const { indices, dictionary: data, plain } = readStringColumn(directory, column);
    if (plain) {
      // Second-latest ids and emails: analyses join and count by code, so codes must be distinct values.
      return codedOnFirstRead(() => {
        const coded = codeByValue(data, indices);
        this.#plainColumns.set(path, coded, coded.dictionary.length);
        return coded;
      });
    }
    let dictionary = this.#dictionaries.get(path);
    if (!dictionary) {
      dictionary = decodeDictionary(data);
      this.#dictionaries.set(path, dictionary, dictionary.length);
    }
    return { indices, dictionary };
  }

  private readRank(tableId: TableId, rank: 1 | 2, columns: readonly string[]): Record<string, unknown>[] {
    const table = this.manifest.tables[tableId];
    const rowids = readNumberColumn(join(this.directory, tableId, `rank-${rank}`), 'rowid');
    const types = columns.map((c) => table?.columns[c] as StoredColumnType);
    const columnData = columns.map((c, i) => this.readColumn(tableId, rank, c, types[i] as StoredColumnType));
    return rowFactory(columns, types)(rowids, rank, columnData);
  }
}

/**
 * A plain column, coded by value when its codes or levels are first read: a read often asks for columns that only
 * some answers use (/priority joins emails on their bytes and names the organisations of ten rows), and coding a
 * million values costs ~0.5 s and a million strings.
 */
function codedOnFirstRead(code: () => CodedColumn): CodedColumn {
  let coded: CodedColumn | undefined;
  return {
    get indices() {
      coded ??= code();
      return coded.indices;
    },
    get dictionary() {
      coded ??= code();
      return coded.dictionary;
    },
  };
}

/** One rank of a cached table, column by column; `rowids` orders them as readTable orders rows. */
export interface CachedColumns {
  readonly rowids: Float64Array;
  readonly columns: Readonly<Record<string, TypedColumn>>;
}

/** The cache in `directory` when it is complete, of the current format and built from exactly this export. */
export function openSnapshotCache(directory: string, source: SourceIdentity): SnapshotCache | undefined {
  const manifestPath = join(directory, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest;
    const s = manifest.source;
    const same =
      manifest.format === SNAPSHOT_CACHE_FORMAT &&
      s.size === source.size &&
      s.mtimeMs === source.mtimeMs &&
      s.ino === source.ino;
    return same ? new SnapshotCache(directory, manifest) : undefined;
  } catch {
    // A manifest that cannot be read is a cache that was never finished; SQLite answers instead.
    return undefined;
  }
}

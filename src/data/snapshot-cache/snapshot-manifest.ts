import type { KeyStats } from '../key-stats.js';
import type { TableId } from '../warehouse-schema.js';
import type { StoredColumnType } from './column-store.js';
import type { CachedCustomerLookup } from './customer-lookup-index.js';

/** Bumped whenever the files' layout or the cleaning they hold changes, so old caches are never read. */
export const SNAPSHOT_CACHE_FORMAT = 8;

/** The export a cache was built from: a replaced or edited file has a new size, mtime or inode. */
export interface SourceIdentity {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export interface CachedRankSet {
  readonly rows: number;
  /** Per column, non-NULL values cleaning could not read (set NULL), as readTable reports them. */
  readonly unreadable: Readonly<Record<string, number>>;
}

export interface CachedTable {
  readonly name: string;
  readonly columns: Readonly<Record<string, StoredColumnType>>;
  /** Whether rows were ranked per key; without snapshots rank 1 holds every row. */
  readonly snapshot: boolean;
  /** `1`: the latest row per key (every row for tables without snapshots); `2`: the second latest. */
  readonly ranks: { readonly 1: CachedRankSet; readonly 2?: CachedRankSet };
  readonly keyStats: KeyStats;
  /** Time this table took to rank, clean, write and count. */
  readonly buildMs: number;
}

/** customer-sales.ts's one-sales-figure-per-email reduction, without its map (which is on disk). */
export interface CachedSalesByEmail {
  readonly rowsInTable: number;
  readonly distinctEmails: number;
  readonly emailsWithSeveralRows: number;
  readonly maxRowsPerEmail: number;
  readonly unreadableSales: number;
}

export interface SnapshotManifest {
  readonly format: number;
  readonly source: SourceIdentity;
  readonly builtAt: string;
  readonly buildMs: number;
  readonly tables: Partial<Record<TableId, CachedTable>>;
  /** Absent when the export has no customer table with the sales columns. */
  readonly salesByEmail?: CachedSalesByEmail;
  /** The /customer index (customer-lookup-index.ts); absent when no table it reads is there. */
  readonly customerLookup?: CachedCustomerLookup;
}

import { openWarehouse, type Warehouse } from './open-warehouse.js';
import { openSnapshotCache } from './snapshot-cache/snapshot-cache.js';
import {
  snapshotCacheDirectory,
  snapshotCacheRoot,
  sourceIdentity,
  sourceVersion,
} from './snapshot-cache/snapshot-cache-location.js';

/** How often a warehouse without a snapshot cache looks again for one (a build finishing in the background). */
const CACHE_RECHECK_MS = 2_000;

export interface WarehouseProviderOptions {
  /** Where snapshot caches are looked for; RADAR_CACHE_DIR or the OS temp dir by default. */
  readonly cacheRoot?: string;
  /** Monotonic milliseconds, for the re-check interval. */
  readonly nowMs?: () => number;
  /**
   * For a database source (`path` is then its replica link): brings the replica up to date with the source. Started
   * in the background at most every `refreshEveryMs`; the open warehouse keeps answering meanwhile and the next
   * `get()` after the link moved opens the new replica.
   */
  readonly refresh?: () => Promise<unknown>;
  readonly refreshEveryMs?: number;
  /** Told when a background refresh fails (the previous replica keeps answering). */
  readonly onRefreshError?: (error: unknown) => void;
}

/** How often a database source is fingerprinted for changes when the caller does not say. */
export const SOURCE_RECHECK_MS = 60_000;

export interface WarehouseProvider {
  readonly get: () => Warehouse;
  readonly close: () => void;
  /** Resolves when no background refresh of a database source is running (tests, shutdown). */
  readonly settled: () => Promise<void>;
  /** Starts a background refresh if one is due, without opening anything (a timer in a long-running process). */
  readonly check: () => void;
}

/**
 * Opens the warehouse on first use and again when the file is replaced (a new nightly
 * export), so a long-running bot answers from the current data without a restart. Each
 * opened export picks up its snapshot cache as soon as one is complete.
 */
export function createWarehouseProvider(path: string, options: WarehouseProviderOptions = {}): WarehouseProvider {
  const root = snapshotCacheRoot(options.cacheRoot);
  const nowMs = options.nowMs ?? (() => performance.now());
  let current: { warehouse: Warehouse; signature: string; cacheCheckedAt: number } | undefined;
  let refreshedAt = nowMs();
  let refreshing: Promise<void> | undefined;
  const maybeRefresh = (): void => {
    const refresh = options.refresh;
    if (refresh === undefined || refreshing) return;
    if (nowMs() - refreshedAt < (options.refreshEveryMs ?? SOURCE_RECHECK_MS)) return;
    refreshedAt = nowMs();
    refreshing = refresh()
      .then(() => undefined)
      .catch((error: unknown) => options.onRefreshError?.(error))
      .finally(() => {
        refreshing = undefined;
      });
  };
  const signature = (): string => {
    try {
      return sourceVersion(sourceIdentity(path));
    } catch {
      return 'missing';
    }
  };
  const attachCache = (warehouse: Warehouse): void => {
    try {
      // The cache of the file this connection reads (its identity at open), whatever the path names by now.
      const source = warehouse.identity;
      warehouse.snapshotCache = openSnapshotCache(snapshotCacheDirectory(root, source), source);
    } catch {
      // No cache (or no longer the same file): reads go to SQLite, which is always correct.
    }
  };
  return {
    get() {
      maybeRefresh();
      const now = signature();
      if (current && current.signature === now) {
        if (!current.warehouse.snapshotCache && nowMs() - current.cacheCheckedAt >= CACHE_RECHECK_MS) {
          current.cacheCheckedAt = nowMs();
          attachCache(current.warehouse);
        }
        return current.warehouse;
      }
      current?.warehouse.close();
      current = undefined;
      const warehouse = openWarehouse(path);
      attachCache(warehouse);
      // What was opened, which may be newer than the stat above; a file swapped since is seen at the next get().
      current = { warehouse, signature: sourceVersion(warehouse.identity), cacheCheckedAt: nowMs() };
      return warehouse;
    },
    close() {
      current?.warehouse.close();
      current = undefined;
    },
    settled: async () => {
      await refreshing;
    },
    check: maybeRefresh,
  };
}

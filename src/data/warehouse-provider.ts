import { statSync } from 'node:fs';
import { openWarehouse, type Warehouse } from './open-warehouse.js';
import { openSnapshotCache } from './snapshot-cache/snapshot-cache.js';
import { snapshotCacheDirectory, snapshotCacheRoot, sourceIdentity } from './snapshot-cache/snapshot-cache-location.js';

/** How often a warehouse without a snapshot cache looks again for one (a build finishing in the background). */
const CACHE_RECHECK_MS = 2_000;

export interface WarehouseProviderOptions {
  /** Where snapshot caches are looked for; RADAR_CACHE_DIR or the OS temp dir by default. */
  readonly cacheRoot?: string;
  /** Monotonic milliseconds, for the re-check interval. */
  readonly nowMs?: () => number;
}

/**
 * Opens the warehouse on first use and again when the file is replaced (a new nightly
 * export), so a long-running bot answers from the current data without a restart. Each
 * opened export picks up its snapshot cache as soon as one is complete.
 */
export function createWarehouseProvider(
  path: string,
  options: WarehouseProviderOptions = {},
): { get: () => Warehouse; close: () => void } {
  const root = snapshotCacheRoot(options.cacheRoot);
  const nowMs = options.nowMs ?? (() => performance.now());
  let current: { warehouse: Warehouse; signature: string; cacheCheckedAt: number } | undefined;
  const signature = (): string => {
    try {
      const s = statSync(path);
      return `${s.size}:${s.mtimeMs}:${s.ino}`;
    } catch {
      return 'missing';
    }
  };
  const attachCache = (warehouse: Warehouse): void => {
    try {
      const source = sourceIdentity(path);
      warehouse.snapshotCache = openSnapshotCache(snapshotCacheDirectory(root, source), source);
    } catch {
      // No cache (or no longer the same file): reads go to SQLite, which is always correct.
    }
  };
  return {
    get() {
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
      current = { warehouse, signature: now, cacheCheckedAt: nowMs() };
      return warehouse;
    },
    close() {
      current?.warehouse.close();
      current = undefined;
    },
  };
}

import type { Warehouse } from '../open-warehouse.js';
import { SnapshotCache } from './snapshot-cache.js';
import type { SnapshotManifest } from './snapshot-manifest.js';

/**
 * Runs a build step with the warehouse reading the cache still being written in `scratch`, so the step uses a
 * command's own code (and the tables just cached) rather than SQL; the warehouse's own cache is put back after.
 */
export function onCacheBeingBuilt<T>(
  warehouse: Warehouse,
  scratch: string,
  manifest: SnapshotManifest,
  step: () => T,
): T {
  const previous = warehouse.snapshotCache;
  warehouse.snapshotCache = new SnapshotCache(scratch, manifest);
  try {
    return step();
  } finally {
    warehouse.snapshotCache = previous;
  }
}

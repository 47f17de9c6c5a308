import { workerData } from 'node:worker_threads';
import { serveWorkerRequests } from '../../workers/serve-worker-requests.js';
import { openWarehouse } from '../open-warehouse.js';
import { buildSnapshotCache } from './build-snapshot-cache.js';
import type { SnapshotCacheBuildSummary, SnapshotCacheWorkerData } from './snapshot-cache-keeper.js';

/** Builds snapshot caches for snapshot-cache-keeper.ts, on its own read-only connection, one export at a time. */
const { warehousePath, cacheRoot } = workerData as SnapshotCacheWorkerData;

serveWorkerRequests<null, SnapshotCacheBuildSummary>({
  handle() {
    const warehouse = openWarehouse(warehousePath);
    try {
      const { cache, built } = buildSnapshotCache(warehouse, cacheRoot);
      return {
        directory: cache.directory,
        built,
        buildMs: cache.manifest.buildMs,
        tables: Object.keys(cache.manifest.tables),
        source: cache.manifest.source,
      };
    } finally {
      warehouse.close();
    }
  },
});

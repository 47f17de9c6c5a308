import { workerData } from 'node:worker_threads';
import { replyWithTaskResult } from '../../workers/one-task-reply.js';
import { openWarehouse } from '../open-warehouse.js';
import { type CacheTask, type CacheTaskResults, runCacheTasks } from './cache-table.js';
import { sameSource } from './snapshot-cache-location.js';
import type { SourceIdentity } from './snapshot-manifest.js';

export interface CacheTableWorkerData {
  readonly warehousePath: string;
  /** The file the build's own connection reads; this thread must read the same one. */
  readonly identity: SourceIdentity;
  readonly directory: string;
  readonly tasks: readonly CacheTask[];
  readonly batchRows: number;
  /** The build's shared task counter (runCacheTasks). */
  readonly claim: Int32Array;
}

/** One thread of a parallel cache build (build-snapshot-cache.ts), on its own read-only connection. */
const { warehousePath, identity, directory, tasks, batchRows, claim } = workerData as CacheTableWorkerData;
replyWithTaskResult((): CacheTaskResults => {
  const warehouse = openWarehouse(warehousePath);
  try {
    // A new export renamed into place since the build began: its rows must not join the old export's cache.
    if (!sameSource(warehouse.identity, identity)) {
      throw new Error(`${warehousePath} was replaced while its snapshot cache was being built; run the build again`);
    }
    return runCacheTasks(warehouse, directory, tasks, batchRows, claim);
  } finally {
    warehouse.close();
  }
});

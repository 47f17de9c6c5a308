import { parentPort, workerData } from 'node:worker_threads';
import { openWarehouse } from '../open-warehouse.js';
import { type CacheTask, type CacheTaskResults, runCacheTasks } from './cache-table.js';

export interface CacheTableWorkerData {
  readonly warehousePath: string;
  readonly directory: string;
  readonly tasks: readonly CacheTask[];
  readonly batchRows: number;
  /** The build's shared task counter (runCacheTasks). */
  readonly claim: Int32Array;
}

export type CacheTableWorkerReply =
  | { readonly ok: true; readonly results: CacheTaskResults }
  | { readonly ok: false; readonly message: string };

/** One thread of a parallel cache build (build-snapshot-cache.ts), on its own read-only connection. */
const { warehousePath, directory, tasks, batchRows, claim } = workerData as CacheTableWorkerData;
let reply: CacheTableWorkerReply;
try {
  const warehouse = openWarehouse(warehousePath);
  try {
    reply = { ok: true, results: runCacheTasks(warehouse, directory, tasks, batchRows, claim) };
  } finally {
    warehouse.close();
  }
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);

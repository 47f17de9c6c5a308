import { workerData } from 'node:worker_threads';
import { createWarehouseProvider } from '../data/warehouse-provider.js';
import { radarErrorDetails } from '../workers/radar-error-transport.js';
import { serveWorkerRequests } from '../workers/serve-worker-requests.js';
import { type JobResult, runScanJob } from './alert-jobs.js';
import type { ScanOutcome } from './alert-store.js';
import type { ScanWorkerData, ScanWorkerRequest } from './scan-in-worker.js';
import { SqliteAlertStore } from './sqlite/sqlite-alert-store.js';

/**
 * Runs the red-zone scan job off the main thread for scan-in-worker.ts, on its own connections: the warehouse
 * read-only, the state file shared with the main thread (WAL; the scan's writes are one transaction).
 */
const { warehousePath, stateDbPath, scanCron } = workerData as ScanWorkerData;
const warehouse = createWarehouseProvider(warehousePath);
let store: SqliteAlertStore | undefined;

serveWorkerRequests<ScanWorkerRequest, JobResult<ScanOutcome>>({
  handle({ now }) {
    store ??= SqliteAlertStore.open(stateDbPath, now);
    return runScanJob({ store, warehouse: warehouse.get, scanCron, now });
  },
  errorDetails: radarErrorDetails,
});

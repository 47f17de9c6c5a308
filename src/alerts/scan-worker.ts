import { workerData } from 'node:worker_threads';
import { createWarehouseProvider } from '../data/warehouse-provider.js';
import { createLogger } from '../logging.js';
import { radarErrorDetails } from '../workers/radar-error-transport.js';
import { serveWorkerRequests } from '../workers/serve-worker-requests.js';
import { type JobResult, runScanJob } from './alert-jobs.js';
import type { AlertStore, ScanOutcome } from './alert-store.js';
import { openAlertStore } from './open-alert-store.js';
import type { ScanWorkerData, ScanWorkerRequest } from './scan-in-worker.js';

/**
 * Runs the red-zone scan job off the main thread for scan-in-worker.ts, on its own connections: the warehouse
 * read-only, the state shared with the main thread (the SQLite file in WAL mode, or its own Postgres pool; the scan's
 * writes are one transaction).
 */
const { warehousePath, stateDbPath, stateUrl, scanCron } = workerData as ScanWorkerData;
const warehouse = createWarehouseProvider(warehousePath);
const logger = createLogger({ level: 'warn' });
let opening: Promise<AlertStore> | undefined;

serveWorkerRequests<ScanWorkerRequest, JobResult<ScanOutcome>>({
  async handle({ now }) {
    opening ??= openAlertStore({ RADAR_STATE_DB: stateDbPath, RADAR_STATE_URL: stateUrl }, now, logger);
    const store = await opening.catch((error: unknown) => {
      opening = undefined; // the next scan tries to connect again
      throw error;
    });
    return runScanJob({ store, warehouse: warehouse.get, scanCron, now });
  },
  errorDetails: radarErrorDetails,
});

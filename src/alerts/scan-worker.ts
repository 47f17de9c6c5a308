import type { Warehouse } from '../data/open-warehouse.js';
import { createLogger } from '../logging.js';
import { type JobResult, runScanJob } from './alert-jobs.js';
import type { AlertStore, ScanOutcome } from './alert-store.js';
import { openAlertStore } from './open-alert-store.js';

/** Where a worker thread's scan job finds Radar's state and its schedule (the warehouse is the thread's own). */
export interface ScanWorkerData {
  readonly stateDbPath: string;
  /** RADAR_STATE_URL: the worker opens its own Postgres pool on it instead of the SQLite file. */
  readonly stateUrl?: string | undefined;
  readonly scanCron: string;
}

/**
 * The red-zone scan job as a worker thread runs it (command-worker.ts, which imports this module on its first scan
 * only), on the thread's own connections: the warehouse read-only, with the per-export structures the thread's
 * commands already built (/priority's ranking, the zone columns: one build for both), and the state shared with the
 * main thread (the SQLite file in WAL mode, or its own Postgres pool; the scan's writes are one transaction).
 * Delivery stays on the main thread, which drains the outbox the scan filled.
 */
export function scanInThisThread(
  data: ScanWorkerData,
  warehouse: () => Warehouse,
): (now: number) => Promise<JobResult<ScanOutcome>> {
  const logger = createLogger({ level: 'warn' });
  let opening: Promise<AlertStore> | undefined;
  return async (now) => {
    opening ??= openAlertStore({ RADAR_STATE_DB: data.stateDbPath, RADAR_STATE_URL: data.stateUrl }, now, logger);
    const store = await opening.catch((error: unknown) => {
      opening = undefined; // the next scan tries to connect again
      throw error;
    });
    return runScanJob({ store, warehouse, scanCron: data.scanCron, now });
  };
}

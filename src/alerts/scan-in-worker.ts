import { reviveRadarError } from '../workers/radar-error-transport.js';
import { siblingModule, WorkerPool } from '../workers/worker-pool.js';
import type { JobResult } from './alert-jobs.js';
import type { ScanOutcome } from './alert-store.js';

export interface ScanWorkerData {
  readonly warehousePath: string;
  readonly stateDbPath: string;
  /** RADAR_STATE_URL: the worker opens its own Postgres pool on it instead of the SQLite file. */
  readonly stateUrl?: string | undefined;
  readonly scanCron: string;
}

export interface ScanWorkerRequest {
  readonly now: number;
}

export interface ScanRunner {
  run(now: number): Promise<JobResult<ScanOutcome>>;
  close(): Promise<void>;
}

/**
 * The scan job in a worker thread. Zones for every customer take seconds at a million customers (28 s on a cold
 * warehouse in the bench); on the main thread that would hold every Slack ack for as long. Delivery stays on the
 * main thread: the runtime drains the outbox the scan filled, exactly as when the scan runs in-process.
 */
export function createScanInWorker(data: ScanWorkerData): ScanRunner {
  const pool = new WorkerPool<ScanWorkerRequest, JobResult<ScanOutcome>>({
    entry: siblingModule(import.meta.url, 'scan-worker'),
    size: 1,
    workerData: data,
    reviveError: reviveRadarError,
    failure: (message, cause) => new Error(`The red-zone scan failed: ${message}`, { cause }),
  });
  return { run: (now) => pool.run({ now }), close: () => pool.close() };
}

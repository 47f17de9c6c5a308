import type { AlertStore } from '../../src/alerts/alert-store.js';
import type { ScannedCustomer } from '../../src/alerts/alert-types.js';
import { drainOutbox } from '../../src/alerts/deliver-outbox.js';
import { currentPeriod } from '../../src/alerts/job-period.js';
import { MAX_INDIVIDUAL_ALERTS_PER_SCAN, planScan } from '../../src/alerts/scan-plan.js';
import { DEFAULT_SCAN_CRON, JOBS } from '../../src/alerts/schedules.js';
import { createLogger } from '../../src/logging.js';
import type { RecordingTransport } from './recording-transport.js';

export const silentLogger = createLogger({ level: 'silent' });

/** What runScanJob does after loading the warehouse: the scan of `now`'s hourly period, on these customers. */
export function scan(store: AlertStore, customers: readonly ScannedCustomer[], now: number) {
  return store.applyScan({
    job: JOBS.scan,
    period: currentPeriod(DEFAULT_SCAN_CRON, now),
    now,
    customers,
    plan: (state) => planScan({ ...state, maxIndividual: MAX_INDIVIDUAL_ALERTS_PER_SCAN }),
  });
}

export function drain(store: AlertStore, transport: RecordingTransport, now: number) {
  return drainOutbox(store, transport, () => now, silentLogger);
}

import { zoneOptionsWith } from '../analysis/zones/zone-thresholds.js';
import type { Warehouse } from '../data/open-warehouse.js';
import type { AlertStore, ScanOutcome, SlaOutcome } from './alert-store.js';
import { currentPeriod } from './job-period.js';
import { loadScanInputs } from './scan-inputs.js';
import { MAX_INDIVIDUAL_ALERTS_PER_SCAN, planScan } from './scan-plan.js';
import { JOBS, SLA_CHECK_CRON } from './schedules.js';
import { planSla } from './sla-plan.js';

export interface ScanJobOptions {
  readonly store: AlertStore;
  readonly warehouse: () => Warehouse;
  /** The scan schedule (RADAR_SCAN_CRON): the period is its latest slot at `now`. */
  readonly scanCron: string;
  readonly now: number;
  readonly maxIndividual?: number;
}

export type JobResult<T> =
  | { readonly ran: true; readonly period: string; readonly outcome: T }
  | { readonly ran: false; readonly period: string };

/**
 * The red-zone scan for the period of `now`: zones and figures for every customer, then the store decides and
 * enqueues in one transaction keyed by ('scan', period). A second call for the same period does nothing.
 */
export async function runScanJob(options: ScanJobOptions): Promise<JobResult<ScanOutcome>> {
  const period = currentPeriod(options.scanCron, options.now);
  if (await options.store.hasJobRun(JOBS.scan, period)) return { ran: false, period };
  // The thresholds in force now: a change saved since the last scan takes effect here.
  const inForce = await options.store.thresholdsInForce();
  const inputs = loadScanInputs(options.warehouse(), zoneOptionsWith(inForce.thresholds));
  const maxIndividual = options.maxIndividual ?? MAX_INDIVIDUAL_ALERTS_PER_SCAN;
  const outcome = await options.store.applyScan({
    job: JOBS.scan,
    period,
    now: options.now,
    customers: inputs.customers,
    plan: (state) => planScan({ ...state, maxIndividual }),
  });
  return outcome === null ? { ran: false, period } : { ran: true, period, outcome };
}

/** Reminders, escalations and snooze ends for the SLA-check period of `now`, once per period. */
export async function runSlaJob(store: AlertStore, now: number): Promise<JobResult<SlaOutcome>> {
  const period = currentPeriod(SLA_CHECK_CRON, now);
  const outcome = await store.applySla({ job: JOBS.sla, period, now, plan: planSla });
  return outcome === null ? { ran: false, period } : { ran: true, period, outcome };
}

import type { Alert, AlertSummary, Intervention, ScannedCustomer } from './alert-types.js';
import type { DeliveryStats, HealthPlan, HealthProblemState, HealthRequest } from './health/health-types.js';
import type { DeliveryReceipt, NewOutboxEntry, OutboxEntry } from './outbox-types.js';
import type {
  ThresholdChange,
  ThresholdChangeRequest,
  ThresholdChangeResult,
  ThresholdsInForce,
} from './rules/rules-state.js';
import type { ScanPlan, ScanPlanInput } from './scan-plan.js';
import type { SlaPlan } from './sla-plan.js';

/**
 * Radar's own state: alerts, the outbox, job runs and digests. Every method is one transaction (decide and
 * enqueue together), and every method is async so a networked database (Postgres, for several instances) can
 * implement the same interface; nothing here names SQLite.
 *
 * Job keys: a scheduled job runs once per (job, period). The `apply*` methods claim the key in the same
 * transaction as their effects, so a second instance, or a restart, finds the key taken and does nothing.
 */
export interface AlertStore {
  /** Claims (job, period) and applies `plan` to the current state; `null` when the period already ran. */
  applyScan(request: ScanRequest): Promise<ScanOutcome | null>;
  /** Claims (job, period), wakes snoozes, records reminders and escalations and enqueues them; `null` if it ran. */
  applySla(request: SlaRequest): Promise<SlaOutcome | null>;

  acknowledge(request: LifecycleRequest): Promise<LifecycleResult>;
  assign(request: LifecycleRequest & { readonly assignee: string }): Promise<LifecycleResult>;
  snooze(request: LifecycleRequest & { readonly untilMs: number }): Promise<LifecycleResult>;
  /** `requestKey` (e.g. the modal's view id) makes a resubmitted modal log once. */
  logIntervention(
    request: LifecycleRequest & { readonly note: string; readonly requestKey: string },
  ): Promise<LifecycleResult>;

  getAlert(id: number): Promise<Alert | null>;
  getAlerts(ids: readonly number[]): Promise<Alert[]>;
  getSummary(id: number): Promise<AlertSummary | null>;
  alertsOfSummary(summaryId: number): Promise<Alert[]>;
  /** Open, acknowledged and snoozed alerts, oldest first. */
  activeAlerts(): Promise<Alert[]>;
  /** Interventions logged at or after `sinceMs`. */
  interventionsSince(sinceMs: number): Promise<Intervention[]>;
  /** Alerts resolved at or after `sinceMs`. */
  resolvedSince(sinceMs: number): Promise<Alert[]>;

  /** Claims (digest job, period) and enqueues the digest; false when that digest was already sent. */
  recordDigest(request: DigestRecordRequest): Promise<boolean>;
  /** This recipient's latest digest before `isoWeek`: its week, red customers and zone counts. */
  previousDigest(recipient: string, isoWeek: string): Promise<PreviousDigest | null>;
  hasJobRun(job: string, period: string): Promise<boolean>;
  /** The latest period recorded for a job (string order = time order for Radar's period keys). */
  lastJobPeriod(job: string): Promise<string | null>;

  /**
   * Leases up to `limit` undelivered entries, oldest first, to this caller until `now + leaseMs` and counts the
   * attempt. An entry leased by another (live) instance is skipped; an expired lease is taken over.
   */
  claimOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]>;
  /** Marks delivered and records where it landed on the alert or summary (same transaction). */
  completeOutbox(id: number, receipt: DeliveryReceipt | null, now: number): Promise<void>;
  /**
   * Records a failed attempt; `retryAt` null = give up (dead letter, kept for the operator). `outcomeUnknown` when
   * the message may have been delivered anyway (a timeout, a dropped connection): the next claim says so.
   */
  failOutbox(id: number, error: string, retryAt: number | null, outcomeUnknown?: boolean): Promise<void>;
  outboxCounts(): Promise<{ readonly pending: number; readonly dead: number; readonly delivered: number }>;
  /** Entries created at or after `sinceMs`: how many, how many failed at least once, how many gave up. */
  deliveryStats(sinceMs: number): Promise<DeliveryStats>;

  /** The zone thresholds the next scan uses (the defaults until someone changes them), and who set them. */
  thresholdsInForce(): Promise<ThresholdsInForce>;
  /** Records a change (who, when, old → new) and enqueues its one-line notice, in one transaction. */
  changeThresholds(request: ThresholdChangeRequest): Promise<ThresholdChangeResult>;
  /** Changes made at or after `sinceMs`, oldest first. */
  thresholdChangesSince(sinceMs: number): Promise<ThresholdChange[]>;

  /** Claims (health job, period), records each problem's state and enqueues the notices; `null` if it ran. */
  applyHealth(request: HealthRequest): Promise<{ readonly plan: HealthPlan; readonly enqueued: number } | null>;
  /** Every problem Radar remembers, active or not. */
  healthProblems(): Promise<HealthProblemState[]>;

  close(): Promise<void>;
}

export interface ScanRequest {
  readonly job: string;
  readonly period: string;
  readonly now: number;
  readonly customers: readonly ScannedCustomer[];
  /** Pure: the store passes the state it read in the transaction. */
  readonly plan: (input: Omit<ScanPlanInput, 'maxIndividual'>) => ScanPlan;
}

export interface ScanOutcome {
  readonly plan: ScanPlan;
  readonly created: readonly Alert[];
  readonly summaryIds: readonly number[];
  readonly enqueued: number;
}

export interface SlaRequest {
  readonly job: string;
  readonly period: string;
  readonly now: number;
  readonly plan: (active: readonly Alert[], now: number) => SlaPlan;
}

export interface SlaOutcome {
  readonly plan: SlaPlan;
  readonly enqueued: number;
}

export interface LifecycleRequest {
  readonly alertId: number;
  /** The Slack user id from the signed payload. */
  readonly actor: string;
  readonly now: number;
}

export type LifecycleResult =
  | { readonly kind: 'changed'; readonly alert: Alert }
  /** Already in that state (a double click, a replayed request): nothing changed, nothing enqueued. */
  | { readonly kind: 'unchanged'; readonly alert: Alert; readonly why: string }
  | { readonly kind: 'not-found' };

export interface DigestRecordRequest {
  readonly job: string;
  readonly period: string;
  readonly recipient: string;
  readonly now: number;
  readonly redKeys: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly entries: readonly NewOutboxEntry[];
}

export interface PreviousDigest {
  readonly isoWeek: string;
  readonly redKeys: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

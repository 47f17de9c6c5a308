import type { ZoneMethod, ZoneName } from '../analysis/zones/zone-rules.js';
import type { ZoneRule } from '../analysis/zones/zone-types.js';

/**
 * The red-zone alert domain. Times are epoch milliseconds from the injected clock; nothing here knows about
 * SQLite or Slack.
 */

export const ALERT_STATES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** States in which an alert is still "the" alert of its customer (one per customer, see the store). */
export const ACTIVE_STATES: readonly AlertState[] = ['open', 'acknowledged', 'snoozed'];

/**
 * How the alert was announced: its own message, a line in a scan's overflow summary (beyond the 20 per scan), or a
 * line in the baseline summary of the customers already red when Radar first looked at a warehouse.
 */
export const ALERT_DELIVERIES = ['individual', 'overflow', 'baseline'] as const;
export type AlertDelivery = (typeof ALERT_DELIVERIES)[number];

export const RESOLUTION_REASONS = ['recovered', 'warehouse-replaced'] as const;
export type ResolutionReason = (typeof RESOLUTION_REASONS)[number];

/** The customer's figures an alert shows beside the zone (from the value table; null when not there). */
export interface CustomerFigures {
  readonly tier: string | null;
  readonly stage: string | null;
  readonly ltv: number | null;
  readonly health: number | null;
  readonly churn: number | null;
  /** §4 priority and its rank among the ranked customers (1 = call first). */
  readonly priority: number | null;
  readonly priorityRank: number | null;
  readonly rankedOf: number | null;
}

/** One customer as a scan sees it: the zone with its reason, and the figures. */
export interface ScannedCustomer {
  readonly key: string;
  readonly organization: string | null;
  readonly zone: ZoneName | null;
  readonly method: ZoneMethod;
  readonly score: number | null;
  readonly rule: ZoneRule;
  readonly reason: string;
  /** The zone score's parts (activity: velocity, risk, engagement; fallback: churn, health, cume_dist). */
  readonly parts: Readonly<Record<string, unknown>>;
  readonly figures: CustomerFigures;
  /** Data date of the scan that saw this customer (absent on alerts stored before it was recorded). */
  readonly dataDate?: string | null;
}

export interface Alert {
  readonly id: number;
  readonly customer: ScannedCustomer;
  readonly delivery: AlertDelivery;
  /** The baseline or overflow summary that announced it; null for an individual alert. */
  readonly summaryId: number | null;
  readonly scanPeriod: string;
  readonly detectedAt: number;
  readonly state: AlertState;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: number | null;
  readonly assignee: string | null;
  readonly assignedBy: string | null;
  readonly assignedAt: number | null;
  readonly snoozedBy: string | null;
  readonly snoozedUntil: number | null;
  /** Time the SLA clock stood still (snoozes), added to both deadlines. */
  readonly slaShiftMs: number;
  /** First intervention logged (meets the SLA). */
  readonly interventionAt: number | null;
  readonly interventionCount: number;
  readonly reminderAt: number | null;
  readonly escalatedAt: number | null;
  readonly resolvedAt: number | null;
  readonly resolvedReason: ResolutionReason | null;
  /** e.g. "now yellow (score 55.1)". */
  readonly resolvedDetail: string | null;
  /** Where the alert was posted (its own message, or its summary's); null until delivered. */
  readonly channel: string | null;
  readonly messageTs: string | null;
  /** Bumped on every change; message refreshes are keyed by it. */
  readonly version: number;
}

export interface Intervention {
  readonly id: number;
  readonly alertId: number;
  readonly customerKey: string;
  readonly loggedBy: string;
  readonly loggedAt: number;
  readonly note: string;
}

export type SummaryKind = 'baseline' | 'overflow';

export interface AlertSummary {
  readonly id: number;
  readonly kind: SummaryKind;
  readonly scanPeriod: string;
  readonly createdAt: number;
  /** Baseline: why ("first scan", "new warehouse"). Overflow: null. */
  readonly reason: string | null;
  readonly channel: string | null;
  readonly messageTs: string | null;
}

export function isActive(alert: Pick<Alert, 'state'>): boolean {
  return alert.state !== 'resolved';
}

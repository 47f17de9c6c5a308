import type {
  Alert,
  AlertDelivery,
  AlertState,
  AlertSummary,
  Intervention,
  ResolutionReason,
  ScannedCustomer,
  SummaryKind,
} from './alert-types.js';
import type { OutboxEntry, OutboxMessage } from './outbox-types.js';

/** Columns of `alerts` plus the intervention count, as every alert query selects them. */
export const ALERT_SELECT = `SELECT a.*, (SELECT COUNT(*) FROM interventions i WHERE i.alert_id = a.id) AS intervention_count
  FROM alerts a`;

export interface AlertRow {
  readonly id: number;
  readonly customer: string;
  readonly delivery: string;
  readonly summary_id: number | null;
  readonly scan_period: string;
  readonly detected_at: number;
  readonly state: string;
  readonly acknowledged_by: string | null;
  readonly acknowledged_at: number | null;
  readonly assignee: string | null;
  readonly assigned_by: string | null;
  readonly assigned_at: number | null;
  readonly snoozed_by: string | null;
  readonly snoozed_until: number | null;
  readonly sla_shift_ms: number;
  readonly intervention_at: number | null;
  readonly intervention_count: number;
  readonly reminder_at: number | null;
  readonly escalated_at: number | null;
  readonly resolved_at: number | null;
  readonly resolved_reason: string | null;
  readonly resolved_detail: string | null;
  readonly channel: string | null;
  readonly message_ts: string | null;
  readonly version: number;
}

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    customer: JSON.parse(row.customer) as ScannedCustomer,
    delivery: row.delivery as AlertDelivery,
    summaryId: row.summary_id,
    scanPeriod: row.scan_period,
    detectedAt: row.detected_at,
    state: row.state as AlertState,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    assignee: row.assignee,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
    snoozedBy: row.snoozed_by,
    snoozedUntil: row.snoozed_until,
    slaShiftMs: row.sla_shift_ms,
    interventionAt: row.intervention_at,
    interventionCount: row.intervention_count,
    reminderAt: row.reminder_at,
    escalatedAt: row.escalated_at,
    resolvedAt: row.resolved_at,
    resolvedReason: row.resolved_reason as ResolutionReason | null,
    resolvedDetail: row.resolved_detail,
    channel: row.channel,
    messageTs: row.message_ts,
    version: row.version,
  };
}

export interface SummaryRow {
  readonly id: number;
  readonly kind: string;
  readonly scan_period: string;
  readonly created_at: number;
  readonly reason: string | null;
  readonly channel: string | null;
  readonly message_ts: string | null;
}

export function toSummary(row: SummaryRow): AlertSummary {
  return {
    id: row.id,
    kind: row.kind as SummaryKind,
    scanPeriod: row.scan_period,
    createdAt: row.created_at,
    reason: row.reason,
    channel: row.channel,
    messageTs: row.message_ts,
  };
}

export interface InterventionRow {
  readonly id: number;
  readonly alert_id: number;
  readonly customer_key: string;
  readonly logged_by: string;
  readonly logged_at: number;
  readonly note: string;
}

export function toIntervention(row: InterventionRow): Intervention {
  return {
    id: row.id,
    alertId: row.alert_id,
    customerKey: row.customer_key,
    loggedBy: row.logged_by,
    loggedAt: row.logged_at,
    note: row.note,
  };
}

export interface OutboxRow {
  readonly id: number;
  readonly dedupe_key: string;
  readonly payload: string;
  readonly created_at: number;
  readonly attempts: number;
}

export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    message: JSON.parse(row.payload) as OutboxMessage,
    createdAt: row.created_at,
    attempts: row.attempts,
  };
}

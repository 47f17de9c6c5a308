import type { Alert } from './alert-types.js';

const HOUR_MS = 3_600_000;

/** A reminder goes out when nobody acknowledged an alert this long after detection (plus snoozes). */
export const REMINDER_AFTER_MS = 24 * HOUR_MS;

/** The SLA: an intervention logged within 48 hours of detection (plus snoozes), else escalation to the managers. */
export const ESCALATION_AFTER_MS = 48 * HOUR_MS;

/** "Snooze 24 h" stops the SLA clock, pausing the reminder and the escalation, for this long. */
export const SNOOZE_MS = 24 * HOUR_MS;

/** Alerts announced only in the baseline summary predate Radar's watch: they are tracked, but carry no SLA. */
export function hasSla(alert: Pick<Alert, 'delivery'>): boolean {
  return alert.delivery !== 'baseline';
}

export function reminderDueAt(alert: Pick<Alert, 'detectedAt' | 'slaShiftMs'>): number {
  return alert.detectedAt + REMINDER_AFTER_MS + alert.slaShiftMs;
}

export function escalationDueAt(alert: Pick<Alert, 'detectedAt' | 'slaShiftMs'>): number {
  return alert.detectedAt + ESCALATION_AFTER_MS + alert.slaShiftMs;
}

export function isSnoozed(alert: Pick<Alert, 'state' | 'snoozedUntil'>, now: number): boolean {
  return alert.state === 'snoozed' && alert.snoozedUntil !== null && alert.snoozedUntil > now;
}

/** Due for the 24 h reminder: still unacknowledged, not snoozed, not reminded yet. */
export function reminderDue(alert: Alert, now: number): boolean {
  return (
    hasSla(alert) &&
    alert.state === 'open' &&
    alert.acknowledgedAt === null &&
    alert.reminderAt === null &&
    now >= reminderDueAt(alert)
  );
}

/** Due for escalation: no intervention 48 h after detection (plus snoozes), not snoozed, not escalated yet. */
export function escalationDue(alert: Alert, now: number): boolean {
  return (
    hasSla(alert) &&
    (alert.state === 'open' || alert.state === 'acknowledged') &&
    alert.interventionAt === null &&
    alert.escalatedAt === null &&
    now >= escalationDueAt(alert)
  );
}

/** Past the SLA deadline without an intervention (whether or not the escalation went out yet). */
export function isOverdue(alert: Alert, now: number): boolean {
  return hasSla(alert) && alert.state !== 'resolved' && alert.interventionAt === null && now >= escalationDueAt(alert);
}

export type SlaStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'met'; readonly at: number }
  | { readonly kind: 'running'; readonly dueAt: number; readonly leftMs: number; readonly paused: boolean }
  | { readonly kind: 'overdue'; readonly dueAt: number; readonly overMs: number; readonly escalatedAt: number | null }
  | { readonly kind: 'closed' };

/** The SLA clock of an alert at `now`, as messages and the Home tab show it. */
export function slaStatus(alert: Alert, now: number): SlaStatus {
  if (!hasSla(alert)) return { kind: 'none' };
  if (alert.interventionAt !== null) return { kind: 'met', at: alert.interventionAt };
  if (alert.state === 'resolved') return { kind: 'closed' };
  const dueAt = escalationDueAt(alert);
  if (now >= dueAt) return { kind: 'overdue', dueAt, overMs: now - dueAt, escalatedAt: alert.escalatedAt };
  return { kind: 'running', dueAt, leftMs: dueAt - now, paused: isSnoozed(alert, now) };
}

/** "31 h", "45 min": a duration rounded for people. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(ms / HOUR_MS)} h`;
}

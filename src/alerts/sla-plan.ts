import type { Alert } from './alert-types.js';
import { escalationDue, reminderDue } from './sla.js';

export interface SlaPlan {
  /** Snoozed alerts whose 24 h are over: back to open (or acknowledged). */
  readonly wake: readonly number[];
  /** One reminder per announcing message: an alert's own card, or the overflow summary listing several. */
  readonly reminders: readonly (readonly number[])[];
  /** Alerts to escalate now, in one message to the managers' channel. */
  readonly escalations: readonly number[];
}

/**
 * The SLA decision, pure, on the active alerts at `now`: wakes finished snoozes first (a woken alert is judged
 * on the same pass), then picks the reminders (24 h, unacknowledged) and escalations (48 h, no intervention).
 */
export function planSla(active: readonly Alert[], now: number): SlaPlan {
  const wake: number[] = [];
  const reminders = new Map<string, number[]>();
  const escalations: number[] = [];
  for (const original of active) {
    let alert = original;
    if (alert.state === 'snoozed' && (alert.snoozedUntil === null || alert.snoozedUntil <= now)) {
      wake.push(alert.id);
      alert = { ...alert, state: alert.acknowledgedAt === null ? 'open' : 'acknowledged' };
    }
    if (reminderDue(alert, now)) {
      const group = alert.summaryId === null ? `alert:${alert.id}` : `summary:${alert.summaryId}`;
      const ids = reminders.get(group) ?? [];
      ids.push(alert.id);
      reminders.set(group, ids);
    }
    if (escalationDue(alert, now)) escalations.push(alert.id);
  }
  return { wake, reminders: [...reminders.values()], escalations };
}

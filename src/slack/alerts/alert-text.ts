import type { Alert, ScannedCustomer } from '../../alerts/alert-types.js';
import { formatDuration, isSnoozed, slaStatus } from '../../alerts/sla.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import { numberFormat } from '../../format/number-format.js';
import { accountName, TERMS, termHeading } from '../../vocabulary/glossary.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** Action ids of the alert card's buttons (static; the alert id travels in `value`). */
export const ALERT_ACTIONS = {
  acknowledge: 'radar_alert_acknowledge',
  assign: 'radar_alert_assign',
  snooze: 'radar_alert_snooze',
  logIntervention: 'radar_alert_log_intervention',
} as const;

/** The per-line menu on overflow summaries; its option values are `<action>:<alert id>`. */
export const ALERT_MENU_ACTION = 'radar_alert_menu';
export const ALERT_MENU_ACTIONS = ['acknowledge', 'assign', 'snooze', 'log'] as const;
export type AlertMenuAction = (typeof ALERT_MENU_ACTIONS)[number];

/** Modal callback ids. */
export const ALERT_VIEWS = {
  assign: 'radar_alert_assign_modal',
  logIntervention: 'radar_alert_intervention_modal',
} as const;

/** Block and action ids inside the modals (what view_submission's state.values is keyed by). */
export const MODAL_INPUTS = {
  assignee: { block: 'assignee', action: 'assignee_select' },
  note: { block: 'note', action: 'note_input' },
} as const;

/**
 * A time Slack shows in each reader's own zone and format, with a UTC fallback for clients that cannot (and for
 * the CLI preview).
 */
export function slackDate(ms: number): string {
  const iso = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${iso}>`;
}

/** A zone score as the glossary writes it everywhere (one decimal, rounded down like the zone reasons). */
export function formatScore(score: number): string {
  return TERMS.zoneScore.format(score);
}

export function customerName(customer: Pick<ScannedCustomer, 'key' | 'organization'>): string {
  // The answers' naming form ("Hooli Group — jane@hooli.com"), so an account reads the same on every surface.
  return accountName(
    customer.organization === null ? null : escapeMrkdwn(customer.organization),
    escapeMrkdwn(customer.key),
  );
}

const fmt = numberFormat();

function number(value: unknown, digits = 1): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? fmt.decimal(value, digits) : null;
}

/** The zone score's parts in words: "velocity Declining (60) · risk Critical (−40) · engagement 8.9/100". */
export function partsText(customer: ScannedCustomer): string {
  const p = customer.parts;
  const bits: string[] = [];
  if (customer.method === 'activity') {
    if (p.velocity != null)
      bits.push(`velocity ${String(p.velocity)}${p.velocityScore != null ? ` (${p.velocityScore})` : ''}`);
    if (p.riskLevel != null)
      bits.push(
        `risk ${String(p.riskLevel)}${p.riskPenalty != null ? ` (${Number(p.riskPenalty) > 0 ? `−${p.riskPenalty}` : '0'})` : ''}`,
      );
    const engagement = number(p.engagement);
    if (engagement !== null) bits.push(`engagement ${engagement}/100`);
  } else {
    const churn = typeof p.churnProbability === 'number' ? TERMS.churn.format(p.churnProbability) : null;
    const health = typeof p.healthScore === 'number' ? TERMS.health.format(p.healthScore) : null;
    const cume = typeof p.cumeDist === 'number' ? fmt.percent(p.cumeDist, { decimals: 0 }) : null;
    if (churn !== null) bits.push(`${TERMS.churn.name} ${churn}`);
    if (health !== null) bits.push(`${TERMS.health.name} ${health}`);
    if (cume !== null) bits.push(`lowest ${cume} of scores`);
  }
  return escapeMrkdwn(bits.join(' · '));
}

/** The customer's key figures, as "label: value" pairs (missing ones left out). */
export function figureFields(customer: ScannedCustomer): [string, string][] {
  const f = customer.figures;
  const fields: [string, string][] = [];
  if (customer.score !== null) fields.push([termHeading('zoneScore'), formatScore(customer.score)]);
  if (f.priorityRank !== null) {
    fields.push([
      'Priority rank',
      `${fmt.count(f.priorityRank)}${f.rankedOf !== null ? ` of ${fmt.count(f.rankedOf)}` : ''}`,
    ]);
  }
  if (f.tier !== null || f.stage !== null) fields.push(['Tier · stage', [f.tier, f.stage].filter(Boolean).join(' · ')]);
  if (f.ltv !== null) fields.push([termHeading('ltv'), TERMS.ltv.format(f.ltv)]);
  if (f.health !== null) fields.push([termHeading('health'), TERMS.health.format(f.health)]);
  if (f.churn !== null) fields.push([termHeading('churn'), TERMS.churn.format(f.churn)]);
  fields.push(['Next action', nextAction({ zone: 'red', route: null }).text]);
  return fields;
}

/** "Acknowledged by @x (date) · assigned to @y (date) · snoozed until …" */
export function stateText(alert: Alert, now: number): string {
  if (alert.state === 'resolved') {
    const why = alert.resolvedReason === 'recovered' ? 'Recovered: left the red zone' : 'Closed: the warehouse changed';
    return `:white_check_mark: *${why}* ${alert.resolvedAt !== null ? slackDate(alert.resolvedAt) : ''}${
      alert.resolvedDetail ? ` — ${escapeMrkdwn(alert.resolvedDetail)}` : ''
    }`;
  }
  const bits: string[] = [];
  if (alert.acknowledgedBy !== null && alert.acknowledgedAt !== null) {
    bits.push(`Acknowledged by <@${alert.acknowledgedBy}> ${slackDate(alert.acknowledgedAt)}`);
  } else {
    bits.push('*Open*: nobody has acknowledged it yet');
  }
  if (alert.assignee !== null && alert.assignedAt !== null) {
    bits.push(
      `assigned to <@${alert.assignee}> by <@${alert.assignedBy ?? alert.assignee}> ${slackDate(alert.assignedAt)}`,
    );
  }
  if (isSnoozed(alert, now) && alert.snoozedUntil !== null) {
    bits.push(`:zzz: snoozed by <@${alert.snoozedBy ?? 'someone'}> until ${slackDate(alert.snoozedUntil)}`);
  }
  if (alert.interventionCount > 0) {
    bits.push(`${alert.interventionCount} intervention${alert.interventionCount === 1 ? '' : 's'} logged`);
  }
  if (alert.reminderAt !== null) bits.push(`reminder sent ${slackDate(alert.reminderAt)}`);
  return bits.join(' · ');
}

/** The SLA clock as the card shows it (the deadline renders in the reader's zone, so it never goes stale). */
export function slaText(alert: Alert, now: number): string {
  const sla = slaStatus(alert, now);
  switch (sla.kind) {
    case 'none':
      return 'No SLA: already red when Radar started watching (baseline).';
    case 'met':
      return `:white_check_mark: SLA met: intervention logged ${slackDate(sla.at)}.`;
    case 'closed':
      return 'SLA closed: resolved before an intervention was logged.';
    case 'running':
      return `:stopwatch: SLA: log an intervention by ${slackDate(sla.dueAt)} (${formatDuration(sla.leftMs)} left at ${slackDate(now)})${
        sla.paused ? ', clock paused while snoozed' : ''
      }.`;
    case 'overdue':
      return `:rotating_light: SLA missed: no intervention by ${slackDate(sla.dueAt)}${
        sla.escalatedAt !== null ? `; escalated ${slackDate(sla.escalatedAt)}` : ''
      }.`;
  }
}

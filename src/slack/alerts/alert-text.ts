import type { Alert, ScannedCustomer } from '../../alerts/alert-types.js';
import { isSnoozed, slaStatus } from '../../alerts/sla.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import {
  DEFAULT_FALLBACK_RED_CUME_DIST,
  DEFAULT_RED_BELOW,
  formatScore as reasonScore,
} from '../../analysis/zones/zone-rules.js';
import { numberFormat } from '../../format/number-format.js';
import { catalogueOf } from '../../i18n/locale.js';
import { type MessageKey, type Translate, termFor } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
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

export function customerName(t: Translate, customer: Pick<ScannedCustomer, 'key' | 'organization'>): string {
  // The answers' naming form ("Hooli Group — jane@hooli.com"), so an account reads the same on every surface.
  return glossaryFor(t.locale).accountName(
    customer.organization === null ? null : escapeMrkdwn(customer.organization),
    escapeMrkdwn(customer.key),
  );
}

const HOUR_MS = 3_600_000;

/** A duration as the SLA clock shows it (the rule of sla.ts formatDuration: minutes below 2 h, then hours). */
export function durationText(t: Translate, ms: number): string {
  const fmt = numberFormat(t.locale);
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return t('alerts.duration.minutes', { count: fmt.count(minutes) });
  return t('alerts.duration.hours', { count: fmt.count(Math.round(ms / HOUR_MS)) });
}

function number(t: Translate, value: unknown, digits = 1): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? numberFormat(t.locale).decimal(value, digits) : null;
}

/** An engagement velocity or risk level: translated where the catalogue knows it, else as the data spells it. */
function level(t: Translate, kind: 'velocity' | 'risk', value: unknown): string {
  const key = `alerts.level.${kind}.${String(value)}`;
  return Object.hasOwn(catalogueOf(t.locale), key) ? t(key as MessageKey) : String(value);
}

function penaltyText(penalty: unknown): string {
  return penalty != null && Number(penalty) > 0 ? `−${String(penalty)}` : '0';
}

/** The zone score's parts in words: "velocity Declining (60) · risk Critical (−40) · engagement 8.9/100". */
export function partsText(t: Translate, customer: ScannedCustomer): string {
  const p = customer.parts;
  const bits: string[] = [];
  if (customer.method === 'activity') {
    if (p.velocity != null) {
      bits.push(
        p.velocityScore != null
          ? t('alerts.parts.velocityScored', {
              level: level(t, 'velocity', p.velocity),
              score: String(p.velocityScore),
            })
          : t('alerts.parts.velocity', { level: level(t, 'velocity', p.velocity) }),
      );
    }
    if (p.riskLevel != null) {
      bits.push(
        p.riskPenalty != null
          ? t('alerts.parts.riskScored', { level: level(t, 'risk', p.riskLevel), penalty: penaltyText(p.riskPenalty) })
          : t('alerts.parts.risk', { level: level(t, 'risk', p.riskLevel) }),
      );
    }
    const engagement = number(t, p.engagement);
    if (engagement !== null) bits.push(t('alerts.parts.engagement', { value: engagement }));
  } else {
    const terms = glossaryFor(t.locale).terms;
    const churn = typeof p.churnProbability === 'number' ? terms.churn.format(p.churnProbability) : null;
    const health = typeof p.healthScore === 'number' ? terms.health.format(p.healthScore) : null;
    const cume = typeof p.cumeDist === 'number' ? numberFormat(t.locale).percent(p.cumeDist, { decimals: 0 }) : null;
    if (churn !== null) bits.push(t('alerts.parts.fallbackFigure', { name: terms.churn.name, value: churn }));
    if (health !== null) bits.push(t('alerts.parts.fallbackFigure', { name: terms.health.name, value: health }));
    if (cume !== null) bits.push(t('alerts.parts.lowest', { percent: cume }));
  }
  return escapeMrkdwn(bits.join(' · '));
}

/**
 * Why the customer is red, in the reader's language, rebuilt from the rule and parts stored with the alert (the
 * analysis wrote its sentence in English when the scan ran). A rule without the parts it needs keeps that sentence.
 */
export function zoneReason(t: Translate, customer: ScannedCustomer): string {
  const p = customer.parts;
  const score = customer.score;
  const scoreSuffix = score === null ? '' : t('alerts.reason.scoreSuffix', { score: reasonScore(score) });
  switch (customer.rule) {
    case 'stagnant':
      return t('alerts.reason.stagnant', { score: scoreSuffix });
    case 'unknown-risk':
      if (p.riskLevel == null) break;
      return t('alerts.reason.unknownRisk', { level: String(p.riskLevel), score: scoreSuffix });
    case 'score-below-red':
      if (score === null || p.velocity == null || p.riskLevel == null) break;
      if (typeof p.velocityScore !== 'number' || typeof p.riskPenalty !== 'number') break;
      return t('alerts.reason.belowRed', {
        score: reasonScore(score),
        threshold: String(DEFAULT_RED_BELOW),
        parts: t('alerts.reason.partsLine', {
          velocity: level(t, 'velocity', p.velocity),
          velocityScore: String(p.velocityScore),
          risk: level(t, 'risk', p.riskLevel),
          penalty: penaltyText(p.riskPenalty),
          engagement: reasonScore(typeof p.engagement === 'number' ? p.engagement : 0),
        }),
      });
    case 'fallback-bottom':
      if (score === null || typeof p.churnProbability !== 'number' || p.healthScore == null) break;
      return t('alerts.reason.fallbackBottom', {
        score: reasonScore(score),
        share: `${reasonScore(100 * DEFAULT_FALLBACK_RED_CUME_DIST)}%`,
        churn: `${reasonScore(100 * p.churnProbability)}%`,
        health: String(p.healthScore),
      });
    default:
      break;
  }
  return customer.reason;
}

/** The customer's key figures, as "label: value" pairs (missing ones left out). */
export function figureFields(t: Translate, customer: ScannedCustomer): [string, string][] {
  const fmt = numberFormat(t.locale);
  const g = glossaryFor(t.locale);
  const f = customer.figures;
  const fields: [string, string][] = [];
  if (customer.score !== null) fields.push([g.termHeading('zoneScore'), g.terms.zoneScore.format(customer.score)]);
  if (f.priorityRank !== null) {
    fields.push([
      t('alerts.field.priorityRank'),
      f.rankedOf !== null
        ? t('alerts.field.rankOf', { rank: fmt.count(f.priorityRank), total: fmt.count(f.rankedOf) })
        : fmt.count(f.priorityRank),
    ]);
  }
  if (f.tier !== null || f.stage !== null) {
    const levels = [
      f.tier === null ? null : termFor(t.locale, 'tier', f.tier),
      f.stage === null ? null : termFor(t.locale, 'stage', f.stage),
    ];
    fields.push([t('alerts.field.tierStage'), levels.filter(Boolean).join(' · ')]);
  }
  if (f.ltv !== null) fields.push([g.termHeading('ltv'), g.terms.ltv.format(f.ltv)]);
  if (f.health !== null) fields.push([g.termHeading('health'), g.terms.health.format(f.health)]);
  if (f.churn !== null) fields.push([g.termHeading('churn'), g.terms.churn.format(f.churn)]);
  fields.push([t('alerts.field.nextAction'), actionText(nextAction({ zone: 'red', route: null }), t.locale)]);
  return fields;
}

/** The resolution detail in the reader's language ("now yellow (zone score 62.4)"); the stored text otherwise. */
function resolvedDetail(t: Translate, alert: Alert): string | null {
  if (alert.resolvedReason === 'warehouse-replaced') return t('alerts.state.detailReplaced');
  const match = /^now (red|yellow|green)(?: \(zone score ([\d.,]+)\))?$/.exec(alert.resolvedDetail ?? '');
  if (match === null) return alert.resolvedDetail;
  const zone = termFor(t.locale, 'zone', match[1] as string);
  return match[2] === undefined
    ? t('alerts.state.detailRecovered', { zone })
    : t('alerts.state.detailRecoveredScore', { zone, score: match[2] as string });
}

/** "Acknowledged by @x (date) · assigned to @y (date) · snoozed until …" */
export function stateText(t: Translate, alert: Alert, now: number): string {
  if (alert.state === 'resolved') {
    const why = alert.resolvedReason === 'recovered' ? t('alerts.state.recovered') : t('alerts.state.closed');
    const detail = resolvedDetail(t, alert);
    return `:white_check_mark: *${why}* ${alert.resolvedAt !== null ? slackDate(alert.resolvedAt) : ''}${
      detail ? ` — ${escapeMrkdwn(detail)}` : ''
    }`;
  }
  const bits: string[] = [];
  if (alert.acknowledgedBy !== null && alert.acknowledgedAt !== null) {
    bits.push(t('alerts.state.acknowledged', { user: alert.acknowledgedBy, date: slackDate(alert.acknowledgedAt) }));
  } else {
    bits.push(t('alerts.state.open'));
  }
  if (alert.assignee !== null && alert.assignedAt !== null) {
    bits.push(
      t('alerts.state.assigned', {
        user: alert.assignee,
        by: alert.assignedBy ?? alert.assignee,
        date: slackDate(alert.assignedAt),
      }),
    );
  }
  if (isSnoozed(alert, now) && alert.snoozedUntil !== null) {
    bits.push(t('alerts.state.snoozed', { user: alert.snoozedBy ?? 'someone', date: slackDate(alert.snoozedUntil) }));
  }
  if (alert.interventionCount > 0) {
    bits.push(
      t('alerts.state.interventions', {
        count: numberFormat(t.locale).count(alert.interventionCount),
        n: alert.interventionCount,
      }),
    );
  }
  if (alert.reminderAt !== null) bits.push(t('alerts.state.reminderSent', { date: slackDate(alert.reminderAt) }));
  return bits.join(' · ');
}

/** The SLA clock as the card shows it (the deadline renders in the reader's zone, so it never goes stale). */
export function slaText(t: Translate, alert: Alert, now: number): string {
  const sla = slaStatus(alert, now);
  switch (sla.kind) {
    case 'none':
      return t('alerts.sla.none');
    case 'met':
      return t('alerts.sla.met', { date: slackDate(sla.at) });
    case 'closed':
      return t('alerts.sla.closed');
    case 'running':
      return t(sla.paused ? 'alerts.sla.runningPaused' : 'alerts.sla.running', {
        due: slackDate(sla.dueAt),
        left: durationText(t, sla.leftMs),
        now: slackDate(now),
      });
    case 'overdue':
      return sla.escalatedAt !== null
        ? t('alerts.sla.overdueEscalated', { due: slackDate(sla.dueAt), escalated: slackDate(sla.escalatedAt) })
        : t('alerts.sla.overdue', { due: slackDate(sla.dueAt) });
  }
}

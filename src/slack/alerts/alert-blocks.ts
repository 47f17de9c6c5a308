import type { Alert, AlertSummary } from '../../alerts/alert-types.js';
import { isSnoozed } from '../../alerts/sla.js';
import { numberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import {
  ALERT_ACTIONS,
  ALERT_MENU_ACTION,
  type AlertMenuAction,
  customerName,
  figureFields,
  partsText,
  slackDate,
  slaText,
  stateText,
  zoneReason,
} from './alert-text.js';

/** Lines of a summary message; the rest are counted ("…and 86 more") to stay inside Slack's block limits. */
export const SUMMARY_LINES_MAX = 40;

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text },
    action_id: actionId,
    value,
    ...(style === undefined ? {} : { style }),
  };
}

/** The buttons an alert still offers: none once resolved; Acknowledge until someone did; Snooze unless snoozed. */
function actionsBlock(t: Translate, alert: Alert, now: number): KnownBlock | null {
  if (alert.state === 'resolved') return null;
  const value = String(alert.id);
  const elements = [
    ...(alert.acknowledgedAt === null
      ? [button(t('alerts.button.acknowledge'), ALERT_ACTIONS.acknowledge, value, 'primary')]
      : []),
    button(t('alerts.button.assign'), ALERT_ACTIONS.assign, value),
    ...(isSnoozed(alert, now) ? [] : [button(t('alerts.button.snooze'), ALERT_ACTIONS.snooze, value)]),
    button(t('alerts.button.log'), ALERT_ACTIONS.logIntervention, value),
  ];
  return { type: 'actions', block_id: `radar_alert_${alert.id}`, elements };
}

/**
 * The alert card, in the channel's language: who, why (score, parts, rule), figures, state with who and when, the
 * SLA clock, and the buttons.
 */
export function renderAlertCard(alert: Alert, now: number, t: Translate): SlackMessage {
  const c = alert.customer;
  const name = customerName(t, c);
  const resolved = alert.state === 'resolved';
  const short = c.organization ?? c.key;
  const title = t(resolved ? 'alerts.card.recovered' : 'alerts.card.red', { name: short });
  const reason = zoneReason(t, c);
  const fields = figureFields(t, c).map(([label, value]) => ({
    type: 'mrkdwn' as const,
    text: `*${label}*\n${escapeMrkdwn(value)}`,
  }));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${resolved ? '✅' : '🔴'} ${title}`, 150) } },
    mrkdwnSection(truncate(`*${name}*\n${escapeMrkdwn(reason)}`, 3000)),
    ...(fields.length > 0 ? [{ type: 'section' as const, fields: fields.slice(0, 10) }] : []),
    contextBlock([
      truncate(
        t('alerts.card.parts', {
          parts: partsText(t, c) || t('alerts.parts.none'),
          rule: c.rule,
          method: t(c.method === 'activity' ? 'alerts.card.method.activity' : 'alerts.card.method.value-fallback'),
        }),
        3000,
      ),
    ]),
    mrkdwnSection(truncate(`${stateText(t, alert, now)}\n${slaText(t, alert, now)}`, 3000)),
  ];
  const actions = actionsBlock(t, alert, now);
  if (actions !== null) blocks.push(actions);
  const footer = { id: String(alert.id), date: slackDate(alert.detectedAt) };
  blocks.push(
    contextBlock([
      alert.customer.dataDate
        ? t('alerts.card.footerDataDate', { ...footer, dataDate: alert.customer.dataDate })
        : t('alerts.card.footer', footer),
    ]),
  );
  const text = resolved
    ? t('alerts.card.textRecovered', { name: short })
    : t('alerts.card.textRed', { name: short, reason });
  return { text: truncate(text, 3000), blocks };
}

function summaryLine(t: Translate, alert: Alert, now: number): string {
  const c = alert.customer;
  const fmt = numberFormat(t.locale);
  const bits = [customerName(t, c)];
  if (c.score !== null) bits.push(glossaryFor(t.locale).describeValue('zoneScore', c.score));
  if (c.figures.priorityRank !== null) bits.push(t('alerts.line.rank', { rank: fmt.count(c.figures.priorityRank) }));
  bits.push(t('alerts.line.alert', { id: String(alert.id) }));
  if (alert.state === 'resolved') return `• ~${bits.join(' · ')}~ ${t('alerts.line.recovered')}`;
  if (alert.assignee !== null) bits.push(`<@${alert.assignee}>`);
  else if (alert.acknowledgedBy !== null) bits.push(t('alerts.line.acknowledged'));
  if (isSnoozed(alert, now)) bits.push(t('alerts.line.snoozed'));
  if (alert.interventionAt !== null) bits.push(t('alerts.line.interventionLogged'));
  return `• ${bits.join(' · ')}`;
}

/** One overflow line with an overflow menu of the card's actions (value `<action>:<alert id>`). */
function alertLineWithMenu(t: Translate, alert: Alert, now: number): KnownBlock {
  const line = mrkdwnSection(truncate(summaryLine(t, alert, now), 3000));
  if (alert.state === 'resolved') return line;
  const option = (text: string, action: AlertMenuAction) => ({
    text: { type: 'plain_text' as const, text },
    value: `${action}:${alert.id}`,
  });
  return {
    ...line,
    accessory: {
      type: 'overflow',
      action_id: ALERT_MENU_ACTION,
      options: [
        ...(alert.acknowledgedAt === null ? [option(t('alerts.button.acknowledge'), 'acknowledge')] : []),
        option(t('alerts.button.assign'), 'assign'),
        ...(isSnoozed(alert, now) ? [] : [option(t('alerts.button.snooze'), 'snooze')]),
        option(t('alerts.button.log'), 'log'),
      ],
    },
  };
}

/** Why a baseline is one, in the reader's language (scan-plan stores it in English). */
function baselineWhy(t: Translate, reason: string | null): string {
  if (reason === null || reason.startsWith('first scan')) return t('alerts.summary.firstScan');
  const newWarehouse = /^new warehouse: only (\d+)%/.exec(reason);
  if (newWarehouse !== null) {
    return t('alerts.summary.newWarehouse', {
      percent: numberFormat(t.locale).percent(Number(newWarehouse[1]) / 100, { decimals: 0 }),
    });
  }
  return reason;
}

/** The baseline or overflow summary, in the channel's language: one line per tracked alert, resolved ones struck. */
export function renderSummary(
  summary: AlertSummary,
  alerts: readonly Alert[],
  now: number,
  t: Translate,
): SlackMessage {
  const fmt = numberFormat(t.locale);
  const active = alerts.filter((a) => a.state !== 'resolved').length;
  const baseline = summary.kind === 'baseline';
  const heading = t(baseline ? 'alerts.summary.baseline' : 'alerts.summary.overflow', {
    count: fmt.count(alerts.length),
  });
  const intro = baseline
    ? t('alerts.summary.baselineIntro', { why: escapeMrkdwn(baselineWhy(t, summary.reason)) })
    : t('alerts.summary.overflowIntro');
  const listed = alerts.slice(0, SUMMARY_LINES_MAX);
  const more =
    alerts.length > listed.length
      ? [t('alerts.summary.more', { count: fmt.count(alerts.length - listed.length) })]
      : [];
  // Overflow alerts carry the SLA, so each line gets the card's actions in a menu; baseline lines are a compact list.
  const lines: KnownBlock[] = baseline
    ? chunkLines([...listed.map((a) => summaryLine(t, a, now)), ...more], 2900).map(mrkdwnSection)
    : [...listed.map((a) => alertLineWithMenu(t, a, now)), ...more.map(mrkdwnSection)];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`🔴 ${heading}`, 150) } },
    mrkdwnSection(truncate(intro, 3000)),
    ...lines,
    contextBlock([
      t('alerts.summary.footer', { active: fmt.count(active), period: summary.scanPeriod, id: String(summary.id) }),
    ]),
  ];
  return { text: heading, blocks: blocks.slice(0, 50) };
}

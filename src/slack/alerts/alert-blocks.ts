import type { Alert, AlertSummary } from '../../alerts/alert-types.js';
import { isSnoozed } from '../../alerts/sla.js';
import { numberFormat } from '../../format/number-format.js';
import { describeValue } from '../../vocabulary/glossary.js';
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
} from './alert-text.js';

const fmt = numberFormat();

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
function actionsBlock(alert: Alert, now: number): KnownBlock | null {
  if (alert.state === 'resolved') return null;
  const value = String(alert.id);
  const elements = [
    ...(alert.acknowledgedAt === null ? [button('Acknowledge', ALERT_ACTIONS.acknowledge, value, 'primary')] : []),
    button('Assign…', ALERT_ACTIONS.assign, value),
    ...(isSnoozed(alert, now) ? [] : [button('Snooze 24 h', ALERT_ACTIONS.snooze, value)]),
    button('Log intervention', ALERT_ACTIONS.logIntervention, value),
  ];
  return { type: 'actions', block_id: `radar_alert_${alert.id}`, elements };
}

/** The alert card: who, why (score, parts, rule), figures, state with who and when, the SLA clock, and the buttons. */
export function renderAlertCard(alert: Alert, now: number): SlackMessage {
  const c = alert.customer;
  const name = customerName(c);
  const resolved = alert.state === 'resolved';
  const title = resolved ? `Recovered: ${c.organization ?? c.key}` : `Red zone: ${c.organization ?? c.key}`;
  const fields = figureFields(c).map(([label, value]) => ({
    type: 'mrkdwn' as const,
    text: `*${label}*\n${escapeMrkdwn(value)}`,
  }));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${resolved ? '✅' : '🔴'} ${title}`, 150) } },
    mrkdwnSection(truncate(`*${name}*\n${escapeMrkdwn(c.reason)}`, 3000)),
    ...(fields.length > 0 ? [{ type: 'section' as const, fields: fields.slice(0, 10) }] : []),
    contextBlock([truncate(`Zone parts: ${partsText(c) || 'n/a'} · rule \`${c.rule}\` · ${c.method} method`, 3000)]),
    mrkdwnSection(truncate(`${stateText(alert, now)}\n${slaText(alert, now)}`, 3000)),
  ];
  const actions = actionsBlock(alert, now);
  if (actions !== null) blocks.push(actions);
  const dataDate = alert.customer.dataDate ? ` · data date ${alert.customer.dataDate}` : '';
  blocks.push(contextBlock([`Alert #${alert.id} · detected ${slackDate(alert.detectedAt)}${dataDate}`]));
  const text = resolved
    ? `Recovered: ${c.organization ?? c.key} left the red zone`
    : `Red zone: ${c.organization ?? c.key}. ${c.reason}`;
  return { text: truncate(text, 3000), blocks };
}

function summaryLine(alert: Alert, now: number): string {
  const c = alert.customer;
  const rank = c.figures.priorityRank === null ? '' : ` · priority rank #${fmt.count(c.figures.priorityRank)}`;
  const score = c.score === null ? '' : ` · ${describeValue('zoneScore', c.score)}`;
  const line = `${customerName(c)}${score}${rank} · alert #${alert.id}`;
  if (alert.state === 'resolved') return `• ~${line}~ recovered`;
  const who =
    alert.assignee !== null ? ` · <@${alert.assignee}>` : alert.acknowledgedBy !== null ? ' · acknowledged' : '';
  const snoozed = isSnoozed(alert, now) ? ' · snoozed' : '';
  const met = alert.interventionAt !== null ? ' · intervention logged' : '';
  return `• ${line}${who}${snoozed}${met}`;
}

/** One overflow line with an overflow menu of the card's actions (value `<action>:<alert id>`). */
function alertLineWithMenu(alert: Alert, now: number): KnownBlock {
  const line = mrkdwnSection(truncate(summaryLine(alert, now), 3000));
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
        ...(alert.acknowledgedAt === null ? [option('Acknowledge', 'acknowledge')] : []),
        option('Assign…', 'assign'),
        ...(isSnoozed(alert, now) ? [] : [option('Snooze 24 h', 'snooze')]),
        option('Log intervention', 'log'),
      ],
    },
  };
}

/** The baseline or overflow summary: one line per tracked alert, resolved ones struck through. */
export function renderSummary(summary: AlertSummary, alerts: readonly Alert[], now: number): SlackMessage {
  const active = alerts.filter((a) => a.state !== 'resolved').length;
  const baseline = summary.kind === 'baseline';
  const heading = baseline
    ? `Baseline: ${alerts.length} customers already in the red zone`
    : `${alerts.length} more customers entered the red zone`;
  const intro = baseline
    ? `${escapeMrkdwn(summary.reason ?? 'first scan')}. They are tracked (one alert each, no SLA) and will be resolved when they leave red; new reds from now on get their own alert.`
    : 'Beyond the 20 individual alerts of this scan, highest priority first. Each is tracked with the 48 h SLA; reminders and escalations come in this thread.';
  const listed = alerts.slice(0, SUMMARY_LINES_MAX);
  const more =
    alerts.length > listed.length ? [`…and ${alerts.length - listed.length} more (see the App Home tab).`] : [];
  // Overflow alerts carry the SLA, so each line gets the card's actions in a menu; baseline lines are a compact list.
  const lines: KnownBlock[] = baseline
    ? chunkLines([...listed.map((a) => summaryLine(a, now)), ...more], 2900).map(mrkdwnSection)
    : [...listed.map((a) => alertLineWithMenu(a, now)), ...more.map(mrkdwnSection)];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`🔴 ${heading}`, 150) } },
    mrkdwnSection(truncate(intro, 3000)),
    ...lines,
    contextBlock([`${active} still red · scan ${summary.scanPeriod} · summary #${summary.id}`]),
  ];
  return { text: heading, blocks: blocks.slice(0, 50) };
}

import type { Alert } from '../../alerts/alert-types.js';
import { escalationDueAt } from '../../alerts/sla.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { customerName, slackDate } from './alert-text.js';

const LINES_MAX = 30;

function lines(alerts: readonly Alert[], line: (a: Alert) => string): string[] {
  const shown = alerts.slice(0, LINES_MAX).map(line);
  if (alerts.length > shown.length) shown.push(`…and ${alerts.length - shown.length} more.`);
  return shown;
}

/** The 24 h reminder, posted in the thread of the message that announced the alerts. */
export function renderReminder(alerts: readonly Alert[]): SlackMessage {
  const one = alerts.length === 1 ? alerts[0] : undefined;
  const text =
    one !== undefined
      ? `Reminder: ${one.customer.organization ?? one.customer.key} has been red for 24 h and nobody has acknowledged it.`
      : `Reminder: ${alerts.length} red-zone alerts have gone 24 h without anyone acknowledging them.`;
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      `:alarm_clock: *${escapeMrkdwn(text)}*\nAcknowledge, assign or snooze it; the SLA asks for an intervention within 48 h of detection.`,
    ),
    ...chunkLines(
      lines(
        alerts,
        (a) => `• ${customerName(a.customer)} · escalates ${slackDate(escalationDueAt(a))} · alert #${a.id}`,
      ),
      2900,
    ).map(mrkdwnSection),
  ];
  return { text, blocks };
}

/** The 48 h escalation to the managers' channel. */
export function renderEscalation(alerts: readonly Alert[], managers: readonly string[]): SlackMessage {
  const text = `SLA missed: ${alerts.length} red-zone alert${alerts.length === 1 ? '' : 's'} without an intervention after 48 h.`;
  const mention = managers.length > 0 ? `${managers.map((m) => `<@${m}>`).join(' ')} ` : '';
  const blocks: KnownBlock[] = [
    mrkdwnSection(`:rotating_light: ${mention}*${escapeMrkdwn(text)}*`),
    ...chunkLines(
      lines(alerts, (a) => {
        const owner =
          a.assignee !== null
            ? `assigned to <@${a.assignee}>`
            : a.acknowledgedBy !== null
              ? `acknowledged by <@${a.acknowledgedBy}>`
              : 'nobody acknowledged';
        const where = a.channel !== null ? ` · in <#${a.channel}>` : '';
        return `• ${customerName(a.customer)} · detected ${slackDate(a.detectedAt)} · ${owner}${where} · alert #${a.id}`;
      }),
      2900,
    ).map(mrkdwnSection),
    contextBlock(['Log an intervention on the alert to meet the SLA; snoozing pauses it for 24 h.']),
  ];
  return { text, blocks };
}

/** DM to the assignee. */
export function renderAssignedDm(alert: Alert, by: string): SlackMessage {
  const c = alert.customer;
  const text = `You were assigned the red-zone alert for ${c.organization ?? c.key}.`;
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      truncate(
        `:wave: <@${by}> assigned you the red-zone alert for *${customerName(c)}*.\n${escapeMrkdwn(c.reason)}\nSLA: log an intervention by ${slackDate(escalationDueAt(alert))}${
          alert.channel !== null ? ` on the alert in <#${alert.channel}>` : ''
        }.`,
        3000,
      ),
    ),
    contextBlock([`Alert #${alert.id}`]),
  ];
  return { text, blocks };
}

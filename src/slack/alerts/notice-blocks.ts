import type { Alert } from '../../alerts/alert-types.js';
import { escalationDueAt } from '../../alerts/sla.js';
import { numberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { customerName, slackDate, zoneReason } from './alert-text.js';

const LINES_MAX = 30;

function lines(t: Translate, alerts: readonly Alert[], line: (a: Alert) => string): string[] {
  const shown = alerts.slice(0, LINES_MAX).map(line);
  if (alerts.length > shown.length) {
    shown.push(t('notice.more', { count: numberFormat(t.locale).count(alerts.length - shown.length) }));
  }
  return shown;
}

/** The 24 h reminder, posted (in the channel's language) in the thread of the message that announced the alerts. */
export function renderReminder(alerts: readonly Alert[], t: Translate): SlackMessage {
  const one = alerts.length === 1 ? alerts[0] : undefined;
  const text =
    one !== undefined
      ? t('notice.reminder.one', { name: one.customer.organization ?? one.customer.key })
      : t('notice.reminder.many', { count: numberFormat(t.locale).count(alerts.length) });
  const blocks: KnownBlock[] = [
    mrkdwnSection(`:alarm_clock: *${escapeMrkdwn(text)}*\n${t('notice.reminder.ask')}`),
    ...chunkLines(
      lines(t, alerts, (a) =>
        t('notice.reminder.line', {
          name: customerName(t, a.customer),
          date: slackDate(escalationDueAt(a)),
          id: String(a.id),
        }),
      ),
      2900,
    ).map(mrkdwnSection),
  ];
  return { text, blocks };
}

/** The 48 h escalation to the managers' channel, in the channel's language. */
export function renderEscalation(alerts: readonly Alert[], managers: readonly string[], t: Translate): SlackMessage {
  const text = t('notice.escalation.text', { count: numberFormat(t.locale).count(alerts.length), n: alerts.length });
  const mention = managers.length > 0 ? `${managers.map((m) => `<@${m}>`).join(' ')} ` : '';
  const blocks: KnownBlock[] = [
    mrkdwnSection(`:rotating_light: ${mention}*${escapeMrkdwn(text)}*`),
    ...chunkLines(
      lines(t, alerts, (a) => {
        const owner =
          a.assignee !== null
            ? t('notice.escalation.assigned', { user: a.assignee })
            : a.acknowledgedBy !== null
              ? t('notice.escalation.acknowledged', { user: a.acknowledgedBy })
              : t('notice.escalation.nobody');
        const line = { name: customerName(t, a.customer), date: slackDate(a.detectedAt), owner, id: String(a.id) };
        return a.channel !== null
          ? t('notice.escalation.lineIn', { ...line, channel: a.channel })
          : t('notice.escalation.line', line);
      }),
      2900,
    ).map(mrkdwnSection),
    contextBlock([t('notice.escalation.hint')]),
  ];
  return { text, blocks };
}

/** DM to the assignee, in the assignee's language. */
export function renderAssignedDm(alert: Alert, by: string, t: Translate): SlackMessage {
  const c = alert.customer;
  const text = t('notice.assigned.text', { name: c.organization ?? c.key });
  const body = {
    by,
    name: customerName(t, c),
    reason: escapeMrkdwn(zoneReason(t, c)),
    due: slackDate(escalationDueAt(alert)),
  };
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      truncate(
        alert.channel !== null
          ? t('notice.assigned.bodyIn', { ...body, channel: alert.channel })
          : t('notice.assigned.body', body),
        3000,
      ),
    ),
    contextBlock([t('notice.assigned.footer', { id: String(alert.id) })]),
  ];
  return { text, blocks };
}

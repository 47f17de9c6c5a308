import type { AlertStore } from '../../alerts/alert-store.js';
import type { OutboxTransport } from '../../alerts/deliver-outbox.js';
import type { DeliveryReceipt, OutboxEntry } from '../../alerts/outbox-types.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { renderAlertCard, renderSummary } from './alert-blocks.js';
import { renderDigest } from './digest-blocks.js';
import { renderAssignedDm, renderEscalation, renderReminder } from './notice-blocks.js';
import { noticeChannel, renderRadarNotice } from './radar-notice.js';
import type { AlertChannels } from './slack-transport.js';

/** Slack mrkdwn as a terminal reads it: dates by their fallback, mentions and channels by id, entities decoded. */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, '#$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function blockLines(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [`== ${block.text.text} ==`];
    case 'section':
      return [
        ...(block.text === undefined ? [] : [block.text.text]),
        ...(block.fields ?? []).map((f) => f.text.replace('\n', ': ')),
      ];
    case 'context':
      return block.elements.map((e) => ('text' in e ? `  (${e.text})` : ''));
    case 'actions':
      return [`  [${block.elements.map((e) => ('text' in e && e.text ? e.text.text : e.type)).join('] [')}]`];
    default:
      return [];
  }
}

/** A message as text: what local mode prints in place of posting it. */
export function messageAsText(message: SlackMessage): string {
  return plainText(message.blocks.flatMap(blockLines).join('\n'));
}

/**
 * Local mode (no Slack tokens): prints each message with where it would go, instead of sending it. Posts "land"
 * with a made-up ts so later updates in the same run can refer to them.
 */
export function createPrintTransport(
  store: AlertStore,
  channels: AlertChannels,
  now: () => number,
  print: (text: string) => void,
  /** RADAR_LANGUAGE: what the channel (and, without Slack to ask, every reader) would read. */
  locale: Locale = 'en',
): OutboxTransport {
  const t = translator(locale);
  let counter = 0;
  const landed = (channel: string): DeliveryReceipt => ({ channel, ts: `local.${++counter}` });
  const show = (where: string, message: SlackMessage): void =>
    print(`--- would ${where} ---\n${messageAsText(message)}\n`);

  return {
    async deliver(entry: OutboxEntry): Promise<DeliveryReceipt | null> {
      const m = entry.message;
      switch (m.type) {
        case 'alert-post':
        case 'alert-refresh': {
          const alert = await store.getAlert(m.alertId);
          if (alert === null) return null;
          if (m.type === 'alert-refresh' && alert.summaryId !== null) {
            const summary = await store.getSummary(alert.summaryId);
            if (summary === null) return null;
            show(
              `update the summary in #${channels.alertChannel}`,
              renderSummary(summary, await store.alertsOfSummary(summary.id), now(), t),
            );
            return null;
          }
          show(
            `${m.type === 'alert-post' ? 'post to' : 'update the alert in'} #${channels.alertChannel}`,
            renderAlertCard(alert, now(), t),
          );
          return m.type === 'alert-post' ? landed(channels.alertChannel) : null;
        }
        case 'summary-post': {
          const summary = await store.getSummary(m.summaryId);
          if (summary === null) return null;
          show(
            `post to #${channels.alertChannel}`,
            renderSummary(summary, await store.alertsOfSummary(summary.id), now(), t),
          );
          return landed(channels.alertChannel);
        }
        case 'reminder':
          show(
            `reply in the alert's thread in #${channels.alertChannel}`,
            renderReminder(await store.getAlerts(m.alertIds), t),
          );
          return landed(channels.alertChannel);
        case 'escalation':
          show(
            `post to #${channels.escalationChannel}`,
            renderEscalation(await store.getAlerts(m.alertIds), channels.managers, t),
          );
          return landed(channels.escalationChannel);
        case 'assigned-dm': {
          const alert = await store.getAlert(m.alertId);
          if (alert !== null) show(`DM @${m.assignee}`, renderAssignedDm(alert, m.by, t));
          return landed(m.assignee);
        }
        case 'digest': {
          const to = m.to.kind === 'manager' ? `DM @${m.to.userId}` : `post to #${m.to.channel}`;
          show(to, renderDigest(m.digest));
          return landed(m.to.kind === 'manager' ? m.to.userId : m.to.channel);
        }
        case 'digest-charts':
          print(
            `--- would upload ${m.digest.charts.length} charts: ${m.digest.charts.map((c) => c.title).join('; ')} ---\n`,
          );
          return null;
        case 'radar-notice': {
          const channel = noticeChannel(channels, m.to);
          show(`post to #${channel}`, renderRadarNotice(m.text));
          return landed(channel);
        }
      }
    },
  };
}

import type { webApi } from '@slack/bolt';
import type { AlertStore } from '../../alerts/alert-store.js';
import {
  DeliveryDeferred,
  DeliveryRefused,
  type OutboxTransport,
  PermanentDeliveryError,
} from '../../alerts/deliver-outbox.js';
import type { DeliveryReceipt, DigestRecipient, OutboxEntry } from '../../alerts/outbox-types.js';
import type { ChartDefinition } from '../../charts/chart-definition.js';
import type { ChartRenderer } from '../../charts/render-pool.js';
import { translator } from '../../i18n/translate.js';
import type { Logger } from '../../logging.js';
import type { AttachmentFile, SlackMessage } from '../block-types.js';
import { truncate } from '../mrkdwn.js';
import { CANNOT_POST_ERRORS, withChannelJoin } from '../post-message.js';
import type { ReaderLocales } from '../reader-locale.js';
import { classifySlackError } from '../slack-errors.js';
import { renderAlertCard, renderSummary } from './alert-blocks.js';
import { findEarlierDelivery, outboxMetadata } from './delivery-read-back.js';
import { digestChartsComment, renderDigest } from './digest-blocks.js';
import { renderAssignedDm, renderEscalation, renderReminder } from './notice-blocks.js';
import { noticeChannel, renderRadarNotice } from './radar-notice.js';

export interface AlertChannels {
  readonly alertChannel: string;
  /** The managers' channel; the alert channel when unset. */
  readonly escalationChannel: string;
  readonly managers: readonly string[];
  /** RADAR_ADMIN_CHANNEL: where self-health notices go; the alert channel when unset. */
  readonly adminChannel?: string;
}

export interface SlackTransportDeps {
  readonly client: webApi.WebClient;
  readonly store: AlertStore;
  readonly channels: AlertChannels;
  readonly renderer: ChartRenderer;
  readonly now: () => number;
  readonly logger: Logger;
  /**
   * Languages: channel posts (cards, summaries, reminders, escalations) in `fallback` (RADAR_LANGUAGE), an assignee's
   * DM in the assignee's. Digests carry the language they were built in.
   */
  readonly readerLocales: ReaderLocales;
}

/** Errors that no retry fixes: the message or destination is wrong, not the moment. */
const PERMANENT_ERRORS = new Set([
  ...CANNOT_POST_ERRORS,
  'invalid_blocks',
  'user_not_found',
  'msg_too_long',
  'invalid_auth',
]);

/** Slack answered with an error but may have acted before it (its docs say so for these). */
const UNCERTAIN_ERRORS = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);

/**
 * Delivers outbox entries to Slack: posts record their ts (the store writes it on the alert or summary), updates
 * render the alert's state at delivery time, and the digest's charts go up as files in the recipient's DM or
 * channel. `message_not_found` on an update is not retried (the card was deleted; the state is still in the store).
 */
export function createSlackTransport(deps: SlackTransportDeps): OutboxTransport {
  const { client, store, channels, now } = deps;
  const channelT = translator(deps.readerLocales.fallback);

  /**
   * Posts with metadata naming the entry; when an earlier attempt's outcome is unknown, first reads the conversation
   * back and returns the earlier post's ts if it landed.
   */
  async function post(
    entry: OutboxEntry,
    channel: string,
    message: SlackMessage,
    threadTs?: string,
  ): Promise<DeliveryReceipt> {
    const earlier = await findEarlierDelivery(client, deps.logger, entry, { channel, threadTs });
    if (earlier !== null) return earlier;
    const result = await withChannelJoin(client, channel, () =>
      client.chat.postMessage({
        channel,
        text: message.text,
        blocks: [...message.blocks],
        unfurl_links: false,
        unfurl_media: false,
        metadata: outboxMetadata(entry),
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      }),
    );
    return { channel: result.channel ?? channel, ts: result.ts ?? '' };
  }

  async function update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await client.chat.update({ channel, ts, text: message.text, blocks: [...message.blocks] });
  }

  async function destination(to: DigestRecipient): Promise<string> {
    if (to.kind === 'channel') return to.channel;
    const opened = await client.conversations.open({ users: to.userId });
    const id = opened.channel?.id;
    if (id === undefined) throw new Error(`conversations.open gave no channel for ${to.userId}`);
    return id;
  }

  /** Charts that fail to render are left out (logged); the digest text already went out. */
  async function renderCharts(charts: readonly ChartDefinition[]): Promise<AttachmentFile[]> {
    const files: AttachmentFile[] = [];
    for (const chart of charts) {
      try {
        const content = await deps.renderer.render(chart.spec);
        files.push({
          filename: `${chart.id}.png`,
          title: chart.title,
          content,
          altText: truncate(chart.altText, 1000),
        });
      } catch (error) {
        deps.logger.warn({ err: error, chart: chart.id }, 'digest chart render failed');
      }
    }
    return files;
  }

  async function send(entry: OutboxEntry): Promise<DeliveryReceipt | null> {
    const m = entry.message;
    switch (m.type) {
      case 'alert-post': {
        const alert = await store.getAlert(m.alertId);
        if (alert === null) return null;
        return post(entry, channels.alertChannel, renderAlertCard(alert, now(), channelT));
      }
      case 'alert-refresh': {
        const alert = await store.getAlert(m.alertId);
        if (alert === null) return null;
        if (alert.summaryId !== null) {
          const summary = await store.getSummary(alert.summaryId);
          if (summary?.channel == null || summary.messageTs === null)
            throw new DeliveryDeferred('summary not posted yet');
          const alerts = await store.alertsOfSummary(summary.id);
          await update(summary.channel, summary.messageTs, renderSummary(summary, alerts, now(), channelT));
          return null;
        }
        if (alert.channel === null || alert.messageTs === null) throw new DeliveryDeferred('alert not posted yet');
        await update(alert.channel, alert.messageTs, renderAlertCard(alert, now(), channelT));
        return null;
      }
      case 'summary-post': {
        const summary = await store.getSummary(m.summaryId);
        if (summary === null) return null;
        const alerts = await store.alertsOfSummary(summary.id);
        return post(entry, channels.alertChannel, renderSummary(summary, alerts, now(), channelT));
      }
      case 'reminder': {
        const alerts = await store.getAlerts(m.alertIds);
        const first = alerts[0];
        if (first === undefined) return null;
        if (first.channel === null || first.messageTs === null) throw new DeliveryDeferred('alert not posted yet');
        return post(entry, first.channel, renderReminder(alerts, channelT), first.messageTs);
      }
      case 'escalation':
        return post(
          entry,
          channels.escalationChannel,
          renderEscalation(await store.getAlerts(m.alertIds), channels.managers, channelT),
        );
      case 'assigned-dm': {
        const alert = await store.getAlert(m.alertId);
        if (alert === null) return null;
        const assigneeT = translator(await deps.readerLocales.localeOf(m.assignee));
        return post(entry, m.assignee, renderAssignedDm(alert, m.by, assigneeT));
      }
      case 'digest':
        return post(entry, m.to.kind === 'manager' ? m.to.userId : m.to.channel, renderDigest(m.digest));
      case 'digest-charts': {
        const files = await renderCharts(m.digest.charts);
        if (files.length === 0) return null;
        const channel = await destination(m.to);
        const comment = digestChartsComment(m.digest);
        // Uploads carry no metadata: an earlier upload is recognised by its comment naming the week, with files.
        const uploaded = (message: { text?: string; files?: readonly unknown[] }) =>
          message.text === comment && (message.files?.length ?? 0) > 0;
        if ((await findEarlierDelivery(client, deps.logger, entry, { channel }, uploaded)) !== null) return null;
        await withChannelJoin(client, channel, () =>
          client.filesUploadV2({
            channel_id: channel,
            initial_comment: comment,
            file_uploads: files.map((f) => ({
              file: f.content,
              filename: f.filename,
              title: f.title,
              ...(f.altText === undefined ? {} : { alt_text: f.altText }),
            })),
          }),
        );
        return null;
      }
      case 'radar-notice':
        return post(entry, noticeChannel(channels, m.to), renderRadarNotice(m.text));
    }
  }

  return {
    async deliver(entry) {
      try {
        return await send(entry);
      } catch (error) {
        const failure = classifySlackError(error);
        if (failure.kind === 'rate_limited') throw new DeliveryRefused(`${entry.message.type}: rate limited`);
        if (failure.kind !== 'platform') throw error; // timeouts, resets, 5xx: the outcome is unknown
        if (failure.error === 'message_not_found') return null;
        if (PERMANENT_ERRORS.has(failure.error)) {
          throw new PermanentDeliveryError(`${entry.message.type}: ${failure.error}`);
        }
        if (UNCERTAIN_ERRORS.has(failure.error)) throw error;
        throw new DeliveryRefused(`${entry.message.type}: ${failure.error}`);
      }
    },
  };
}

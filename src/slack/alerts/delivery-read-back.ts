import type { webApi } from '@slack/bolt';
import type { DeliveryReceipt, OutboxEntry } from '../../alerts/outbox-types.js';
import type { Logger } from '../../logging.js';
import { platformError } from '../slack-errors.js';

/** Message metadata type on every outbox post; its payload names the entry (invisible to users). */
export const OUTBOX_EVENT_TYPE = 'radar_outbox_entry';

/** How far before the unknown attempt's start to look (clock skew between Radar and Slack). */
const SKEW_MS = 5 * 60_000;

/** History pages of 15: what Slack allows distributed non-Marketplace apps (Tier 1, slack-contract §10). */
const PAGE = 15;

/** At most this many pages per read-back: the post is at most minutes old, so it is near the newest end. */
const MAX_PAGES = 20;

export function outboxMetadata(entry: OutboxEntry): webApi.ChatPostMessageArguments['metadata'] {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { entry: entry.dedupeKey } };
}

interface HistoryMessage {
  readonly ts?: string;
  readonly text?: string;
  readonly files?: readonly unknown[];
  readonly metadata?: { readonly event_type?: string; readonly event_payload?: Record<string, unknown> };
}

/** A user id (DM) becomes the DM's channel id: history is read on the conversation, not the user. */
async function conversationOf(client: webApi.WebClient, channel: string): Promise<string> {
  if (!/^[UW]/.test(channel)) return channel;
  const opened = await client.conversations.open({ users: channel });
  return opened.channel?.id ?? channel;
}

/**
 * Looks in the conversation (or the thread) for a message this entry already produced, since the attempt whose
 * outcome is unknown began: a post carries the entry in its metadata, an upload is found by `match` (its initial
 * comment names the digest week). Found: where it landed, so the caller records it instead of sending again.
 * Not found, or history unreadable: null (then the caller sends; a rare duplicate beats a lost alert).
 */
export async function findEarlierDelivery(
  client: webApi.WebClient,
  logger: Logger,
  entry: OutboxEntry,
  target: { readonly channel: string; readonly threadTs?: string | undefined },
  match: (message: HistoryMessage) => boolean = (m) =>
    m.metadata?.event_type === OUTBOX_EVENT_TYPE && m.metadata.event_payload?.entry === entry.dedupeKey,
): Promise<DeliveryReceipt | null> {
  if (entry.uncertainSince == null) return null;
  const oldest = ((entry.uncertainSince - SKEW_MS) / 1000).toFixed(6);
  try {
    const channel = await conversationOf(client, target.channel);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const common = { channel, oldest, limit: PAGE, include_all_metadata: true, ...(cursor ? { cursor } : {}) };
      const result =
        target.threadTs === undefined
          ? await client.conversations.history(common)
          : await client.conversations.replies({ ...common, ts: target.threadTs });
      const found = (result.messages as HistoryMessage[] | undefined)?.find(match);
      if (found?.ts !== undefined) {
        logger.info({ outbox: entry.dedupeKey, channel, ts: found.ts }, 'found an earlier delivery; not sending again');
        return { channel, ts: found.ts };
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || cursor === undefined) return null;
    }
    return null;
  } catch (error) {
    // not_in_channel: Radar cannot have posted there. Anything else: we cannot tell, so send (at least once).
    const code = platformError(error);
    if (code !== 'not_in_channel') {
      logger.warn({ err: error, outbox: entry.dedupeKey }, 'could not read the conversation back; sending again');
    }
    return null;
  }
}

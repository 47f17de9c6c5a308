import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './block-types.js';
import { platformError } from './slack-errors.js';

/**
 * Runs a call that needs the bot in the channel; on `not_in_channel` (a public channel Radar has not joined) joins
 * it and tries once more. Private channels and DMs answer `channel_not_found` and cannot be joined: that error is
 * passed on for the caller to explain.
 */
export async function withChannelJoin<T>(
  client: webApi.WebClient,
  channelId: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (platformError(error) !== 'not_in_channel') throw error;
    try {
      await client.conversations.join({ channel: channelId });
    } catch {
      throw error;
    }
    return call();
  }
}

export async function postMessage(
  client: webApi.WebClient,
  channelId: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<string> {
  const result = await client.chat.postMessage({
    channel: channelId,
    text: message.text,
    blocks: [...message.blocks],
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  });
  return result.ts ?? '';
}

/** Errors that mean "Radar cannot post in this conversation" (after a join attempt where one is possible). */
export const CANNOT_POST_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'method_not_supported_for_channel_type',
]);

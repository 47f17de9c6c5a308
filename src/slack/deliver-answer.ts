import type { RespondFn, webApi } from '@slack/bolt';
import type { ChartRenderer } from '../charts/render-pool.js';
import type { CommandAnswer } from '../commands/command-answer.js';
import type { Translate } from '../i18n/translate.js';
import type { Logger } from '../logging.js';
import { layoutAnswer } from './answer-blocks.js';
import { prepareAttachments, uploadAttachments } from './attachments.js';
import type { KnownBlock, SlackMessage } from './block-types.js';
import {
  ANSWER_CONTINUES_IN_THREAD,
  CHANNEL_FILES_COMMENT,
  CHARTS_NOT_ATTACHED,
  DELIVERY_FAILED,
  DELIVERY_FAILED_REST,
  DELIVERY_UNCONFIRMED,
  DM_CHARTS_COMMENT,
  FILES_NOT_ATTACHED,
  PRIVATE_CHANNEL_NOTE,
} from './messages.js';
import { contextBlock, mrkdwnSection } from './mrkdwn.js';
import { CANNOT_POST_ERRORS, postMessage, withChannelJoin } from './post-message.js';
import { shareButtonBlock } from './share-button.js';
import { classifySlackError, describeSlackFailure, failureCode } from './slack-errors.js';

/** A summary plus thread follow-ups; more goes into an attached text file. */
const CHANNEL_MAX_MESSAGES = 4;
/**
 * A response_url takes 5 posts (slack-contract §1): up to 3 answer messages, plus the private-channel note and an
 * attachment-failure note.
 */
const EPHEMERAL_MAX_MESSAGES = 3;

export interface DeliveryTarget {
  readonly client: webApi.WebClient;
  /** The response_url of the command or button press: ephemeral notes and private answers go through it. */
  readonly respond: RespondFn;
  readonly userId: string;
  readonly channelId: string;
  /** The command as typed, for notes ("/priority top 20"). */
  readonly invocation: string;
  readonly renderer: ChartRenderer;
  readonly logger: Logger;
  /** The asker's language: every note, button and footer Radar adds to the answer. */
  readonly t: Translate;
  /** The command said `list`: every account of the group goes with the answer as a CSV. */
  readonly list?: boolean;
}

export type DeliveryResult =
  | { readonly status: 'delivered'; readonly where: 'channel' | 'private'; readonly notes: readonly string[] }
  /** The channel refuses Radar's posts (private channel or DM without Radar, archived…). */
  | { readonly status: 'cannot_post'; readonly code: string }
  | { readonly status: 'failed'; readonly code: string };

export interface ChannelDeliveryOptions {
  /** "Asked by …" / "Shared by …", shown under the answer. */
  readonly attribution: string;
  /** When the channel refuses posts: answer privately with a note (slash commands), or report it (Share button). */
  readonly fallbackToPrivate: boolean;
}

async function tell(target: DeliveryTarget, text: string): Promise<void> {
  try {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    target.logger.warn({ err: error, user: target.userId }, 'could not send an ephemeral note');
  }
}

function withExtraBlocks(message: SlackMessage, extra: readonly KnownBlock[]): SlackMessage {
  return { text: message.text, blocks: [...message.blocks, ...extra] };
}

/** Summary (and thread follow-ups) in the channel, then the charts and files as one shared upload. */
export async function deliverToChannel(
  answer: CommandAnswer,
  target: DeliveryTarget,
  options: ChannelDeliveryOptions,
): Promise<DeliveryResult> {
  const { client, channelId, logger } = target;
  const { t } = target;
  const layout = layoutAnswer(answer, { maxMessages: CHANNEL_MAX_MESSAGES, list: target.list === true, t });
  const [firstPage, ...rest] = layout.messages;
  if (firstPage === undefined) return { status: 'failed', code: 'empty_answer' };
  const footer = [options.attribution, ...(rest.length > 0 ? [ANSWER_CONTINUES_IN_THREAD(t)] : [])];
  const first = withExtraBlocks(firstPage, [contextBlock(footer)]);
  let ts: string;
  try {
    ts = await withChannelJoin(client, channelId, () => postMessage(client, channelId, first));
  } catch (error) {
    const failure = classifySlackError(error);
    logger.warn({ err: error, channel: channelId, code: failureCode(failure) }, 'posting the answer failed');
    if (failure.kind === 'platform' && CANNOT_POST_ERRORS.has(failure.error)) {
      if (options.fallbackToPrivate) return deliverPrivately(answer, target, { channelNote: true });
      return { status: 'cannot_post', code: failure.error };
    }
    await tell(
      target,
      failure.kind === 'unconfirmed'
        ? DELIVERY_UNCONFIRMED(t, target.invocation)
        : DELIVERY_FAILED(t, target.invocation, describeSlackFailure(failure, t)),
    );
    return { status: 'failed', code: failureCode(failure) };
  }
  for (const page of rest) {
    try {
      await postMessage(client, channelId, page, ts);
    } catch (error) {
      const failure = classifySlackError(error);
      logger.warn({ err: error, channel: channelId }, 'posting a follow-up failed');
      await tell(target, DELIVERY_FAILED_REST(t, target.invocation, describeSlackFailure(failure, t)));
      return { status: 'failed', code: failureCode(failure) };
    }
  }
  const notes = await attach(answer, layout.files, target, channelId, CHANNEL_FILES_COMMENT(t, target.invocation));
  if (notes.length > 0) {
    const updated = withExtraBlocks(first, [mrkdwnSection(notes.join('\n'))]);
    try {
      await client.chat.update({ channel: channelId, ts, text: updated.text, blocks: [...updated.blocks] });
    } catch (error) {
      logger.warn({ err: error, channel: channelId }, 'adding the attachment note failed');
      await tell(target, notes.join('\n'));
    }
  }
  return { status: 'delivered', where: 'channel', notes };
}

export interface PrivateDeliveryOptions {
  /** Say first that Radar cannot post in this conversation and what to do about it. */
  readonly channelNote: boolean;
  /** The Share button's value; no button when absent. */
  readonly shareValue?: string;
}

/** Ephemeral summary through the response_url; charts and files in the asker's DM with Radar. */
export async function deliverPrivately(
  answer: CommandAnswer,
  target: DeliveryTarget,
  options: PrivateDeliveryOptions,
): Promise<DeliveryResult> {
  const { logger, t } = target;
  const layout = layoutAnswer(answer, { maxMessages: EPHEMERAL_MAX_MESSAGES, list: target.list === true, t });
  if (options.channelNote) await tell(target, PRIVATE_CHANNEL_NOTE(t));
  const hasFiles = answer.charts.length > 0 || layout.files.length > 0;
  const pages = layout.messages.map((page, index) => {
    if (index !== layout.messages.length - 1) return page;
    const extra: KnownBlock[] = [];
    extra.push(contextBlock([t(hasFiles ? 'slack.onlyYouWithFiles' : 'slack.onlyYou')]));
    if (options.shareValue !== undefined && !options.channelNote) extra.push(shareButtonBlock(options.shareValue, t));
    return withExtraBlocks(page, extra);
  });
  for (const page of pages) {
    try {
      await target.respond({ response_type: 'ephemeral', text: page.text, blocks: [...page.blocks] });
    } catch (error) {
      const failure = classifySlackError(error);
      logger.warn({ err: error, user: target.userId, code: failureCode(failure) }, 'ephemeral answer failed');
      return { status: 'failed', code: failureCode(failure) };
    }
  }
  if (!hasFiles) return { status: 'delivered', where: 'private', notes: [] };
  let dmId: string | undefined;
  try {
    dmId = (await target.client.conversations.open({ users: target.userId })).channel?.id;
  } catch (error) {
    logger.warn({ err: error, user: target.userId }, 'opening the DM failed');
  }
  const notes =
    dmId === undefined
      ? [FILES_NOT_ATTACHED(t, t('slack.noDm'))]
      : await attach(answer, layout.files, target, dmId, DM_CHARTS_COMMENT(t, target.invocation));
  if (notes.length > 0) await tell(target, notes.join('\n'));
  return { status: 'delivered', where: 'private', notes };
}

/** Renders and uploads; returns the notes to show (empty when everything was attached). */
async function attach(
  answer: CommandAnswer,
  extraFiles: Parameters<typeof prepareAttachments>[1],
  target: DeliveryTarget,
  channelId: string,
  comment: string,
): Promise<string[]> {
  const { t } = target;
  const prepared = await prepareAttachments(answer, extraFiles, target.renderer, target.logger);
  const notes: string[] = [];
  if (prepared.failedCharts.length > 0) {
    notes.push(CHARTS_NOT_ATTACHED(t, t('slack.chartsNotDrawn', { charts: prepared.failedCharts.join(', ') })));
  }
  const failure = await uploadAttachments(target.client, channelId, prepared.files, comment, target.logger, t);
  if (failure !== undefined) {
    notes.push(answer.charts.length > 0 ? CHARTS_NOT_ATTACHED(t, failure) : FILES_NOT_ATTACHED(t, failure));
  }
  return notes;
}

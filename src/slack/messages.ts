/**
 * Every sentence the Slack app says on its own (answers come from src/commands), in the reader's language through
 * the catalogue (`slack.*` keys). Each takes the reader's translator first. Exported for tests.
 */

import { numberFormat } from '../format/number-format.js';
import { shortEcho } from '../format/short-echo.js';
import type { Translate } from '../i18n/translate.js';

export const WORKING_TEXT = (t: Translate, invocation: string): string =>
  t('slack.working', { invocation: shortEcho(invocation) });

export const SHARE_BUTTON_TEXT = (t: Translate): string => t('slack.share.button');
export const SHARE_ACTION_ID = 'radar_share_answer';

export const PRIVATE_CHANNEL_NOTE = (t: Translate): string => t('slack.privateChannelNote');

export const CHARTS_NOT_ATTACHED = (t: Translate, reason: string): string => t('slack.chartsNotAttached', { reason });

export const FILES_NOT_ATTACHED = (t: Translate, reason: string): string => t('slack.filesNotAttached', { reason });

export const DELIVERY_FAILED = (t: Translate, invocation: string, reason: string): string =>
  t('slack.deliveryFailed', { invocation: shortEcho(invocation), reason });

/** A follow-up message of an answer (the thread part) could not be posted. */
export const DELIVERY_FAILED_REST = (t: Translate, invocation: string, reason: string): string =>
  t('slack.deliveryFailedRest', { invocation: shortEcho(invocation), reason });

export const DELIVERY_UNCONFIRMED = (t: Translate, invocation: string): string =>
  t('slack.deliveryUnconfirmed', { invocation: shortEcho(invocation) });

export const INTERNAL_ERROR = (t: Translate, invocation: string): string =>
  t('slack.internalError', { invocation: shortEcho(invocation) });

export const DM_CHARTS_COMMENT = (t: Translate, invocation: string): string =>
  t('slack.dmFilesComment', { invocation: shortEcho(invocation) });

export const CHANNEL_FILES_COMMENT = (t: Translate, invocation: string): string =>
  t('slack.channelFilesComment', { invocation: shortEcho(invocation) });

export const SHARED_CONFIRMATION = (t: Translate, channelId: string): string =>
  t('slack.share.done', { channel: channelId });

export const SHARE_NOT_POSSIBLE = (t: Translate): string => t('slack.share.notPossible');

export const SHARE_EXPIRED = (t: Translate): string => t('slack.share.expired');

export const ASKED_BY = (t: Translate, userId: string, invocation: string): string =>
  t('slack.askedBy', { user: userId, invocation: shortEcho(invocation) });

export const SHARED_BY = (t: Translate, userId: string, invocation: string): string =>
  t('slack.sharedBy', { user: userId, invocation: shortEcho(invocation) });

export const ANSWER_CONTINUES_IN_THREAD = (t: Translate): string => t('slack.continuesInThread');

export const ANSWER_CONTINUES_IN_FILE = (t: Translate): string => t('slack.continuesInFile');

export const TABLE_IN_CSV = (t: Translate, shown: number, total: number, filename: string): string => {
  const fmt = numberFormat(t.locale);
  return t('slack.tableInCsv', { shown: fmt.count(shown), total: fmt.count(total), filename });
};

export const UNKNOWN_COMMAND = (t: Translate, command: string, known: readonly string[]): string =>
  t('slack.unknownCommand', { command: shortEcho(command), known: known.join(', ') });

/** The buttons under every answer, and the "Open card" button beside each named account. */
export const ANSWER_ACTIONS = {
  details: 'radar_answer_details',
  list: 'radar_answer_list',
  /** Suffixed with the account's index: action ids must be unique within a message. */
  openCard: 'radar_open_card',
} as const;

export const METHOD_AND_DATA_TEXT = (t: Translate): string => t('slack.button.methodAndData');
export const LIST_ALL_TEXT = (t: Translate, n: number): string =>
  t('slack.button.listAll', { count: numberFormat(t.locale).count(n) });
export const OPEN_CARD_TEXT = (t: Translate): string => t('slack.button.openCard');

export const LIST_THREAD_TEXT = (t: Translate, n: number, invocation: string): string =>
  t('slack.list.thread', { count: numberFormat(t.locale).count(n), invocation });

export const NO_LIST = (t: Translate, invocation: string): string => t('slack.list.none', { invocation });

export const BUTTON_EXPIRED = (t: Translate): string => t('slack.button.expired');

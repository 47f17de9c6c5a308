/** Every sentence the Slack app says on its own (answers come from src/commands). Exported for tests. */

import { numberFormat } from '../format/number-format.js';
import { shortEcho } from '../format/short-echo.js';

export const WORKING_TEXT = (invocation: string): string =>
  `:hourglass_flowing_sand: Working on \`${shortEcho(invocation)}\`…`;

export const SHARE_BUTTON_TEXT = 'Share in channel';
export const SHARE_ACTION_ID = 'radar_share_answer';

export const PRIVATE_CHANNEL_NOTE =
  "I can't post in this conversation, so this answer is only visible to you. To get answers here, invite me with " +
  '`/invite @Radar` (in a DM, use a channel instead), or add `private` to the command to get answers privately ' +
  'without this note.';

export const CHARTS_NOT_ATTACHED = (reason: string): string =>
  `:warning: The charts could not be attached (${reason}). The numbers above are complete; run the command again to retry the charts.`;

export const FILES_NOT_ATTACHED = (reason: string): string =>
  `:warning: The attached files (charts and full tables) could not be uploaded (${reason}). The summary above is complete; run the command again to retry.`;

export const DELIVERY_FAILED = (invocation: string, reason: string): string =>
  `:warning: Radar computed \`${shortEcho(invocation)}\` but could not deliver the answer (${reason}). Please run it again in a minute.`;

export const DELIVERY_UNCONFIRMED = (invocation: string): string =>
  `:warning: Slack did not confirm that the answer to \`${shortEcho(invocation)}\` was posted (the request timed out). ` +
  'If you do not see it in the channel shortly, run the command again.';

export const INTERNAL_ERROR = (invocation: string): string =>
  `:x: Radar hit an internal error while answering \`${shortEcho(invocation)}\`. This is a bug, not something you did; it has been logged.`;

export const DM_CHARTS_COMMENT = (invocation: string): string =>
  `Attachments for \`${shortEcho(invocation)}\` (only you can see this conversation with Radar).`;

export const CHANNEL_FILES_COMMENT = (invocation: string): string => `Attachments for \`${shortEcho(invocation)}\``;

export const SHARED_CONFIRMATION = (channelId: string): string => `:white_check_mark: Shared in <#${channelId}>.`;

export const SHARE_NOT_POSSIBLE =
  "I can't post in that conversation, so the answer could not be shared. Invite me with `/invite @Radar` and press " +
  'the button again.';

export const SHARE_EXPIRED =
  'This button is from an older version of Radar; run the command again to share its answer.';

export const ASKED_BY = (userId: string, invocation: string): string =>
  `Asked by <@${userId}> · \`${shortEcho(invocation)}\``;

export const SHARED_BY = (userId: string, invocation: string): string =>
  `Shared by <@${userId}> · \`${shortEcho(invocation)}\``;

export const ANSWER_CONTINUES_IN_THREAD = 'The answer continues in the thread.';

export const ANSWER_CONTINUES_IN_FILE = 'The rest of the answer is in the attached text file.';

export const TABLE_IN_CSV = (shown: number, total: number, filename: string): string =>
  `Showing the first ${shown} of ${total} rows; the full table is attached as \`${filename}\`.`;

export const UNKNOWN_COMMAND = (command: string, known: readonly string[]): string =>
  `\`${shortEcho(command)}\` is not available in this version of Radar. Available: ${known.join(', ')}.`;

/** The buttons under every answer, and the "Open card" button beside each named account. */
export const ANSWER_ACTIONS = {
  details: 'radar_answer_details',
  list: 'radar_answer_list',
  /** Suffixed with the account's index: action ids must be unique within a message. */
  openCard: 'radar_open_card',
} as const;

export const METHOD_AND_DATA_TEXT = 'Method and data';
export const LIST_ALL_TEXT = (n: number): string => `List all ${numberFormat().count(n)}`;
export const OPEN_CARD_TEXT = 'Open card';

export const LIST_THREAD_TEXT = (n: number, invocation: string): string =>
  `All ${numberFormat().count(n)} accounts of \`${invocation}\`, in the answer's order, with raw numbers: see the attached CSV.`;

export const NO_LIST = (invocation: string): string => `\`${invocation}\` names no group of accounts to list.`;

export const BUTTON_EXPIRED = 'This button is from an older version of Radar; run the command again.';

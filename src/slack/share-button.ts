import { z } from 'zod';
import type { Translate } from '../i18n/translate.js';
import type { ActionsBlock } from './block-types.js';
import { SHARE_ACTION_ID, SHARE_BUTTON_TEXT } from './messages.js';

/** Slack's cap on a button's `value`. */
const BUTTON_VALUE_MAX = 2000;

/**
 * What the Share button carries: the command text to run again (without `private`) and the channel it was typed in.
 * Who pressed it is not in here; it comes from the signed payload.
 */
export const ShareRequest = z.object({ v: z.literal(1), text: z.string().min(1), channel: z.string().min(1) });
export type ShareRequest = z.infer<typeof ShareRequest>;

/** Removes the `private` word so the shared answer is posted in the channel. */
export function withoutPrivate(invocation: string): string {
  return invocation
    .split(/\s+/)
    .filter((word) => word.toLowerCase() !== 'private')
    .join(' ')
    .trim();
}

/** The button value, or undefined when the command text is too long to fit (then no button is offered). */
export function encodeShareValue(invocation: string, channelId: string): string | undefined {
  const value = JSON.stringify({ v: 1, text: withoutPrivate(invocation), channel: channelId } satisfies ShareRequest);
  return value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

export function decodeShareValue(value: string | undefined): ShareRequest | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = ShareRequest.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function shareButtonBlock(value: string, t: Translate): ActionsBlock {
  return {
    type: 'actions',
    block_id: 'radar_share',
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION_ID,
        text: { type: 'plain_text', text: SHARE_BUTTON_TEXT(t) },
        style: 'primary',
        value,
      },
    ],
  };
}

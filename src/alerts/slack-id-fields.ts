import { z } from 'zod';

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** An environment variable's text, trimmed; blank counts as unset. */
export const blankToUndefined = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An optional Slack channel id; `what` says what the channel is for, in the message a wrong value gets. */
export function channelId(what: string) {
  return blankToUndefined.pipe(
    z
      .string()
      .regex(
        CHANNEL_ID,
        `must be a Slack channel id such as C0123ABCD (${what}; in Slack open the channel details, the id is at the bottom)`,
      )
      .optional(),
  );
}

/** Comma-separated Slack user ids (unset = none), each checked. */
export const userIdList = blankToUndefined
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          USER_ID,
          'must list Slack user ids separated by commas, such as U0123ABCD,U0456EFGH (profile → ⋮ → Copy member ID)',
        ),
    ),
  );

import { FAKE_TEAM } from '../workspace.js';
import { fail, type MethodHandler, stringArg } from './context.js';

/** Seconds east of UTC of an IANA zone at an instant (what users.info calls `tz_offset`). */
export function zoneOffsetSeconds(timeZone: string, atMs: number): number {
  const label =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(atMs))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

export const usersInfo: MethodHandler = (ctx) => {
  const userId = stringArg(ctx.args, 'user');
  const user = userId === undefined ? undefined : ctx.workspace.users.get(userId);
  if (user === undefined) return fail('user_not_found');
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: FAKE_TEAM.teamId,
      name: user.name,
      real_name: user.realName,
      deleted: false,
      is_bot: user.isBot,
      tz: user.tz,
      tz_label: user.tz,
      tz_offset: zoneOffsetSeconds(user.tz, ctx.clock.now()),
      profile: { real_name: user.realName, display_name: user.name },
      // Slack returns the user's language only when asked (include_locale=true).
      ...(ctx.args.include_locale === true || ctx.args.include_locale === 'true' ? { locale: user.locale } : {}),
    },
  };
};

import { FAKE_TEAM } from '../workspace.js';
import type { MethodHandler } from './context.js';

/** Bolt calls this at startup to learn its bot user and bot id. */
export const authTest: MethodHandler = (ctx) => ({
  ok: true,
  url: `${ctx.baseUrl}/`,
  team: FAKE_TEAM.teamName,
  user: 'radar',
  team_id: FAKE_TEAM.teamId,
  user_id: FAKE_TEAM.botUserId,
  bot_id: FAKE_TEAM.botId,
  is_enterprise_install: false,
});

import type { FakeChannel } from '../workspace.js';
import { fail, type MethodHandler, stringArg } from './context.js';

function channelJson(channel: FakeChannel): Record<string, unknown> {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isMpim,
    is_group: false,
    is_im: channel.isIm,
    is_mpim: channel.isMpim,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_member: channel.isMember,
    ...(channel.imUser === undefined ? {} : { user: channel.imUser }),
  };
}

/** A channel the bot can see: public ones always, private ones and DMs only as a member. */
function visibleChannel(channelId: string | undefined, channels: ReadonlyMap<string, FakeChannel>) {
  const channel = channelId === undefined ? undefined : channels.get(channelId);
  if (channel === undefined) return undefined;
  return channel.isPrivate && !channel.isMember ? undefined : channel;
}

export const conversationsInfo: MethodHandler = (ctx) => {
  const channel = visibleChannel(stringArg(ctx.args, 'channel'), ctx.workspace.channels);
  return channel === undefined ? fail('channel_not_found') : { ok: true, channel: channelJson(channel) };
};

/** Joins a public channel (scope channels:join). Private channels need an invite; DMs cannot be joined. */
export const conversationsJoin: MethodHandler = (ctx) => {
  const channel = visibleChannel(stringArg(ctx.args, 'channel'), ctx.workspace.channels);
  if (channel === undefined) return fail('channel_not_found');
  if (channel.isIm || channel.isMpim || channel.isPrivate) return fail('method_not_supported_for_channel_type');
  if (channel.isArchived) return fail('is_archived');
  const warning = channel.isMember ? { warning: 'already_in_channel' } : {};
  channel.isMember = true;
  return { ok: true, channel: channelJson(channel), ...warning };
};

/** Opens (or returns) the bot's DM with one user (scope im:write). */
export const conversationsOpen: MethodHandler = (ctx) => {
  const channelId = stringArg(ctx.args, 'channel');
  if (channelId !== undefined) {
    const channel = visibleChannel(channelId, ctx.workspace.channels);
    return channel?.isIm === true ? { ok: true, channel: { id: channel.id } } : fail('channel_not_found');
  }
  const users = (stringArg(ctx.args, 'users') ?? '').split(',').filter((id) => id.length > 0);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 1) return fail('method_not_supported_for_channel_type', ['[ERROR] fake-slack opens 1:1 DMs only']);
  const [userId] = users;
  if (userId === undefined || !ctx.workspace.users.has(userId)) return fail('user_not_found');
  return { ok: true, channel: { id: ctx.workspace.openDm(userId).id } };
};

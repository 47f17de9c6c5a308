import type { FakeMessage, Workspace } from '../workspace.js';
import { fail, type MethodContext, type MethodHandler, stringArg } from './context.js';
import { messageJson } from './message-json.js';

/**
 * Reading a conversation back (scopes channels:history, groups:history, im:history): the bot must be able to see the
 * channel and be in it. Slack's paging: `oldest` / `latest` bounds (exclusive unless `inclusive`), `limit` (default
 * 100), an opaque `cursor` and `has_more`; metadata only with `include_all_metadata`.
 */
function readable(ctx: MethodContext): { channel: string } | { error: string } {
  const id = stringArg(ctx.args, 'channel');
  const channel = id === undefined ? undefined : ctx.workspace.channels.get(id);
  if (channel === undefined || (channel.isPrivate && !channel.isMember)) return { error: 'channel_not_found' };
  if (!channel.isMember) return { error: 'not_in_channel' };
  return { channel: channel.id };
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function page(ctx: MethodContext, workspace: Workspace, messages: readonly FakeMessage[]) {
  const oldest = Number(stringArg(ctx.args, 'oldest') ?? '0');
  const latest = Number(stringArg(ctx.args, 'latest') ?? 'Infinity');
  const inclusive = flag(ctx.args.inclusive);
  const inRange = messages.filter((m) => {
    const ts = Number(m.ts);
    return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
  });
  const limit = Math.min(999, Math.max(1, Number(stringArg(ctx.args, 'limit') ?? '100')));
  const cursor = stringArg(ctx.args, 'cursor');
  const offset =
    cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', ''));
  if (!Number.isInteger(offset) || offset < 0) return fail('invalid_cursor');
  const slice = inRange.slice(offset, offset + limit);
  const hasMore = offset + limit < inRange.length;
  const withMetadata = flag(ctx.args.include_all_metadata);
  return {
    ok: true,
    messages: slice.map((m) => messageJson(workspace, m, withMetadata)),
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '' },
  };
}

/** Top-level messages of a channel, newest first (thread replies are not in history, as in Slack). */
export const conversationsHistory: MethodHandler = (ctx) => {
  const target = readable(ctx);
  if ('error' in target) return fail(target.error);
  const topLevel = ctx.workspace
    .messagesIn(target.channel)
    .filter((m) => m.threadTs === undefined || m.threadTs === m.ts)
    .reverse();
  return page(ctx, ctx.workspace, topLevel);
};

/** A thread: its parent, then the replies, oldest first. */
export const conversationsReplies: MethodHandler = (ctx) => {
  const target = readable(ctx);
  if ('error' in target) return fail(target.error);
  const ts = stringArg(ctx.args, 'ts');
  const parent = ts === undefined ? undefined : ctx.workspace.findMessage(target.channel, ts);
  if (parent === undefined) return fail('thread_not_found');
  const replies = ctx.workspace.messagesIn(target.channel).filter((m) => m.threadTs === ts && m.ts !== ts);
  return page(ctx, ctx.workspace, [parent, ...replies]);
};

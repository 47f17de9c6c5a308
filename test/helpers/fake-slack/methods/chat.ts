import type { FakeMessage } from '../workspace.js';
import { fail, type MethodHandler, stringArg } from './context.js';
import { checkMessageContent } from './message-content.js';
import { messageJson, metadataArg } from './message-json.js';

export const chatPostMessage: MethodHandler = (ctx) => {
  const channelArg = stringArg(ctx.args, 'channel');
  if (channelArg === undefined) return fail('channel_not_found');
  const channel = ctx.workspace.resolveChannel(channelArg);
  const postingError = ctx.workspace.postingError(channel);
  if (postingError !== undefined || channel === undefined) return fail(postingError ?? 'channel_not_found');
  const contentError = checkMessageContent(ctx, { requireContent: true });
  if (contentError !== undefined) return contentError;
  const threadTs = stringArg(ctx.args, 'thread_ts');
  const text = stringArg(ctx.args, 'text');
  const metadata = metadataArg(ctx.args);
  if (metadata === 'invalid') return fail('invalid_metadata_format');
  const message: FakeMessage = {
    channel: channel.id,
    ts: ctx.workspace.nextTs(ctx.clock.now()),
    source: 'chat.postMessage',
    ...(threadTs === undefined ? {} : { threadTs }),
    ...(text === undefined ? {} : { text }),
    ...(ctx.args.blocks === undefined ? {} : { blocks: ctx.args.blocks }),
    ...(metadata === undefined ? {} : { metadata }),
    edits: 0,
    deleted: false,
  };
  ctx.workspace.messages.push(message);
  return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(ctx.workspace, message, true) };
};

export const chatPostEphemeral: MethodHandler = (ctx) => {
  const channelArg = stringArg(ctx.args, 'channel');
  const user = stringArg(ctx.args, 'user');
  if (channelArg === undefined) return fail('channel_not_found');
  if (user === undefined || !ctx.workspace.users.has(user)) return fail('user_not_found');
  const channel = ctx.workspace.resolveChannel(channelArg);
  const postingError = ctx.workspace.postingError(channel);
  if (postingError !== undefined || channel === undefined) return fail(postingError ?? 'channel_not_found');
  const contentError = checkMessageContent(ctx, { requireContent: true });
  if (contentError !== undefined) return contentError;
  const ts = ctx.workspace.nextTs(ctx.clock.now());
  const text = stringArg(ctx.args, 'text');
  ctx.workspace.ephemerals.push({
    channel: channel.id,
    user,
    ts,
    ...(text === undefined ? {} : { text }),
    ...(ctx.args.blocks === undefined ? {} : { blocks: ctx.args.blocks }),
  });
  return { ok: true, message_ts: ts };
};

export const chatUpdate: MethodHandler = (ctx) => {
  const channel = stringArg(ctx.args, 'channel');
  const ts = stringArg(ctx.args, 'ts');
  if (channel === undefined || !ctx.workspace.channels.has(channel)) return fail('channel_not_found');
  const message = ts === undefined ? undefined : ctx.workspace.findMessage(channel, ts);
  if (message === undefined) return fail('message_not_found');
  const contentError = checkMessageContent(ctx, { requireContent: false });
  if (contentError !== undefined) return contentError;
  const metadata = metadataArg(ctx.args);
  if (metadata === 'invalid') return fail('invalid_metadata_format');
  const text = stringArg(ctx.args, 'text');
  if (text !== undefined) message.text = text;
  if (ctx.args.blocks !== undefined) message.blocks = ctx.args.blocks;
  if (metadata !== undefined) message.metadata = metadata;
  message.edits += 1;
  const json = messageJson(ctx.workspace, message, true);
  return { ok: true, channel, ts: message.ts, text: message.text ?? '', message: json };
};

export const chatDelete: MethodHandler = (ctx) => {
  const channel = stringArg(ctx.args, 'channel');
  const ts = stringArg(ctx.args, 'ts');
  if (channel === undefined || !ctx.workspace.channels.has(channel)) return fail('channel_not_found');
  const message = ts === undefined ? undefined : ctx.workspace.findMessage(channel, ts);
  if (message === undefined) return fail('message_not_found');
  message.deleted = true;
  return { ok: true, channel, ts: message.ts };
};

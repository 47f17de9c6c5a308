import type { Clock } from './clock.js';
import type { ParsedBody } from './http-body.js';
import type { MethodContext } from './methods/context.js';
import { checkMessageContent } from './methods/message-content.js';
import { jsonReply, type Reply, textReply } from './reply.js';
import type { ResponseUrls } from './response-urls.js';
import type { ApiArgs } from './types.js';
import type { Workspace } from './workspace.js';

export interface ResponseUrlDeps {
  readonly workspace: Workspace;
  readonly responseUrls: ResponseUrls;
  readonly clock: Clock;
  /** Builds the context for the shared message checks (and their warnings). */
  readonly context: (args: ApiArgs) => MethodContext;
}

/**
 * A POST to a response_url (JSON, as Bolt's `respond()` sends it). Enforces the 5-uses / 30-minutes budget, checks
 * the message like chat.postMessage, and applies it: `delete_original` / `replace_original` on the message the
 * URL belongs to, `in_channel` as a new channel message (works where the bot is not a member), otherwise an
 * ephemeral message to the user.
 */
export function respondToUrl(deps: ResponseUrlDeps, id: string, parsed: ParsedBody): Reply {
  const { workspace, clock } = deps;
  const verdict = deps.responseUrls.admit(id);
  if (!verdict.ok) return textReply(verdict.status, verdict.error);
  if (parsed.encoding !== 'json') return textReply(400, 'invalid_payload');
  const body = parsed.args;
  const isDelete = body.delete_original === true || body.delete_original === 'true';
  if (!isDelete) {
    const contentError = checkMessageContent(deps.context(body), { requireContent: true });
    if (contentError !== undefined) return textReply(400, contentError.error ?? 'invalid_payload');
  }
  const { state } = verdict;
  const post = deps.responseUrls.recordUse(state, body);
  const text = typeof body.text === 'string' ? body.text : undefined;
  const content = {
    ...(text === undefined ? {} : { text }),
    ...(body.blocks === undefined ? {} : { blocks: body.blocks }),
  };
  const original =
    state.channelId !== undefined && state.messageTs !== undefined
      ? workspace.findMessage(state.channelId, state.messageTs)
      : undefined;
  if (post.deleteOriginal) {
    if (original !== undefined) original.deleted = true;
  } else if (post.replaceOriginal && original !== undefined) {
    if (text !== undefined) original.text = text;
    if (body.blocks !== undefined) original.blocks = body.blocks;
    original.edits += 1;
  } else if (post.responseType === 'in_channel' && state.channelId !== undefined) {
    const ts = workspace.nextTs(clock.now());
    workspace.messages.push({
      channel: state.channelId,
      ts,
      source: 'response_url',
      ...content,
      edits: 0,
      deleted: false,
    });
  } else if (state.channelId !== undefined && state.userId !== undefined) {
    const ts = workspace.nextTs(clock.now());
    workspace.ephemerals.push({ channel: state.channelId, user: state.userId, ts, ...content });
  }
  return jsonReply({ ok: true });
}

import type { ApiArgs } from '../types.js';
import { FAKE_TEAM, type FakeMessage, type MessageMetadata, type Workspace } from '../workspace.js';
import { isRecord } from './context.js';

/** A message as Slack's API returns it; `metadata` only when the caller asked (include_all_metadata). */
export function messageJson(
  workspace: Workspace,
  message: FakeMessage,
  withMetadata: boolean,
): Record<string, unknown> {
  const files = (message.files ?? []).flatMap((id) => {
    const file = workspace.files.get(id);
    return file === undefined ? [] : [{ id: file.id, name: file.filename, title: file.title ?? file.filename }];
  });
  return {
    type: 'message',
    user: FAKE_TEAM.botUserId,
    bot_id: FAKE_TEAM.botId,
    ts: message.ts,
    text: message.text ?? '',
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(files.length === 0 ? {} : { files, upload: true }),
    ...(withMetadata && message.metadata !== undefined ? { metadata: message.metadata } : {}),
  };
}

/**
 * The `metadata` argument of chat.postMessage / chat.update: `{ event_type, event_payload }` with a snake_case
 * event type and an object payload (slack-contract §10); 'invalid' for anything else (Slack: invalid_metadata_format).
 */
export function metadataArg(args: ApiArgs): MessageMetadata | 'invalid' | undefined {
  const value = args.metadata;
  if (value === undefined) return undefined;
  if (!isRecord(value)) return 'invalid';
  const { event_type: eventType, event_payload: payload } = value;
  if (typeof eventType !== 'string' || !/^[a-z0-9_]+$/.test(eventType) || !isRecord(payload)) return 'invalid';
  return { event_type: eventType, event_payload: payload };
}

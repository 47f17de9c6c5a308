import type { FakeFile } from '../workspace.js';
import { fail, isRecord, type MethodHandler, stringArg } from './context.js';
import { checkMessageContent } from './message-content.js';

/** Step 1 of files.uploadV2: reserve a file id and hand out an upload URL pointing back at the fake. */
export const filesGetUploadURLExternal: MethodHandler = (ctx) => {
  const filename = stringArg(ctx.args, 'filename');
  const length = Number(stringArg(ctx.args, 'length'));
  if (filename === undefined) return fail('invalid_arguments', ['[ERROR] missing required field: filename']);
  if (!Number.isInteger(length) || length <= 0) {
    return fail('invalid_arguments', ['[ERROR] length must be a positive integer [json-pointer:/length]']);
  }
  const altText = stringArg(ctx.args, 'alt_text') ?? stringArg(ctx.args, 'alt_txt');
  const snippetType = stringArg(ctx.args, 'snippet_type');
  const file: FakeFile = {
    id: ctx.workspace.nextId('F'),
    filename,
    length,
    ...(altText === undefined ? {} : { altText }),
    ...(snippetType === undefined ? {} : { snippetType }),
    state: 'pending',
    sharedTo: [],
  };
  ctx.workspace.files.set(file.id, file);
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/v1/${file.id}`, file_id: file.id };
};

interface CompleteEntry {
  readonly id: string;
  readonly title?: string;
}

function parseFilesArg(value: unknown): CompleteEntry[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const entries: CompleteEntry[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.id !== 'string') return undefined;
    entries.push(typeof item.title === 'string' ? { id: item.id, title: item.title } : { id: item.id });
  }
  return entries;
}

/**
 * Step 3 of files.uploadV2. Stricter than Slack on one point: Slack accepts a call without `channel_id` and leaves
 * the file private and unshared; Radar must never do that, so the fake rejects it and records a violation.
 */
export const filesCompleteUploadExternal: MethodHandler = (ctx) => {
  const entries = parseFilesArg(ctx.args.files);
  if (entries === undefined) return fail('invalid_arguments', ['[ERROR] files must be a JSON array of {id, title}']);
  const files: FakeFile[] = [];
  for (const entry of entries) {
    const file = ctx.workspace.files.get(entry.id);
    if (file === undefined) return fail('file_not_found', [`[ERROR] unknown file id ${entry.id}`]);
    if (file.state === 'pending') return fail('file_not_found', [`[ERROR] file ${entry.id} has not been uploaded`]);
    if (file.state === 'completed') return fail('file_not_found', [`[ERROR] file ${entry.id} was already completed`]);
    files.push(file);
  }
  const channelId = stringArg(ctx.args, 'channel_id');
  if (channelId === undefined) {
    const legacy = stringArg(ctx.args, 'channels');
    ctx.violation(
      'unshared_upload',
      legacy === undefined
        ? 'files.completeUploadExternal without channel_id leaves a private, unshared file'
        : `files.completeUploadExternal with legacy channels=${legacy} instead of channel_id`,
    );
    return fail('invalid_arguments', ['[ERROR] fake-slack: channel_id is required (no unshared private uploads)']);
  }
  const channel = ctx.workspace.resolveChannel(channelId);
  const postingError = ctx.workspace.postingError(channel);
  if (postingError !== undefined || channel === undefined) return fail(postingError ?? 'channel_not_found');
  const initialComment = stringArg(ctx.args, 'initial_comment');
  if (initialComment !== undefined && ctx.args.blocks !== undefined) {
    ctx.warn('files.completeUploadExternal has initial_comment and blocks; Slack ignores blocks');
  }
  if (ctx.args.blocks !== undefined) {
    const contentError = checkMessageContent(ctx, { requireContent: false });
    if (contentError !== undefined) return contentError;
  }
  const threadTs = stringArg(ctx.args, 'thread_ts');
  for (const [index, file] of files.entries()) {
    file.state = 'completed';
    file.title = entries[index]?.title ?? file.filename;
    file.sharedTo.push(channel.id);
    if (threadTs !== undefined) file.threadTs = threadTs;
    if (initialComment !== undefined) file.initialComment = initialComment;
  }
  ctx.workspace.messages.push({
    channel: channel.id,
    ts: ctx.workspace.nextTs(ctx.clock.now()),
    source: 'files.completeUploadExternal',
    files: files.map((file) => file.id),
    ...(threadTs === undefined ? {} : { threadTs }),
    ...(initialComment === undefined ? {} : { text: initialComment }),
    ...(ctx.args.blocks === undefined ? {} : { blocks: ctx.args.blocks }),
    edits: 0,
    deleted: false,
  });
  // Like Slack, sharing is reported asynchronously: the response does not list shares yet (slack-contract §3).
  return {
    ok: true,
    files: files.map((file) => ({ id: file.id, name: file.filename, title: file.title, size: file.length })),
  };
};

import { BLOCK_LIMITS, blockTextLength, type FileLookup, findBlockKitViolations } from '../block-kit.js';
import type { ApiResult } from '../types.js';
import type { Workspace } from '../workspace.js';
import { fail, type MethodContext } from './context.js';

/** Whether a `slack_file` image may reference the file: only completed uploads shared somewhere render. */
export function fileLookupFor(workspace: Workspace): FileLookup {
  return (fileId) => {
    const file = workspace.files.get(fileId);
    if (file === undefined) return 'unknown';
    return file.state === 'completed' && file.sharedTo.length > 0 ? 'shared' : 'unshared';
  };
}

/**
 * Checks a message's `text` and `blocks` as chat.postMessage/postEphemeral/update and response_urls do. Returns the
 * error result, or undefined when Slack would accept it. Records a warning for blocks without fallback text.
 */
export function checkMessageContent(ctx: MethodContext, options: { requireContent: boolean }): ApiResult | undefined {
  const { text, blocks, attachments } = ctx.args;
  if (typeof text === 'string' && text.length > BLOCK_LIMITS.messageText) return fail('msg_too_long');
  if (blocks !== undefined) {
    if (typeof blocks === 'string') return fail('invalid_blocks_format');
    const issues = findBlockKitViolations(blocks, 'message', fileLookupFor(ctx.workspace));
    if (issues.length > 0) return fail('invalid_blocks', issues);
    if (blockTextLength(blocks) > BLOCK_LIMITS.messageTotalText) return fail('msg_blocks_too_long');
  }
  const hasText = typeof text === 'string' && text.trim().length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (options.requireContent && !hasText && !hasBlocks && attachments === undefined) return fail('no_text');
  if (hasBlocks && !hasText) {
    ctx.warn(`${ctx.method} has blocks but no top-level text (no notification / screen-reader fallback)`);
  }
  return undefined;
}

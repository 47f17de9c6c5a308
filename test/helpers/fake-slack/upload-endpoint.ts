import type { ParsedBody } from './http-body.js';
import { type Reply, textReply } from './reply.js';
import type { ApiArgs } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * Step 2 of files.uploadV2: the bytes POSTed to the `upload_url`. web-api 8 sends multipart/form-data with one
 * part named `body` (filename `Untitled` for a bare Buffer); raw bytes are accepted too, as Slack does. Slack needs
 * only HTTP 200; the SDK ignores the body. The size must match the `length` declared in step 1.
 */
export function receiveUpload(workspace: Workspace, fileId: string, raw: Buffer, parsed: ParsedBody): Reply {
  const file = workspace.files.get(fileId);
  if (file === undefined) return textReply(404, `unknown upload ${fileId}`);
  if (file.state !== 'pending') return textReply(400, `file ${fileId} was already uploaded`);
  let bytes: Buffer = raw;
  if (parsed.encoding === 'multipart') {
    const fileParts = parsed.parts.filter((part) => part.bytes !== undefined);
    const [part] = fileParts;
    if (fileParts.length !== 1 || part?.bytes === undefined) {
      return textReply(400, `expected exactly one file part, got ${fileParts.length}`);
    }
    bytes = part.bytes;
    if (part.filename !== undefined) file.uploadFilename = part.filename;
  }
  if (bytes.length !== file.length) {
    return textReply(400, `length mismatch: declared ${file.length} bytes, received ${bytes.length}`);
  }
  file.bytes = bytes;
  file.state = 'uploaded';
  return textReply(200, `OK - ${bytes.length}`);
}

/** What the call log keeps of an upload: how it was encoded and the sizes, not the bytes. */
export function describeUpload(parsed: ParsedBody, raw: Buffer): ApiArgs {
  return {
    encoding: parsed.encoding,
    size: raw.length,
    parts: parsed.parts.map((part) => ({ name: part.name, filename: part.filename, size: part.bytes?.length })),
  };
}

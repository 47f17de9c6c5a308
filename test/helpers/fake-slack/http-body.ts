import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { ApiArgs } from './types.js';

/**
 * Arguments that @slack/web-api 8 sends JSON-stringified inside a form body (its `serializeBody` JSON-encodes every
 * non-primitive value). Only these are decoded, so a `text` that happens to start with `[` stays a string.
 */
const JSON_ARGS = new Set(['attachments', 'blocks', 'files', 'metadata', 'view']);

export type BodyEncoding = 'form' | 'json' | 'multipart' | 'empty' | 'unsupported';

export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly bytes?: Buffer;
  readonly value?: string;
}

export interface ParsedBody {
  readonly encoding: BodyEncoding;
  readonly args: ApiArgs;
  readonly parts: readonly MultipartPart[];
}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes a form-encoded, JSON or multipart body the way Slack's API servers accept them. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return { encoding: 'empty', args: {}, parts: [] };
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { encoding: 'form', args: decodeForm(raw.toString('utf8')), parts: [] };
  }
  if (mediaType === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    const args = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ApiArgs) : {};
    return { encoding: 'json', args, parts: [] };
  }
  if (mediaType === 'multipart/form-data' && contentType !== undefined) {
    const parts = await decodeMultipart(raw, contentType);
    const args: ApiArgs = {};
    for (const part of parts) if (part.value !== undefined) args[part.name] = decodeArg(part.name, part.value);
    return { encoding: 'multipart', args, parts };
  }
  return { encoding: 'unsupported', args: {}, parts: [] };
}

function decodeForm(text: string): ApiArgs {
  const args: ApiArgs = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    if (typeof value === 'string') args[key] = decodeArg(key, value);
    else if (Array.isArray(value)) args[key] = value;
  }
  return args;
}

function decodeArg(key: string, value: string): unknown {
  if (!JSON_ARGS.has(key)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // Left as a string: the method handler reports it the way Slack does (invalid_blocks / invalid_arguments).
    return value;
  }
}

/** Multipart parsing via undici's `Response#formData()`, which ships with Node 20, rather than a parser dependency. */
async function decodeMultipart(raw: Buffer, contentType: string): Promise<MultipartPart[]> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const parts: MultipartPart[] = [];
  for (const [name, entry] of form.entries()) {
    if (typeof entry === 'string') parts.push({ name, value: entry });
    else parts.push({ name, filename: entry.name, bytes: Buffer.from(await entry.arrayBuffer()) });
  }
  return parts;
}

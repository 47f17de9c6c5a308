import type { ApiResult } from './types.js';

/** An HTTP answer of the fake, and what gets recorded as the call's response. */
export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
  readonly recorded: unknown;
}

export function jsonReply(result: ApiResult | Record<string, unknown>, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result), recorded: result };
}

export function textReply(status: number, text: string): Reply {
  return { status, headers: { 'content-type': 'text/plain' }, body: text, recorded: text };
}

import type { Clock } from '../clock.js';
import type { ApiArgs, ApiResult } from '../types.js';
import type { Workspace } from '../workspace.js';

/** What a Web API method handler gets: decoded args, the workspace it acts on, and the fake's recorders. */
export interface MethodContext {
  readonly method: string;
  readonly args: ApiArgs;
  readonly workspace: Workspace;
  readonly clock: Clock;
  /** `http://127.0.0.1:<port>`, for URLs the fake hands out. */
  readonly baseUrl: string;
  violation(rule: string, detail: string): void;
  warn(message: string): void;
}

export type MethodHandler = (ctx: MethodContext) => ApiResult;

export function fail(error: string, messages?: readonly string[]): ApiResult {
  return messages === undefined || messages.length === 0
    ? { ok: false, error }
    : { ok: false, error, response_metadata: { messages } };
}

/** A string argument, or undefined if absent or empty. */
export function stringArg(args: ApiArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

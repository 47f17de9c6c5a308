import type { IncomingHttpHeaders } from 'node:http';

/** Arguments of a Web API call after decoding (form values, JSON-typed fields such as `blocks` parsed). */
export type ApiArgs = Record<string, unknown>;

/** The JSON body the fake answers a Web API method with. */
export interface ApiResult {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

/** `api`: POST /api/<method>; `upload`: the files.uploadV2 byte upload; `response_url`: POST /respond/<id>. */
export type CallKind = 'api' | 'upload' | 'response_url';

/** Pseudo method names under which non-API endpoints are recorded and can be failed. */
export const UPLOAD_METHOD = 'upload';
export const RESPONSE_URL_METHOD = 'response_url';

export interface RecordedCall {
  /** 1-based order of arrival. */
  readonly seq: number;
  readonly kind: CallKind;
  /** Web API method (`chat.postMessage`), or `upload` / `response_url`. */
  readonly method: string;
  readonly args: ApiArgs;
  readonly headers: IncomingHttpHeaders;
  /** The client name of a call made through `apiUrlFor(client)`. */
  readonly client?: string;
  /** Fake clock time (ms since epoch) at which the call was answered. */
  readonly at: number;
  /** HTTP status sent, or `hung` for a call held open by a `hang` failure. */
  readonly status: number | 'hung';
  /** What was sent back: the parsed JSON result for API calls, the text otherwise. */
  readonly response: unknown;
}

/** A call Slack might accept but Radar must never make (e.g. an upload completed without `channel_id`). */
export interface Violation {
  readonly method: string;
  readonly rule: string;
  readonly detail: string;
  readonly args: ApiArgs;
}

/** Something Slack accepts but WebClient or Slack's docs warn about (e.g. blocks without fallback `text`). */
export interface Warning {
  readonly method: string;
  readonly message: string;
  readonly args: ApiArgs;
}

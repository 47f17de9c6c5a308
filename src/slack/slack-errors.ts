import { webApi } from '@slack/bolt';
import { type Translate, translator } from '../i18n/translate.js';

/**
 * A failed Slack call, reduced to what Radar decides on:
 * - `platform`: Slack answered `ok:false` with an error code (nothing happened; the code says why);
 * - `rate_limited`: 429s outlasted the client's retries (nothing happened);
 * - `http`: a non-200 status (5xx) outlasted the retries;
 * - `unconfirmed`: the request timed out or the connection broke, so it may or may not have taken effect;
 * - `response_url`: Slack refused a response_url post (used up, expired);
 * - `other`: anything else (a bug in Radar, most likely).
 */
export type SlackFailure =
  | { readonly kind: 'platform'; readonly error: string }
  | { readonly kind: 'rate_limited' }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'unconfirmed' }
  | { readonly kind: 'response_url'; readonly status: number }
  | { readonly kind: 'other'; readonly message: string };

const RATE_LIMIT_MESSAGE = /rate limit was exceeded/i;

interface CodedShape {
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly statusCode?: unknown;
  readonly original?: unknown;
  readonly message?: unknown;
}

export function classifySlackError(error: unknown): SlackFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as CodedShape;
  switch (e.code) {
    case webApi.ErrorCode.PlatformError:
      return { kind: 'platform', error: typeof e.data?.error === 'string' ? e.data.error : 'unknown_error' };
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'rate_limited' };
    case webApi.ErrorCode.HTTPError:
      return { kind: 'http', status: typeof e.statusCode === 'number' ? e.statusCode : 0 };
    case webApi.ErrorCode.RequestError:
      return isRateLimitRetry(error) ? { kind: 'rate_limited' } : { kind: 'unconfirmed' };
    case 'slack_bolt_respond_error':
      return { kind: 'response_url', status: typeof e.statusCode === 'number' ? e.statusCode : 0 };
    default:
      return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  }
}

/** web-api turns its own "retry after a 429" signal into a WebAPIRequestError once retries run out. */
export function isRateLimitRetry(error: unknown): boolean {
  const original = (error as CodedShape | undefined)?.original;
  const message = original instanceof Error ? original.message : error instanceof Error ? error.message : '';
  return RATE_LIMIT_MESSAGE.test(message);
}

/** The Slack error code of a platform failure, else undefined. */
export function platformError(error: unknown): string | undefined {
  const failure = classifySlackError(error);
  return failure.kind === 'platform' ? failure.error : undefined;
}

/** A short reason for users (in their language) and logs: "Slack answered not_in_channel", "Slack is rate limiting Radar". */
export function describeSlackFailure(failure: SlackFailure, t: Translate = translator('en')): string {
  switch (failure.kind) {
    case 'platform':
      return t('slack.failure.platform', { error: failure.error });
    case 'rate_limited':
      return t('slack.failure.rateLimited');
    case 'http':
      return t('slack.failure.http', { status: String(failure.status) });
    case 'unconfirmed':
      return t('slack.failure.unconfirmed');
    case 'response_url':
      return t('slack.failure.responseUrl', { status: String(failure.status) });
    case 'other':
      return t('slack.failure.other');
  }
}

/** A stable code for logs. */
export function failureCode(failure: SlackFailure): string {
  return failure.kind === 'platform' ? failure.error : failure.kind;
}

import { webApi } from '@slack/bolt';
import { isRateLimitRetry } from './slack-errors.js';

/**
 * When WebClient may send a call again. It retries every failure by default (p-retry), including a timeout, after
 * which a chat.postMessage may already have landed: retrying it would post twice. So Radar retries only what Slack
 * certainly did not carry out:
 * - 429 (Slack rejected the call; web-api has already waited `Retry-After` and paused the client's queue);
 * - 502 and 503 (Slack's edge could not reach or was refused by the backend).
 * Timeouts, connection resets, 500 and 504 are not retried; the caller tells the user instead.
 */
export function isSafeToRetry(error: unknown): boolean {
  const e = error as { code?: unknown; statusCode?: unknown };
  if (e.code === webApi.ErrorCode.HTTPError) return e.statusCode === 502 || e.statusCode === 503;
  return isRateLimitRetry(error);
}

export interface RetryPolicy extends webApi.RetryOptions {
  /** p-retry (which web-api runs with this object) stops retrying when this throws. */
  readonly onFailedAttempt: (error: unknown) => void;
}

/**
 * Production policy: up to 5 attempts over about a minute (1 s, 2 s, 4 s, 8 s backoff with jitter, plus any
 * Retry-After), and only for safe failures (see isSafeToRetry). A slash command's answer is still useful a minute later;
 * it is not after half an hour (web-api's default).
 */
export function safeRetryPolicy(overrides: Partial<webApi.RetryOptions> = {}): RetryPolicy {
  return {
    retries: 4,
    factor: 2,
    minTimeout: 1000,
    maxTimeout: 8000,
    randomize: true,
    ...overrides,
    onFailedAttempt: (error) => {
      if (!isSafeToRetry(error)) throw error;
    },
  };
}

/** How long one Web API call may take before it counts as failed (and, for posts, unconfirmed). */
export const SLACK_CALL_TIMEOUT_MS = 20_000;

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
  /** p-retry (which web-api runs with this object) awaits this after each failure and stops when it throws. */
  readonly onFailedAttempt: (error: unknown) => Promise<void>;
}

export interface RetryTiming {
  /** Waits `ms`; tests record the waits instead of sleeping. */
  readonly wait?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), for the jitter. */
  readonly random?: () => number;
}

/** Spread after a 429, so that several instances rate-limited together do not come back in the same instant. */
export const RATE_LIMIT_JITTER_MS = 250;

/**
 * How long to wait before attempt `attemptNumber + 1`. After a 429 web-api has already waited what Slack's
 * Retry-After said (and paused the client's queue), so only a small jitter follows; adding a backoff on top made
 * three 1-second rate limits take 27 s. Without a Retry-After (502, 503) the wait doubles from `baseMs` up to
 * `maxMs`, with up to 100% jitter.
 */
export function retryDelayMs(
  error: unknown,
  attemptNumber: number,
  random: () => number,
  baseMs: number,
  maxMs: number,
): number {
  if (isRateLimitRetry(error)) return Math.floor(random() * RATE_LIMIT_JITTER_MS);
  const backoff = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptNumber - 1));
  return Math.floor(backoff * (1 + random()));
}

/**
 * Production policy: up to 5 attempts over about a minute, only for safe failures (see isSafeToRetry), waiting as
 * retryDelayMs says. p-retry's own timeouts are zero: the wait happens in onFailedAttempt, which knows the error.
 * A slash command's answer is still useful a minute later; it is not after half an hour (web-api's default).
 * `minTimeout` and `maxTimeout` override the backoff's base and cap.
 */
export function safeRetryPolicy(overrides: Partial<webApi.RetryOptions> = {}, timing: RetryTiming = {}): RetryPolicy {
  const baseMs = overrides.minTimeout ?? 1000;
  const maxMs = overrides.maxTimeout ?? 8000;
  const wait = timing.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = timing.random ?? Math.random;
  return {
    retries: overrides.retries ?? 4,
    factor: 1,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    onFailedAttempt: async (error) => {
      if (!isSafeToRetry(error)) throw error;
      const attemptNumber = (error as { attemptNumber?: unknown }).attemptNumber;
      const ms = retryDelayMs(error, typeof attemptNumber === 'number' ? attemptNumber : 1, random, baseMs, maxMs);
      if (ms > 0) await wait(ms);
    },
  };
}

/** How long one Web API call may take before it counts as failed (and, for posts, unconfirmed). */
export const SLACK_CALL_TIMEOUT_MS = 20_000;

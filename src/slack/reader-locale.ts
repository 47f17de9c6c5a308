import type { webApi } from '@slack/bolt';
import { type Locale, parseLocale } from '../i18n/locale.js';
import type { Logger } from '../logging.js';
import { classifySlackError, failureCode } from './slack-errors.js';

/** A user's language is asked again after this long: people switch Slack's language rarely, but they do. */
export const READER_LOCALE_TTL_MS = 6 * 3_600_000;

/**
 * After a failed lookup the fallback is kept this long, so a Slack outage or a missing scope costs one users.info
 * call per user per minute rather than one per answer.
 */
export const READER_LOCALE_RETRY_MS = 60_000;

/** The language each Slack user reads Radar in. */
export interface ReaderLocales {
  /** The user's language from Slack (`users.info` with `include_locale`), or the configured one. Never throws. */
  localeOf(userId: string): Promise<Locale>;
  /** The configured language (RADAR_LANGUAGE): channel posts, and every reader Slack cannot tell us about. */
  readonly fallback: Locale;
}

export interface ReaderLocaleOptions {
  readonly client: Pick<webApi.WebClient, 'users'>;
  /** Milliseconds since the epoch; injected so tests move time instead of sleeping. */
  readonly now: () => number;
  readonly logger: Logger;
  readonly fallback: Locale;
  readonly ttlMs?: number;
}

/**
 * Per-reader language, cached per user. Slack's `locale` ("zh-CN", "en-US", …) goes through parseLocale; a language
 * Radar does not write (e.g. "ja-JP") and any failure of the call answer the configured language. A failure is logged
 * once per error code (a missing scope would otherwise log on every answer) and never fails the answer.
 */
export function createReaderLocales(options: ReaderLocaleOptions): ReaderLocales {
  const { client, now, logger, fallback } = options;
  const ttl = options.ttlMs ?? READER_LOCALE_TTL_MS;
  const cache = new Map<string, { locale: Locale; until: number }>();
  const inFlight = new Map<string, Promise<Locale>>();
  const logged = new Set<string>();

  async function lookUp(userId: string): Promise<Locale> {
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const locale = parseLocale(info.user?.locale) ?? fallback;
      cache.set(userId, { locale, until: now() + ttl });
      return locale;
    } catch (error) {
      const code = failureCode(classifySlackError(error));
      if (!logged.has(code)) {
        logged.add(code);
        logger.warn(
          { err: error, user: userId, code, fallback },
          "users.info failed; answering in the configured language (RADAR_LANGUAGE) until Slack tells the reader's",
        );
      }
      cache.set(userId, { locale: fallback, until: now() + READER_LOCALE_RETRY_MS });
      return fallback;
    }
  }

  return {
    fallback,
    async localeOf(userId) {
      const hit = cache.get(userId);
      if (hit !== undefined && now() < hit.until) return hit.locale;
      // Several answers for one user at once share one users.info call.
      const pending = inFlight.get(userId);
      if (pending !== undefined) return pending;
      const lookup = lookUp(userId).finally(() => inFlight.delete(userId));
      inFlight.set(userId, lookup);
      return lookup;
    },
  };
}

/** Every reader in the configured language: the CLI, and tests that do not care about per-reader language. */
export function fixedReaderLocales(locale: Locale): ReaderLocales {
  return { fallback: locale, localeOf: async () => locale };
}

/**
 * The reader's language within a time budget: an ack (help, a usage mistake, "Working on…") must leave within
 * Slack's 3 seconds, so a slow users.info answers the configured language for that one reply (the lookup goes on
 * and fills the cache for the next).
 */
export async function localeWithin(locales: ReaderLocales, userId: string, budgetMs: number): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => resolve(locales.fallback), budgetMs);
  });
  try {
    return await Promise.race([locales.localeOf(userId), late]);
  } finally {
    clearTimeout(timer);
  }
}

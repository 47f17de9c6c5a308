import type { webApi } from '@slack/bolt';
import { safeZone } from '../../alerts/digest/digest-time.js';
import type { Logger } from '../../logging.js';

/** A user's zone is looked up again after this long (people travel; Slack updates `tz` when they do). */
export const TIME_ZONE_CACHE_MS = 6 * 3_600_000;

/**
 * Each user's IANA zone from `users.info` (scope users:read), cached per user. A failed lookup answers UTC for
 * this call and is not cached, so the next check asks again.
 */
export function createTimeZoneLookup(
  client: webApi.WebClient,
  now: () => number,
  logger: Logger,
): (userId: string) => Promise<string> {
  const cache = new Map<string, { zone: string; at: number }>();
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit !== undefined && now() - hit.at < TIME_ZONE_CACHE_MS) return hit.zone;
    try {
      const info = await client.users.info({ user: userId });
      const zone = safeZone(info.user?.tz);
      cache.set(userId, { zone, at: now() });
      return zone;
    } catch (error) {
      logger.warn({ err: error, user: userId }, 'users.info failed; using UTC for the digest time');
      return 'UTC';
    }
  };
}

import { z } from 'zod';
import { blankToUndefined, channelId, userIdList } from './slack-id-fields.js';

const HOUR_MS = 3_600_000;

/** RADAR_STALE_AFTER's default: an export older than 3 days means the daily export stopped. */
export const DEFAULT_STALE_AFTER_MS = 3 * 24 * HOUR_MS;

/** "3d", "36h" or a bare number of days ("3"), as milliseconds; null when the text is none of these. */
export function parseStaleAfter(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([dh]?)$/i.exec(text.trim());
  if (match === null) return null;
  const value = Number(match[1]);
  if (!(value > 0)) return null;
  return match[2]?.toLowerCase() === 'h' ? value * HOUR_MS : value * 24 * HOUR_MS;
}

/**
 * Who may change the zone thresholds, where Radar reports on its own health, and when data counts as stale. Merged
 * into ConfigSchema (src/config.ts); loadConfig prefixes each message with the variable's name.
 */
export const ADMIN_CONFIG_FIELDS = {
  RADAR_ADMINS: userIdList.describe('comma-separated Slack user ids who may change the zone thresholds (/radar rules)'),
  RADAR_ADMIN_CHANNEL: channelId('where Radar reports on its own health').describe(
    "channel id for Radar's self-health notices; unset = the alert channel",
  ),
  RADAR_STALE_AFTER: blankToUndefined
    .transform((v, ctx) => {
      if (v === undefined) return DEFAULT_STALE_AFTER_MS;
      const ms = parseStaleAfter(v);
      if (ms === null) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a duration such as 3d or 36h (a bare number is days; got "${v}"); unset it for 3 days`,
        });
        return z.NEVER;
      }
      return ms;
    })
    .describe('how old the data date may get before Radar warns (e.g. 3d, 36h); default 3 days'),
};

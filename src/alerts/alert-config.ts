import { z } from 'zod';
import { DEFAULT_SCAN_CRON, isValidSchedule } from './schedules.js';
import { blankToUndefined, channelId, userIdList } from './slack-id-fields.js';

/**
 * The alert and digest settings, merged into ConfigSchema (src/config.ts). Each message names what is wrong and
 * how to fix it; loadConfig prefixes the variable name.
 */
export const ALERT_CONFIG_FIELDS = {
  RADAR_ALERT_CHANNEL: channelId('where red-zone alerts are posted').describe(
    'channel id for red-zone alerts; unset = alerts off',
  ),
  RADAR_ESCALATION_CHANNEL: channelId("the managers' channel for 48 h escalations").describe(
    "channel id for SLA escalations (managers' channel); unset = the alert channel",
  ),
  RADAR_MANAGERS: userIdList.describe('comma-separated Slack user ids of the managers who get the weekly digest'),
  RADAR_DIGEST_CHANNEL: channelId('an optional copy of the weekly digest').describe(
    'channel id for a copy of the weekly digest; unset = DMs only',
  ),
  RADAR_SCAN_CRON: blankToUndefined
    .transform((v) => v ?? DEFAULT_SCAN_CRON)
    .pipe(
      z
        .string()
        .refine(
          isValidSchedule,
          `must be a five-field cron expression such as "${DEFAULT_SCAN_CRON}" (minute hour day month weekday, UTC); unset it for hourly`,
        ),
    )
    .describe('how often the red-zone scan runs (cron, UTC); default hourly'),
};

import { z } from 'zod';
import { ADMIN_CONFIG_FIELDS } from './alerts/admin-config.js';
import { ALERT_CONFIG_FIELDS } from './alerts/alert-config.js';
import { ConfigError } from './errors.js';
import { DEFAULT_LOCALE, type Locale, parseLocale, supportedLocaleList } from './i18n/locale.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const booleanText = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Every setting Radar reads, from the environment and CLI flags, validated once at start.
 * Messages name the variable and say how to fix it.
 */
export const ConfigSchema = z.object({
  RADAR_WAREHOUSE: optionalText.describe(
    'the warehouse: a SQLite export file, a postgres:// URL (?schema=…) or a DuckDB file; unset = bundled demo data',
  ),
  RADAR_DEMO: z
    .enum(['full', 'international'], "must be 'full' or 'international'")
    .optional()
    .describe(
      'which bundled demo to use when RADAR_WAREHOUSE is unset; international = Unicode names, emails, offsets',
    ),
  RADAR_STATE_DB: optionalText.describe("path to Radar's own state database (alerts, acks, schedules)"),
  RADAR_STATE_URL: optionalText
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a Postgres URL such as postgres://radar:secret@db:5432/radar')
        .optional(),
    )
    .describe("Radar's state in Postgres (several instances share it); unset = the SQLite file RADAR_STATE_DB"),
  RADAR_WAREHOUSE_TIMEOUT_MS: optionalText
    .pipe(
      z.coerce
        .number<string>('must be a number of milliseconds such as 120000')
        .int('must be a whole number of milliseconds such as 120000')
        .min(1_000, 'must be at least 1000 (milliseconds)')
        .optional(),
    )
    .describe('how long one read of a Postgres or DuckDB warehouse may take; default 120000 ms'),
  RADAR_CACHE_DIR: optionalText.describe('folder for snapshot caches of the warehouse; default: the OS temp dir'),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url('must be a URL such as https://slack.com/api/').optional()),
  SLACK_TIMEOUT_MS: optionalText
    .pipe(
      z.coerce
        .number<string>('must be a number of milliseconds such as 20000')
        .int('must be a whole number of milliseconds such as 20000')
        .min(100, 'must be at least 100 (milliseconds)')
        .max(600_000, 'must be at most 600000 (10 minutes)')
        .optional(),
    )
    .describe('how long one Slack Web API call may take before Radar gives up on it; default 20000 ms'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RADAR_PRIVATE_BY_DEFAULT: booleanText.describe('answer privately unless a command says otherwise'),
  RADAR_HISTORY_FILE: optionalText,
  RADAR_LANGUAGE: optionalText
    .transform((v, ctx): Locale => {
      const locale = v === undefined ? DEFAULT_LOCALE : parseLocale(v);
      if (locale !== undefined) return locale;
      ctx.addIssue({ code: 'custom', message: `must be one of ${supportedLocaleList()} (got ${v})` });
      return z.NEVER;
    })
    .describe('the language of channel posts and of answers when the reader has none (en default, zh-CN)'),
  RADAR_CHARTS_DIR: optionalText.describe('where the local prompt writes chart PNGs; default: ./radar-charts'),
  RADAR_TEST_CLOCK: optionalText
    .pipe(z.enum(['ipc'], "must be 'ipc' (tests only: the parent process drives the alert clock) or unset").optional())
    .describe('tests only: ipc = radar serve takes its alert clock and schedule ticks from its parent process'),
  // Red-zone alerts and digests: RADAR_ALERT_CHANNEL, RADAR_ESCALATION_CHANNEL, RADAR_MANAGERS, RADAR_DIGEST_CHANNEL, RADAR_SCAN_CRON.
  ...ALERT_CONFIG_FIELDS,
  // Zone-threshold admins and self-health: RADAR_ADMINS, RADAR_ADMIN_CHANNEL, RADAR_STALE_AFTER.
  ...ADMIN_CONFIG_FIELDS,
});

export type RadarConfig = z.infer<typeof ConfigSchema> & {
  /** RADAR_LANGUAGE: channel posts, and answers whose reader's language is not known. */
  readonly language: Locale;
};

export interface ConfigFlags {
  readonly warehouse?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv, flags: ConfigFlags = {}): RadarConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      return `${variable} ${issue.message.replace(/^Invalid input: /, '')}`;
    });
    throw new ConfigError(`Configuration problem: ${problems.join('; ')}. Fix or unset the variable and start again.`);
  }
  const config: RadarConfig = { ...parsed.data, language: parsed.data.RADAR_LANGUAGE };
  if (flags.warehouse !== undefined) config.RADAR_WAREHOUSE = flags.warehouse;
  return config;
}

/** Slack mode needs a bot token plus either a signing secret (HTTP) or an app token (Socket Mode). */
export function slackMode(config: RadarConfig): 'local' | 'http' | 'socket' {
  if (!config.SLACK_BOT_TOKEN) {
    if (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) {
      throw new ConfigError(
        "SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-…) from the app's OAuth page, or unset the other SLACK_* variables to run locally.",
      );
    }
    return 'local';
  }
  if (config.SLACK_APP_TOKEN) return 'socket';
  if (!config.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET is missing: set it from the app's Basic Information page (HTTP mode), or set SLACK_APP_TOKEN for Socket Mode.",
    );
  }
  return 'http';
}

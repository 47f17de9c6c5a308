import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

/** Slack tokens (bot, user, app-level, config, refresh) as they appear inside free text. */
const TOKEN_PATTERN = /\bx(?:ox[abeprs]|app)-[A-Za-z0-9-]+/g;

/**
 * Object paths pino replaces with `[redacted]` before a line is written. Covers our own config object, Bolt and
 * WebClient option objects, and HTTP headers, at the top level and one level down.
 */
export const REDACTED_PATHS: readonly string[] = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'headers.authorization',
  'headers["x-slack-signature"]',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.SLACK_APP_TOKEN',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.authorization',
  '*.headers.authorization',
];

/** Replaces anything shaped like a Slack token in a string; for messages that are not structured. */
export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]');
}

export interface LoggerSettings {
  readonly level: LoggerOptions['level'];
  /** Where lines go; stdout unless given (tests pass a stream they read). */
  readonly destination?: DestinationStream;
}

/**
 * Radar's one logger: JSON lines (pino), secrets redacted by path, and token-shaped substrings scrubbed from every
 * string argument, so a token that slips into an error message is not written either.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { app: 'radar' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (error: unknown) => {
        const serialized = pino.stdSerializers.err(error as Error);
        return { ...serialized, message: scrubSecrets(serialized.message), stack: scrubSecrets(serialized.stack) };
      },
    },
  };
  return settings.destination === undefined ? pino(options) : pino(options, settings.destination);
}

/** How a request ended, as the per-request log line and the tests name it. */
export type RequestOutcome = 'answered' | 'usage' | 'data_error' | 'delivery_failed' | 'internal_error';

export interface RequestLogLine {
  readonly command: string;
  readonly user: string;
  readonly channel: string;
  readonly durationMs: number;
  readonly outcome: RequestOutcome;
  /** Slack or Radar error code when the outcome is not `answered`. */
  readonly code?: string;
  readonly private?: boolean;
}

/** The one line per request: command, user, channel, duration and outcome. */
export function logRequest(logger: Logger, line: RequestLogLine): void {
  const level = line.outcome === 'internal_error' || line.outcome === 'delivery_failed' ? 'warn' : 'info';
  logger[level]({ request: line }, `${line.command} ${line.outcome} in ${line.durationMs} ms`);
}

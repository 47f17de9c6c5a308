import type { Locale } from './i18n/locale.js';
import type { MessageKey, MessageValues } from './i18n/translate.js';
import { translator } from './i18n/translate.js';

/**
 * A message kept as a catalogue key and its values rather than as a sentence, so an error raised where the reader's
 * language is unknown (the data layer, a worker thread) is still shown in that language where it is presented.
 */
export interface LocalizedText {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

/**
 * Every failure a user can cause or fix is a RadarError: it carries a stable `code` for
 * tests and logs, and a `userMessage` that says what is wrong and what to do. Anything
 * else reaching the top level is a bug and is reported as one, never as a stack trace.
 */
export abstract class RadarError extends Error {
  abstract readonly code: string;
  /** Exit code the CLI uses: 2 for bad input the user can correct, 1 for data problems. */
  readonly exitCode: number = 1;
  /** Present when the message comes from the catalogues; `userMessage` is then its English text (logs, tests). */
  readonly text: LocalizedText | undefined;
  readonly userMessage: string;

  constructor(message: string | LocalizedText, options?: { cause?: unknown }) {
    const english = typeof message === 'string' ? message : translator('en')(message.key, message.values);
    super(english, options);
    this.name = new.target.name;
    this.userMessage = english;
    this.text = typeof message === 'string' ? undefined : message;
  }

  /** The message in the reader's language (a message built already translated is returned as it is). */
  messageIn(locale: Locale): string {
    return this.text === undefined ? this.userMessage : translator(locale)(this.text.key, this.text.values);
  }
}

/** The command text could not be understood; the message includes the usage. */
export class UsageError extends RadarError {
  readonly code = 'usage';
  override readonly exitCode = 2;
}

/** Configuration (env vars or flags) is invalid; the message names the variable and the fix. */
export class ConfigError extends RadarError {
  readonly code = 'config';
  override readonly exitCode = 2;
}

export function isRadarError(error: unknown): error is RadarError {
  return error instanceof RadarError;
}

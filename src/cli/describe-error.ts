import { isRadarError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';

/**
 * Turns any failure into one line for a person, in their language, and an exit code. A RadarError carries its
 * own message; anything else is a bug, reported as such (the stack only with RADAR_DEBUG=1).
 */
export function describeError(error: unknown, locale: Locale = DEFAULT_LOCALE): { message: string; exitCode: number } {
  if (isRadarError(error))
    return { message: error.messageIn(locale).replace(/\s*\n\s*/g, ' — '), exitCode: error.exitCode };
  const detail = error instanceof Error ? error.message : String(error);
  if (process.env.RADAR_DEBUG === '1' && error instanceof Error && error.stack) console.error(error.stack);
  return {
    message: `Radar hit an internal error (${detail}). This is a bug; rerun with RADAR_DEBUG=1 for details and report it.`,
    exitCode: 70,
  };
}

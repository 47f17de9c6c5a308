import type Database from 'better-sqlite3';
import { cleanEmail, cleanLabel, parseInstant } from './cleaning-rule.js';

/**
 * The cleaning rule (cleaning-rule.ts) as SQLite functions, so de-duplication and joins still run in the database.
 * SQLite's own lower() folds ASCII only and trim() knows only the characters it is given; these call the very
 * TypeScript functions the rest of Radar uses. Deterministic, so SQLite may evaluate each once per row and value.
 */
export const SQL_CLEAN_EMAIL = 'radar_clean_email';
export const SQL_CLEAN_LABEL = 'radar_clean_label';
export const SQL_INSTANT_MS = 'radar_instant_ms';
/** Unicode lower case of any text (names searched case-insensitively); SQLite's lower() folds ASCII only. */
export const SQL_LOWER = 'radar_lower';

export function registerCleaningFunctions(db: Database.Database): void {
  const options = { deterministic: true, varargs: false } as const;
  db.function(SQL_CLEAN_EMAIL, options, (raw: unknown) => cleanEmail(raw));
  db.function(SQL_CLEAN_LABEL, options, (raw: unknown) => cleanLabel(raw));
  db.function(SQL_INSTANT_MS, options, (raw: unknown) => parseInstant(raw));
  db.function(SQL_LOWER, options, (raw: unknown) => (typeof raw === 'string' ? raw.toLowerCase() : raw));
}

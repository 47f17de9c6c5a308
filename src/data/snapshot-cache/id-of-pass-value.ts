import { cleanLabel } from '../cleaning-rule.js';

/**
 * The cleaned id of a value idTextOrCleanedBytesSql selected: text is cleaned by the rule (cleanLabel, what
 * cleanIdSql does to text), NULL is no id, and a BLOB is cleanIdSql's own text of a non-text id (its number-to-text
 * conversion only SQLite repeats exactly), decoded as better-sqlite3 decodes text.
 */
export function idOfTextOrCleanedBytes(value: unknown): string | null {
  if (typeof value === 'string') return cleanLabel(value);
  if (value === null || value === undefined) return null;
  return (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array)).toString('utf8');
}

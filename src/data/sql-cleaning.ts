import { quoteIdentifier } from './inspect-schema.js';
import { SQL_CLEAN_EMAIL, SQL_CLEAN_LABEL, SQL_INSTANT_MS } from './sqlite-cleaning-functions.js';

/**
 * SQL expressions that clean keys and timestamps inside SQLite, so de-duplication and joins run in the database
 * (fast at a million rows). They call the application-defined functions every Warehouse connection registers
 * (sqlite-cleaning-functions.ts), which are the TypeScript cleaning rule itself: SQL and TypeScript cannot disagree.
 */

/**
 * Text of printable ASCII without spaces: trimming cannot change it and SQLite's lower() folds it exactly as
 * Unicode lower case does, so SQL cleans it without a JavaScript call (most keys of most exports; ids every time).
 */
function plainAscii(c: string): string {
  return `typeof(${c}) = 'text' AND ${c} NOT GLOB '*[^!-~]*'`;
}

export function cleanEmailSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN ${plainAscii(c)} THEN NULLIF(lower(${c}), '') ELSE ${SQL_CLEAN_EMAIL}(${c}) END)`;
}

/** Ids compare as text: a REAL holding an integer reads as that integer, text is trimmed like a label. */
export function cleanIdSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) = 'real' AND ${c} = CAST(${c} AS INTEGER) THEN CAST(CAST(${c} AS INTEGER) AS TEXT) WHEN ${plainAscii(c)} THEN NULLIF(${c}, '') WHEN typeof(${c}) = 'text' THEN ${SQL_CLEAN_LABEL}(${c}) ELSE NULLIF(CAST(${c} AS TEXT), '') END)`;
}

/**
 * An id column for a pass that cleans text in JavaScript, in one column: the raw value when it is text (cleanLabel
 * cleans it exactly as cleanIdSql does: plain ASCII is left as it is, '' is NULL), else cleanIdSql's result (a
 * number's text is SQLite's own conversion, which only SQL repeats exactly) as a BLOB of its UTF-8 bytes, so the
 * reader tells the two apart by type (idOfTextOrCleanedBytes). It replaces a pair of columns, one of them NULL on
 * every row: at a million customers the pair cost ~0.55 µs more per customer row (2M rows with the email: 2.9–3.0 s
 * vs 1.8 s, 7 Dec), over 7.2M rows in each of two passes.
 */
export function idTextOrCleanedBytesSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) = 'text' THEN ${c} ELSE CAST(${cleanIdSql(column)} AS BLOB) END)`;
}

/**
 * Epoch milliseconds from `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or ISO 8601 (T, optional Z or offset, read as the
 * instant); zone-less values are UTC. Anything else, including a number, is NULL, and the reader counts it.
 */
export function parseTimestampSql(column: string): string {
  return `${SQL_INSTANT_MS}(${quoteIdentifier(column)})`;
}

/** A number stored as INTEGER, REAL or numeric TEXT; NULL otherwise (used for tie-breaks only). */
export function numericSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} WHEN typeof(${c}) = 'text' AND trim(${c}) <> '' AND trim(${c}) NOT GLOB '*[^0-9.+-]*' THEN CAST(trim(${c}) AS REAL) END)`;
}

import { quoteIdentifier } from './inspect-schema.js';

/**
 * SQL expressions that clean keys and timestamps inside SQLite, so de-duplication and
 * joins run in the database (fast at a million rows) with the same rules TypeScript uses.
 */

/** Space, tab, LF, CR, VT, FF and no-break space: the whitespace real exports carry around emails. */
const WHITESPACE = 'char(32, 9, 10, 13, 11, 12, 160)';

export function cleanEmailSql(column: string): string {
  return `NULLIF(lower(trim(${quoteIdentifier(column)}, ${WHITESPACE})), '')`;
}

export function cleanIdSql(column: string): string {
  const c = quoteIdentifier(column);
  return `NULLIF(CASE WHEN typeof(${c}) = 'real' AND ${c} = CAST(${c} AS INTEGER) THEN CAST(CAST(${c} AS INTEGER) AS TEXT) ELSE trim(CAST(${c} AS TEXT), ${WHITESPACE}) END, '')`;
}

/**
 * Epoch milliseconds from `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or ISO 8601 (T, optional Z or
 * offset); zone-less values are UTC. The GLOB guard stops SQLite from reading a bare number
 * as a Julian day. Anything else is NULL, and the reader counts it.
 */
export function parseTimestampSql(column: string): string {
  const c = `trim(${quoteIdentifier(column)})`;
  return `(CASE WHEN typeof(${quoteIdentifier(column)}) = 'text' AND ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN CAST(round((julianday(${c}) - 2440587.5) * 86400000.0) AS INTEGER) END)`;
}

/** A number stored as INTEGER, REAL or numeric TEXT; NULL otherwise (used for tie-breaks only). */
export function numericSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} WHEN typeof(${c}) = 'text' AND trim(${c}) <> '' AND trim(${c}) NOT GLOB '*[^0-9.+-]*' THEN CAST(trim(${c}) AS REAL) END)`;
}

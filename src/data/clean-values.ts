import { cleanEmail, cleanLabel, parseInstant } from './cleaning-rule.js';
import type { ColumnKind } from './warehouse-schema.js';

/**
 * Per-column converters applied in one pass over the rows SQLite returns. Emails and
 * timestamps arrive already cleaned by SQL (see sql-cleaning.ts) so that joins and
 * de-duplication in SQL and in TypeScript agree on the same key.
 */

/** A plain decimal or scientific number, nothing else: '0x10', '1,000' and '12abc' are not numbers. */
const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface ValueIssueCounter {
  /** Non-NULL values that could not be read as the column's kind. */
  unreadable: number;
}

export type Converter = (raw: unknown, issues: ValueIssueCounter) => string | number | null;

export function toNumber(raw: unknown, issues: ValueIssueCounter): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw;
    issues.unreadable++;
    return null;
  }
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (NUMERIC_TEXT.test(text)) return Number(text);
  }
  issues.unreadable++;
  return null;
}

/** Clean flags are numeric 0/1 or the text '0'/'1'; anything else is counted, never guessed. */
export function toFlag(raw: unknown, issues: ValueIssueCounter): 0 | 1 | null {
  if (raw === null || raw === undefined) return null;
  if (raw === 0 || raw === 1) return raw;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '0') return 0;
    if (text === '1') return 1;
  }
  issues.unreadable++;
  return null;
}

/** Labels keep their case but lose surrounding Unicode whitespace (cleaning-rule.ts); an empty label is no label. */
export function toText(raw: unknown, issues: ValueIssueCounter): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return cleanLabel(raw);
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  issues.unreadable++;
  return null;
}

/** Ids compare as text, so an id stored as the number 42 and as '42' are the same id. */
export const toId = toText;

/** Emails and timestamps were cleaned in SQL; only the empty string needs mapping to NULL here. */
function passThroughSqlCleaned(raw: unknown): string | number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return raw as string | number;
}

export function converterFor(kind: ColumnKind): Converter {
  switch (kind) {
    case 'number':
      return toNumber;
    case 'flag':
      return toFlag;
    case 'text':
      return toText;
    case 'id':
      return toId;
    case 'email':
    case 'timestamp':
      return passThroughSqlCleaned;
  }
}

/**
 * converterFor a column read raw (rowsByRowidSql): emails and timestamps cleaned here by the functions SQL would
 * have called, to the very values converterFor passes through from SQL; other kinds as converterFor.
 */
export function rawCleaningConverter(kind: ColumnKind): Converter {
  if (kind === 'email') return cleanEmail;
  if (kind === 'timestamp') return parseInstant;
  return converterFor(kind);
}

/** Parses a timestamp with the one rule SQL also applies (cleaning-rule.ts); for values that never went through SQL. */
export function parseTimestamp(raw: string): number | null {
  return parseInstant(raw);
}

/** The data date as people read it: UTC, to the minute when there is a time of day. */
export function formatDataDate(ms: number | null): string | null {
  if (ms === null) return null;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

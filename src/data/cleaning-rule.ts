/**
 * THE cleaning rule for keys, labels and timestamps (analyses.md, "Precise definitions"), defined once here.
 * Every engine expresses it behind the data layer: SQLite calls these very functions as application-defined SQL
 * functions (sqlite-cleaning-functions.ts), the snapshot cache stores what SQLite returned, and TypeScript paths
 * call them directly; email order is code-point order (src/analysis/code-point-order.ts, SQLite's BINARY collation).
 * Another engine either registers the same functions or must pass the same fixture tests.
 */

/**
 * Unicode White_Space (every one is in the BMP): tab, LF, VT, FF, CR, space, NEL, no-break space, ogham space
 * mark, U+2000–U+200A, line and paragraph separators, narrow no-break, medium mathematical and ideographic space
 * (U+3000). JavaScript's String.prototype.trim differs at the edges (it trims U+FEFF, not U+0085), so it is not
 * used; a test checks this list against \p{White_Space}. Checked by code so the common clean key costs two compares.
 */
export function isUnicodeWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function trimUnicode(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isUnicodeWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isUnicodeWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * An email key: trimmed of Unicode whitespace and lower-cased with Unicode's default, locale-independent mapping
 * (`ИВАН.ВОЛКОВ@X.RU` → `иван.волков@x.ru`, `ZOË@…` → `zoë@…`); empty → null. Numbers are not emails.
 */
export function cleanEmail(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const email = trimUnicode(raw).toLowerCase();
  return email === '' ? null : email;
}

/** A category label: trimmed of Unicode whitespace, case kept (`'Gold\u3000'` is `Gold`, `'GOLD'` is not); empty → null. */
export function cleanLabel(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const label = trimUnicode(raw);
  return label === '' ? null : label;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Epoch milliseconds of `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DD HH:MM[:SS[.fff]]` (UTC) or ISO 8601 with `T`,
 * `Z` or an offset (`+08:00`, `+0800`, `+08`), which is read as the instant it names:
 * `2024-09-30T00:00:00+08:00` is 2024-09-29 16:00 UTC, before `2024-09-30`. Anything else (including impossible
 * dates such as 2024-02-31, and values that are not text) is null, for the reader to count.
 */
export function parseInstant(raw: unknown): number | null {
  if (typeof raw !== 'string') return null;
  const plain = plainInstant(raw);
  return plain === undefined ? parseInstantByPattern(raw) : plain;
}

/** parseInstant by its pattern alone: the reference the plain shapes' shortcut is tested against. */
export function parseInstantByPattern(raw: string): number | null {
  const match = TIMESTAMP.exec(trimUnicode(raw));
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = match;
  const utc = utcOf(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (utc === null) return null;
  const millis = frac === '' ? 0 : Math.floor(Number(`0${frac}`) * 1000 + 1e-6);
  return utc + millis - offsetMinutes(zone) * 60_000;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * The shapes nearly every export writes — `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS` and the last
 * with `Z` — read by character codes, without the pattern (millions of snapshot rows per table): the instant, or
 * null for an impossible date, or undefined when the text has another shape and the pattern must decide.
 */
function plainInstant(text: string): number | null | undefined {
  const n = text.length;
  if (n !== 10 && n !== 19 && !(n === 20 && text.charCodeAt(19) === 90)) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (n === 10) return year < 0 || month < 0 || day < 0 ? undefined : utcOf(year, month, day, 0, 0, 0);
  const separator = text.charCodeAt(10);
  if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return undefined;
  }
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return utcOf(year, month, day, hour, minute, second);
}

/** The number the ASCII digits at `from` spell, or -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

/** Epoch milliseconds of a UTC date and time, or null when the date or time does not exist. */
function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  // Date.UTC would roll 2024-02-31 over to March; an export never means that.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

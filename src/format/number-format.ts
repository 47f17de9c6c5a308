/**
 * The one number formatter. Every surface (answer text, Block Kit, alert cards, digests,
 * App Home, chart titles, CSV headers) formats numbers through a `NumberFormat`, so the same
 * value reads and rounds the same way everywhere. Built on `Intl.NumberFormat`, so a locale
 * other than English is a constructor argument, not a rewrite.
 *
 * Rules (docs/glossary.md states them for people):
 * - missing or non-finite values are "n/a", never 0;
 * - counts are integers with thousands separators;
 * - money carries the currency sign, compact above 10,000 ($12.2K, $3.56M);
 * - rates and probabilities are percentages (0.385 → 38.5%; whole percent with `{ decimals: 0 }`);
 * - days are whole days;
 * - ratios have 2–3 significant digits and a "×";
 * - a value that rounds to zero is written without a sign: never "-0" or "-0%".
 */

import { catalogueOf, parseLocale } from '../i18n/locale.js';

export interface NumberFormatOptions {
  /** BCP 47 locale of the reader; `en` by default. */
  readonly locale?: string;
  /** ISO 4217 currency of money figures; USD by default. */
  readonly currency?: string;
  /** What an absent value reads as. */
  readonly missing?: string;
}

type Value = number | null | undefined;

export class NumberFormat {
  readonly locale: string;
  readonly currency: string;
  readonly missing: string;
  private readonly cache = new Map<string, Intl.NumberFormat>();

  constructor(options: NumberFormatOptions = {}) {
    this.locale = options.locale ?? 'en';
    this.currency = options.currency ?? 'USD';
    this.missing = options.missing ?? missingText(this.locale);
  }

  /** 4,734 */
  count(n: Value): string {
    if (!isPresent(n)) return this.missing;
    return this.format(Math.round(n), 'count', { maximumFractionDigits: 0 });
  }

  /** A plain number with at most `decimals` decimals (default 2), trailing zeros dropped: 3.4, 0.75, 12. */
  decimal(x: Value, decimals = 2): string {
    if (!isPresent(x)) return this.missing;
    return this.format(x, `decimal:${decimals}`, { maximumFractionDigits: decimals });
  }

  /** A number with exactly `decimals` decimals: 0.751, 3.40. For scores shown side by side in a column. */
  fixed(x: Value, decimals: number): string {
    if (!isPresent(x)) return this.missing;
    return this.format(x, `fixed:${decimals}`, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  }

  /**
   * A measurement whose precision follows its magnitude: 1,235, 12.35, 0.66, 0.012 (two significant
   * digits below 1, so small effects do not round to 0). For values with no natural unit.
   */
  number(x: Value): string {
    if (!isPresent(x)) return this.missing;
    const magnitude = Math.abs(x);
    if (magnitude >= 1000) return this.format(x, 'number:large', { maximumFractionDigits: 0 });
    if (magnitude >= 1 || magnitude === 0) return this.decimal(x, 2);
    return this.format(x, 'number:small', { maximumSignificantDigits: 2 });
  }

  /** A p-value as a statement: "p < 0.001", "p = 0.042". */
  pValue(p: Value): string {
    if (!isPresent(p)) return this.missing;
    return p < 0.001 ? 'p < 0.001' : `p = ${this.fixed(p, 3)}`;
  }

  /** Money: $950, $9,576, $12.2K, $3.56M (compact from 10,000 unless `compact: false`). */
  money(x: Value, options: { compact?: boolean } = {}): string {
    if (!isPresent(x)) return this.missing;
    const compact = options.compact ?? true;
    if (compact && Math.abs(x) >= 10_000) {
      return this.format(x, 'money:compact', {
        style: 'currency',
        currency: this.currency,
        notation: 'compact',
        maximumSignificantDigits: 3,
      });
    }
    const decimals = Math.abs(x) >= 100 ? 0 : 2;
    return this.format(x, `money:${decimals}`, {
      style: 'currency',
      currency: this.currency,
      maximumFractionDigits: decimals,
      minimumFractionDigits: 0,
    });
  }

  /** A fraction (0–1) as a percentage: 0.385 → 38.5%; `decimals` 1 by default, trailing zero dropped. */
  percent(fraction: Value, options: { decimals?: number } = {}): string {
    if (!isPresent(fraction)) return this.missing;
    const decimals = options.decimals ?? 1;
    return this.format(fraction, `percent:${decimals}`, {
      style: 'percent',
      maximumFractionDigits: decimals,
    });
  }

  /** A ratio with 2–3 significant digits and a "×": 6.64×, 0.52×, 12.5×. */
  ratio(x: Value): string {
    if (!isPresent(x)) return this.missing;
    const large = Math.abs(x) >= 100;
    const digits = large ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 };
    // The "×" is a word of the language (倍 in Chinese), so it comes from the catalogue; ICU's {value} is literal.
    const value = this.format(x, large ? 'ratio:large' : 'ratio', digits);
    return catalogueOf(parseLocale(this.locale) ?? 'en')['common.ratio'].replace('{value}', value);
  }

  /** Whole days: "423 days", "1 day". The unit is part of the formatter so every language can order it. */
  days(x: Value): string {
    if (!isPresent(x)) return this.missing;
    return this.format(Math.round(x), 'days', { style: 'unit', unit: 'day', unitDisplay: 'long' });
  }

  /** A compact count for tight places such as chart labels: 4.7K, 1.2M. */
  compact(x: Value): string {
    if (!isPresent(x)) return this.missing;
    return this.format(x, 'compact', { notation: 'compact', maximumSignificantDigits: 3 });
  }

  /** A change with its sign, formatted by `format`: +0.12, −3.4%, 0 (never "−0"). */
  signed(x: Value, format: (v: number) => string = (v) => this.decimal(v)): string {
    if (!isPresent(x)) return this.missing;
    const text = format(Math.abs(x));
    if (isZeroText(text)) return text;
    return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
  }

  private format(x: number, key: string, options: Intl.NumberFormatOptions): string {
    let formatter = this.cache.get(key);
    if (formatter === undefined) {
      formatter = new Intl.NumberFormat(this.locale, { ...options, signDisplay: 'negative' });
      this.cache.set(key, formatter);
    }
    // signDisplay 'negative' drops the sign of negative zero and of values that round to zero.
    return formatter.format(x === 0 ? 0 : x).replace('-', '−');
  }
}

/** What a missing value reads as in the locale's catalogue ("n/a", 无数据); English for a locale Radar lacks. */
function missingText(locale: string): string {
  return catalogueOf(parseLocale(locale) ?? 'en')['common.missing'];
}

function isPresent(x: Value): x is number {
  return x !== null && x !== undefined && Number.isFinite(x);
}

/** True when formatted text shows a zero amount ("0", "0%", "$0", "0.00"), so it takes no sign. */
function isZeroText(text: string): boolean {
  return !/[1-9]/.test(text);
}

/** A count with its noun: "1 customer", "4,734 customers". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`, format = numberFormat()): string {
  return `${format.count(n)} ${n === 1 ? singular : pluralForm}`;
}

const byLocale = new Map<string, NumberFormat>();

/** The shared formatter for a locale (English by default); formatters are cached per locale. */
export function numberFormat(locale = 'en'): NumberFormat {
  let format = byLocale.get(locale);
  if (format === undefined) {
    format = new NumberFormat({ locale });
    byLocale.set(locale, format);
  }
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as people read it, "16 Nov 2026" (UTC, the warehouse's clock). English uses the day-month order
 * of en-GB so the date reads the same in every English answer; other locales use their own order.
 */
export function formatDate(value: string | number | Date | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined) return missingText(locale);
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return missingText(locale);
  const key = locale === 'en' ? 'en-GB' : locale;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(key, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(ms);
}

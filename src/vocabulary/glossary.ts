import { type NumberFormat, numberFormat } from '../format/number-format.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';

/**
 * The glossary (docs/glossary.md) in code: every answer, help text, alert card, digest and App Home takes a
 * score's name, scale and number form from here, so "priority" never means two things and churn is never
 * "38.5%" on one surface and "0.39" on another. Names and scales live in the message catalogues
 * (`glossary.<term>.name|scale`); `glossaryFor(locale)` gives them in the reader's language.
 */

export interface Term {
  /** The name people read, lower case ("churn risk"). */
  readonly name: string;
  /** The scale shown with the name where it is introduced ("0–100"); empty when the form says it ($, %). */
  readonly scale: string;
  /**
   * False when the scale is shown only where the term is introduced (headings, help, titles), not after every
   * value: "priority 0.75" in a line, "priority (−0.2 to 0.8, higher = call sooner)" in a heading.
   */
  readonly scaleInLines?: boolean;
  /** The value in the glossary's form ("0.75", "25%", "$12.2K", "3.4 / 5"). */
  readonly format: (value: number | null | undefined) => string;
}

type Value = number | null | undefined;

/** Each term's number form, and whether its scale follows every value or only headings. */
const FORMS = {
  // 0.4·norm(RFM) + 0.4·norm(health) − 0.2·churn: the formula's own range, not 0–1.
  priority: { scaled: true, scaleInLines: false, format: (f: NumberFormat, x: Value) => f.fixed(x, 2) },
  investmentPriority: { scaled: false, format: (f: NumberFormat, x: Value) => f.fixed(x, 2) },
  health: {
    scaled: true,
    format: (f: NumberFormat, x: Value) =>
      x === null || x === undefined || !Number.isFinite(x) ? f.missing : `${f.fixed(x, 1)} / 5`,
  },
  engagementHealth: {
    scaled: true,
    format: (f: NumberFormat, x: Value) =>
      x === null || x === undefined || !Number.isFinite(x) ? f.missing : `${f.count(x)} / 100`,
  },
  churn: { scaled: false, format: (f: NumberFormat, x: Value) => f.percent(x, { decimals: 0 }) },
  ltv: { scaled: false, format: (f: NumberFormat, x: Value) => f.money(x) },
  // Rounded down like the zone reasons (zone-rules formatScore): a red 49.96 must not read "50".
  zoneScore: {
    scaled: true,
    format: (f: NumberFormat, x: Value) => f.decimal(x === null || x === undefined ? x : Math.floor(x * 10) / 10, 1),
  },
  productAdoption: { scaled: false, format: (f: NumberFormat, x: Value) => f.percent(x, { decimals: 0 }) },
  supportResolution: { scaled: false, format: (f: NumberFormat, x: Value) => f.percent(x, { decimals: 0 }) },
  sales: { scaled: false, format: (f: NumberFormat, x: Value) => f.money(x) },
  compositePerformance: { scaled: true, format: (f: NumberFormat, x: Value) => f.fixed(x, 2) },
  rfm: { scaled: true, format: (f: NumberFormat, x: Value) => f.fixed(x, 1) },
} as const;

export type TermId = keyof typeof FORMS;

export interface Glossary {
  readonly locale: Locale;
  readonly terms: Readonly<Record<TermId, Term>>;
  /** "zone score 49.7 (0–100)", "churn risk 25%", "priority 0.75": a value with its name (and scale where lines carry it). */
  describeValue(term: TermId, value: Value): string;
  /** "Zone score (0–100)": a column heading with its scale. */
  termHeading(term: TermId): string;
  /** "Hooli Group — arjun@hooli.com", or whichever of the two is known. */
  accountName(organisation: string | null, email: string | null): string;
}

const glossaries = new Map<Locale, Glossary>();

/** The glossary in a language: names and scales from its catalogue, numbers from its formatter. */
export function glossaryFor(locale: Locale): Glossary {
  const cached = glossaries.get(locale);
  if (cached !== undefined) return cached;
  const t = translator(locale);
  const f = numberFormat(locale);
  const terms = Object.fromEntries(
    Object.entries(FORMS).map(([id, form]) => [
      id,
      {
        name: t(`glossary.${id}.name` as MessageKey),
        scale: form.scaled ? t(`glossary.${id}.scale` as MessageKey) : '',
        ...('scaleInLines' in form ? { scaleInLines: form.scaleInLines } : {}),
        format: (x: Value) => form.format(f, x),
      } satisfies Term,
    ]),
  ) as Record<TermId, Term>;
  const glossary: Glossary = {
    locale,
    terms,
    describeValue(term, value) {
      const { name, scale, scaleInLines, format } = terms[term];
      // "3.4 / 5" and "72 / 100" carry their scale already.
      const withScale = scale !== '' && term !== 'health' && term !== 'engagementHealth' && scaleInLines !== false;
      return withScale
        ? t('glossary.valueWithScale', { name, value: format(value), scale })
        : t('glossary.value', { name, value: format(value) });
    },
    termHeading(term) {
      const { name, scale } = terms[term];
      const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
      return scale !== '' && term !== 'health' && term !== 'engagementHealth'
        ? t('glossary.headingWithScale', { name: capitalised, scale })
        : capitalised;
    },
    accountName(organisation, email) {
      if (organisation && email) return t('glossary.accountName', { organisation, email });
      return organisation ?? email ?? t('glossary.unnamedAccount');
    },
  };
  glossaries.set(locale, glossary);
  return glossary;
}

const english = glossaryFor('en');

/** The English glossary terms (alert cards, digests and App Home until they take the reader's language). */
export const TERMS = english.terms;

export function describeValue(term: TermId, value: Value, locale: Locale = 'en'): string {
  return glossaryFor(locale).describeValue(term, value);
}

export function termHeading(term: TermId, locale: Locale = 'en'): string {
  return glossaryFor(locale).termHeading(term);
}

/** Lifecycle levels spelled as in the data; the glossary lists them in this order. */
export const LIFECYCLE_LEVELS = ['Activation', 'Growth', 'Maturity', 'Retention', 'Dormant'] as const;

/** The red / yellow / green zones in words. */
export const ZONE_NAMES = { red: 'red zone', yellow: 'yellow zone', green: 'green zone' } as const;

export function accountName(organisation: string | null, email: string | null, locale: Locale = 'en'): string {
  return glossaryFor(locale).accountName(organisation, email);
}

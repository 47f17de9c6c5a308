import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './catalogues/en.js';
import { catalogueOf, type Locale } from './locale.js';

export type { MessageKey } from './catalogues/en.js';
export type { Locale } from './locale.js';

/**
 * Values a message takes. Numbers shown to people are passed already formatted by numberFormat(locale) (one
 * number formatter); a raw number is for ICU plural/select only (`{n, plural, one {…} other {…}}`).
 */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** t(key, values): the sentence in the reader's language. */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  readonly locale: Locale;
}

const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<Locale, Translate>();

/** The translator of a locale; messages are compiled once per locale and key. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (t === undefined) {
    const catalogue = catalogueOf(locale);
    const translate = (key: MessageKey, values?: MessageValues): string => {
      const id = `${locale}\u0000${key}`;
      let message = compiled.get(id);
      if (message === undefined) {
        message = new IntlMessageFormat(catalogue[key], locale, undefined, { ignoreTag: true });
        compiled.set(id, message);
      }
      return String(message.format(values as Record<string, string | number | Date> | undefined));
    };
    t = Object.assign(translate, { locale });
    translators.set(locale, t);
  }
  return t;
}

/** Category levels shown translated; the raw value stays the data (`--json`, CSV raw columns, filters). */
export const TERM_KINDS = [
  'stage',
  'tier',
  'zone',
  'route',
  'segment',
  'profitability',
  'engagement',
  'rfm',
  'model',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/**
 * A category level in the reader's language ("Growth" → 成长期), from the catalogue's `term.<kind>.<raw>` key. A level
 * the catalogue does not know (a new value in the export) is shown as the data spells it, never dropped.
 */
export function termFor(locale: Locale, kind: TermKind, rawValue: string): string {
  const key = `term.${kind}.${rawValue}`;
  return isMessageKey(key) ? translator(locale)(key) : rawValue;
}

/** True when the catalogues have this key: for ids built from data or command names (`command.priority.summary`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogueOf('en'), key);
}

import { en, type MessageKey } from './catalogues/en.js';
import { zhCN } from './catalogues/zh-cn.js';

/**
 * The languages Radar writes in, each with its one message catalogue and the language tags it answers to.
 * Adding a language is adding its catalogue file under catalogues/ and one line here; parsing, config, help and
 * the catalogue test follow from this table.
 */
const LOCALES = {
  en: { catalogue: en, matches: ([language]: readonly string[]) => language === 'en' },
  // Simplified Chinese: zh, zh-CN, zh-SG, zh-Hans(-…). Traditional (zh-TW, zh-HK, zh-MO, zh-Hant) is another written
  // form, so it is not answered in Simplified characters.
  'zh-CN': {
    catalogue: zhCN,
    matches: ([language, ...rest]: readonly string[]) =>
      language === 'zh' && !rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part)),
  },
} as const satisfies Record<string, { catalogue: Readonly<Record<MessageKey, string>>; matches: unknown }>;

export type Locale = keyof typeof LOCALES;
export const SUPPORTED_LOCALES = Object.keys(LOCALES) as readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * A language tag as people and Slack write it (en, en-US, en_GB, zh, zh-CN, zh_CN, zh-Hans, zh-SG) → the
 * supported locale it means; anything else, or nothing, → undefined.
 */
export function parseLocale(text: string | undefined): Locale | undefined {
  if (text === undefined) return undefined;
  const tag = text.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (!tag.every((part) => /^[a-z0-9]{1,8}$/.test(part))) return undefined;
  return SUPPORTED_LOCALES.find((locale) => LOCALES[locale].matches(tag));
}

/** The catalogue of a locale: every MessageKey, as ICU MessageFormat text. */
export function catalogueOf(locale: Locale): Readonly<Record<MessageKey, string>> {
  return LOCALES[locale].catalogue;
}

/** "en, zh-CN": for messages that say what may be given. */
export function supportedLocaleList(): string {
  return SUPPORTED_LOCALES.join(', ');
}

import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogueOf, SUPPORTED_LOCALES } from '../../src/i18n/locale.js';

/** Every argument a message takes, with its ICU type ("count:plural", "who:argument"), nested ones included. */
function argumentsOf(message: string): Set<string> {
  const found = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return found;
}

/** What differs between a catalogue and the reference: missing keys, extra keys, keys whose arguments differ. */
function compareCatalogues(reference: Readonly<Record<string, string>>, other: Readonly<Record<string, string>>) {
  const missing = Object.keys(reference).filter((key) => !Object.hasOwn(other, key));
  const extra = Object.keys(other).filter((key) => !Object.hasOwn(reference, key));
  const differing: string[] = [];
  for (const [key, message] of Object.entries(reference)) {
    const translated = other[key];
    if (translated === undefined) continue;
    const expected = [...argumentsOf(message)].sort().join(', ');
    const actual = [...argumentsOf(translated)].sort().join(', ');
    if (expected !== actual) differing.push(`${key}: {${expected}} vs {${actual}}`);
  }
  return { missing, extra, differing };
}

const english = catalogueOf('en');

describe('message catalogues', () => {
  it.each(SUPPORTED_LOCALES)('%s: every message is valid ICU MessageFormat', (locale) => {
    const broken = Object.entries(catalogueOf(locale)).flatMap(([key, message]) => {
      try {
        parse(message, { ignoreTag: true });
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    '%s has exactly the keys of English, each with the same placeholders and argument types',
    (locale) => {
      expect(compareCatalogues(english, catalogueOf(locale))).toEqual({ missing: [], extra: [], differing: [] });
    },
  );

  it('has no empty message', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const empty = Object.entries(catalogueOf(locale)).filter(([, message]) => message.trim() === '');
      expect(empty.map(([key]) => `${locale} ${key}`)).toEqual([]);
    }
  });

  describe('the comparison itself catches', () => {
    const reference = {
      a: 'Call {who} first',
      b: '{n, plural, one {# customer} other {# customers}}',
      c: 'as of {date}',
    };
    it('a missing key and an extra key', () => {
      const result = compareCatalogues(reference, { a: '先联系 {who}', b: '{n, plural, other {# 个客户}}', d: 'x' });
      expect(result.missing).toEqual(['c']);
      expect(result.extra).toEqual(['d']);
    });
    it('a renamed placeholder', () => {
      const result = compareCatalogues(reference, { a: '先联系 {whom}', b: '{n, plural, other {#}}', c: '{date}' });
      expect(result.differing).toEqual(['a: {who:argument} vs {whom:argument}']);
    });
    it('a placeholder whose argument type differs (plural vs plain)', () => {
      const result = compareCatalogues(reference, { a: '{who}', b: '{n} 个客户', c: '{date}' });
      expect(result.differing).toEqual(['b: {n:plural} vs {n:argument}']);
    });
    it('a placeholder nested inside a plural branch', () => {
      const result = compareCatalogues(
        { x: '{n, plural, one {one in {zone}} other {# in {zone}}}' },
        { x: '{n, plural, other {# 个}}' },
      );
      expect(result.differing).toEqual(['x: {n:plural, zone:argument} vs {n:plural}']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parseLocale, SUPPORTED_LOCALES } from '../../src/i18n/locale.js';
import { termFor, translator } from '../../src/i18n/translate.js';

describe('parseLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['EN', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    [' zh-cn ', 'zh-CN'],
  ])('%s → %s', (text, locale) => {
    expect(parseLocale(text)).toBe(locale);
  });

  it.each(['xx', 'fr-FR', 'zh-TW', 'zh-Hant', 'zh_HK', '', 'en-', 'zh CN', 'english'])(
    '%j is no supported language',
    (text) => {
      expect(parseLocale(text)).toBeUndefined();
    },
  );

  it('accepts nothing when nothing is given', () => {
    expect(parseLocale(undefined)).toBeUndefined();
  });

  it('lists English and Simplified Chinese', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'zh-CN']);
  });
});

describe('translator', () => {
  it('fills placeholders in each language', () => {
    expect(translator('en')('context.dataAsOf', { date: '16 Nov 2026' })).toBe('data as of 16 Nov 2026');
    expect(translator('zh-CN')('context.dataAsOf', { date: '2026年11月16日' })).toBe('数据截至 2026年11月16日');
  });

  it('returns the same translator for a locale (messages compiled once)', () => {
    expect(translator('zh-CN')).toBe(translator('zh-CN'));
    expect(translator('zh-CN').locale).toBe('zh-CN');
  });
});

describe('termFor', () => {
  it('translates category levels and keeps unknown levels as the data spells them', () => {
    expect(termFor('zh-CN', 'stage', 'Growth')).toBe('成长期');
    expect(termFor('zh-CN', 'zone', 'red')).toBe('红区');
    expect(termFor('zh-CN', 'tier', 'Platinum')).toBe('铂金');
    expect(termFor('en', 'stage', 'Growth')).toBe('Growth');
    expect(termFor('zh-CN', 'stage', 'Hibernation')).toBe('Hibernation');
    expect(termFor('zh-CN', 'stage', 'constructor')).toBe('constructor');
  });
});

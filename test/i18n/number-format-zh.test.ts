import { describe, expect, it } from 'vitest';
import { formatDate, numberFormat } from '../../src/format/number-format.js';

/** The one formatter in Chinese: Intl's zh-CN forms, worked out by hand from the CLDR rules. */
describe('numberFormat(zh-CN)', () => {
  const f = numberFormat('zh-CN');

  it('writes compact numbers in 万 and 亿', () => {
    expect(f.compact(123_456)).toBe('12.3万');
    expect(f.compact(120_000_000)).toBe('1.2亿');
    expect(f.compact(4_734)).toBe('4730');
  });

  it('writes compact money in 万 with the currency, plain money below 10,000', () => {
    expect(f.money(12_200)).toBe('US$1.22万');
    expect(f.money(3_560_000)).toBe('US$356万');
    expect(f.money(9_576)).toBe('US$9,576');
  });

  it('writes counts, percents, days, dates, ratios and missing values as Chinese readers do', () => {
    expect(f.count(4_734)).toBe('4,734');
    expect(f.percent(0.385)).toBe('38.5%');
    expect(f.days(423)).toBe('423天');
    expect(formatDate(Date.UTC(2026, 10, 16), 'zh-CN')).toBe('2026年11月16日');
    expect(f.ratio(5.5555)).toBe('5.56 倍');
    expect(f.count(null)).toBe('无数据');
    expect(formatDate(null, 'zh-CN')).toBe('无数据');
  });

  it('leaves English as it was', () => {
    const en = numberFormat('en');
    expect(en.compact(123_456)).toBe('123K');
    expect(en.money(12_200)).toBe('$12.2K');
    expect(en.ratio(5.5555)).toBe('5.56×');
    expect(en.count(undefined)).toBe('n/a');
  });
});

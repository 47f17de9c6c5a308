import { describe, expect, it } from 'vitest';
import { NumberFormat, numberFormat, plural } from '../../src/format/number-format.js';

describe('format/number-format', () => {
  const f = new NumberFormat();

  it('writes counts as integers with thousands separators', () => {
    expect(f.count(4734)).toBe('4,734');
    expect(f.count(4733.6)).toBe('4,734');
  });

  it('writes money with the currency sign, compact from 10,000', () => {
    expect(f.money(950)).toBe('$950');
    expect(f.money(9576.4)).toBe('$9,576');
    expect(f.money(12_234)).toBe('$12.2K');
    expect(f.money(3_564_026)).toBe('$3.56M');
    expect(f.money(12.5)).toBe('$12.5');
    expect(f.money(-96.2)).toBe('−$96.2');
  });

  it('writes rates as percentages and never "-0%"', () => {
    expect(f.percent(0.385)).toBe('38.5%');
    expect(f.percent(0.3851, { decimals: 0 })).toBe('39%');
    expect(f.percent(-0.0001)).toBe('0%');
    expect(f.percent(-0)).toBe('0%');
  });

  it('writes ratios with 2–3 significant digits and days as whole days', () => {
    expect(f.ratio(6.6412)).toBe('6.64×');
    expect(f.ratio(0.5234)).toBe('0.523×');
    expect(f.days(423.08)).toBe('423 days');
    expect(f.days(1)).toBe('1 day');
  });

  it('writes a unitless measurement with precision that follows its magnitude', () => {
    expect(f.number(1234.6)).toBe('1,235');
    expect(f.number(12.345)).toBe('12.35');
    expect(f.number(0.0123)).toBe('0.012');
    expect(f.number(-0.00001)).toBe('−0.00001');
    expect(f.number(-0)).toBe('0');
    expect(f.number(Number.NaN)).toBe('n/a');
  });

  it('writes p-values as statements and counts with their noun', () => {
    expect(f.pValue(0.0004)).toBe('p < 0.001');
    expect(f.pValue(0.04213)).toBe('p = 0.042');
    expect(f.pValue(null)).toBe('n/a');
    expect(plural(1, 'customer')).toBe('1 customer');
    expect(plural(4734, 'customer')).toBe('4,734 customers');
    expect(plural(2, 'analysis', 'analyses')).toBe('2 analyses');
  });

  it('signs changes but not zero', () => {
    expect(f.signed(0.123)).toBe('+0.12');
    expect(f.signed(-0.123)).toBe('−0.12');
    expect(f.signed(-0.0001)).toBe('0');
    expect(f.signed(-0.0004, (v) => f.percent(v))).toBe('0%');
  });

  it('says n/a for a missing value', () => {
    expect(f.count(null)).toBe('n/a');
    expect(f.percent(Number.NaN)).toBe('n/a');
    expect(f.money(undefined)).toBe('n/a');
  });

  it('follows the locale it was made for', () => {
    expect(numberFormat('zh-CN').money(122_340)).toBe('US$12.2万');
    expect(numberFormat('zh-CN').days(423)).toBe('423天');
    expect(numberFormat()).toBe(numberFormat('en'));
  });
});

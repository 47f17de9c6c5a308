import { describe, expect, it } from 'vitest';
import { axisNumberFormat, formatNumber } from '../../src/charts/format.js';

describe('charts/format', () => {
  it('writes compact numbers with k, M and B', () => {
    expect(formatNumber(0, 'compact')).toBe('0');
    expect(formatNumber(980, 'compact')).toBe('980');
    expect(formatNumber(12_500, 'compact')).toBe('12.5K');
    expect(formatNumber(1_234_567, 'compact')).toBe('1.23M');
    expect(formatNumber(2_000_000_000, 'compact')).toBe('2B');
  });

  it('goes through the shared number formatter, so a locale changes separators', () => {
    expect(formatNumber(12_345, 'integer', 'de')).toBe('12.345');
    expect(formatNumber(0.456, 'percent', 'de')).toBe('46\u00a0%');
  });

  it('writes percentages, decimals and significant digits', () => {
    expect(formatNumber(0.456, 'percent')).toBe('46%');
    expect(formatNumber(0.4567, 'decimal')).toBe('0.46');
    expect(formatNumber(1.5, 'decimal')).toBe('1.5');
    expect(formatNumber(0.04567, 'significant')).toBe('0.046');
    expect(formatNumber(12_345, 'integer')).toBe('12,345');
    expect(formatNumber(1.04567, 'significant')).toBe('1');
    expect(formatNumber(-0.001, 'decimal')).toBe('0');
    expect(formatNumber(Number.NaN, 'decimal')).toBe('n/a');
  });

  it('labels compact axes tick by tick and other axes with a d3 format', () => {
    expect(axisNumberFormat('compact')).toEqual({ labelExpr: expect.stringContaining("format(datum.value, '.3~s')") });
    expect(axisNumberFormat('percent')).toEqual({ format: '.0%' });
  });
});

import { describe, expect, it } from 'vitest';
import type { TableGap } from '../../src/analysis/table-gap.js';
import { tableGapText } from '../../src/commands/table-gap-text.js';
import { translator } from '../../src/i18n/translate.js';

const GAPS: readonly [TableGap, string, string][] = [
  [
    { code: 'no-table', table: 'customer360__mapping' },
    'the warehouse has no table customer360__mapping',
    '仓库中没有 customer360__mapping 表',
  ],
  [
    { code: 'missing-columns', table: 'customer360__conversion_funnel_analysis', columns: ['a', 'b'] },
    'customer360__conversion_funnel_analysis lacks a, b',
    'customer360__conversion_funnel_analysis 表缺少 a, b',
  ],
  [{ code: 'no-rows', table: 't' }, 't has no rows', 't 表没有记录'],
  [
    { code: 'no-keyed-rows', table: 't', key: 'primary_email' },
    'no row of t has a primary_email',
    't 表没有一条记录带有 primary_email',
  ],
];

describe('tableGapText', () => {
  it.each(GAPS)('words %j in English and in Chinese, keeping the warehouse spelling', (gap, english, chinese) => {
    expect(tableGapText(translator('en'), gap)).toBe(english);
    expect(tableGapText(translator('zh-CN'), gap)).toBe(chinese);
  });
});

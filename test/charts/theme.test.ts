import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY } from '../../src/charts/chart-fonts.js';
import { measureTextWidth } from '../../src/charts/font-metrics.js';
import { CATEGORY_PALETTE, CHART_SIZE, withTheme, ZONE_COLOR_SCALE, ZONE_COLORS } from '../../src/charts/theme.js';

const bar: TopLevelSpec = {
  data: { values: [{ a: 'x', b: 1 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
};

describe('charts/theme', () => {
  it('sizes single views to the default chart size and embeds the theme', () => {
    const themed = withTheme(bar) as Record<string, unknown> & TopLevelSpec;
    expect([themed.width, themed.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(themed.config?.font).toBe(CHART_FONT_FAMILY);
    expect(themed.config?.autosize).toEqual({ type: 'fit', contains: 'padding' });
    expect(themed.config?.range?.category).toEqual([...CATEGORY_PALETTE]);
  });

  it("keeps the spec's own size and config over the theme", () => {
    const themed = withTheme({ ...bar, width: 300, config: { title: { fontSize: 20 } } }) as Record<string, unknown> &
      TopLevelSpec;
    expect(themed.width).toBe(300);
    expect(themed.config?.title?.fontSize).toBe(20);
    expect(themed.config?.title?.fontWeight).toBe(700);
  });

  it('leaves concatenated views to size themselves', () => {
    const concat = { hconcat: [bar, bar] } as unknown as TopLevelSpec;
    expect('width' in withTheme(concat)).toBe(false);
  });

  it('pins each zone to one colour', () => {
    expect(ZONE_COLOR_SCALE).toEqual({
      domain: ['red', 'yellow', 'green'],
      range: [ZONE_COLORS.red, ZONE_COLORS.yellow, ZONE_COLORS.green],
    });
    expect(new Set(Object.values(ZONE_COLORS)).size).toBe(3);
  });
});

describe('charts/font-metrics', () => {
  it('measures with the real fonts: CJK is one em, Hangul 0.92 em, Latin narrower, bold wider', () => {
    expect(measureTextWidth('华东区', { fontSize: 10 })).toBeCloseTo(30, 5);
    // Noto Sans KR's Hangul syllables are 0.92 em wide: read from the font, not assumed.
    expect(measureTextWidth('서울', { fontSize: 10 })).toBeCloseTo(18.4, 5);
    const regular = measureTextWidth('North America', { fontSize: 13 });
    // vega's fallback estimate would be 0.8 × 13 chars × 13 px ≈ 135 px.
    expect(regular).toBeGreaterThan(70);
    expect(regular).toBeLessThan(100);
    expect(measureTextWidth('North America', { fontSize: 13, fontWeight: 700 })).toBeGreaterThan(regular);
  });
});

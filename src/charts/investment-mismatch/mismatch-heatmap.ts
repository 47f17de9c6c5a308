import type { TopGroupContrast } from '../../analysis/investment-mismatch/top-group-contrast.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { chartWords } from '../chart-words.js';
import { formatNumber } from '../format.js';
import { DIVERGING_SCHEME, heatmapLayers } from '../heatmap-cells.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { label, orderSizeTiers, SCHEMA } from './chart-parts.js';

/**
 * The lead /investment-mismatch chart: the share of each industry × size cell's top-priority
 * customers who are mismatched, on a diverging scale centred on the whole top group's rate
 * (the stated reference, marked in the legend), 0–100% so a 13-point excess looks like 13
 * points. Cells under the minimum n are grey and still show their rate and n.
 */
export function buildMismatchHeatmap(
  top: TopGroupContrast,
  minCellSize: number,
  locale: Locale = 'en',
): ChartDefinition | null {
  const overall = top.overallRate;
  if (overall === null || top.cells.length === 0) return null;
  const words = chartWords(locale);
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const values = top.cells.map((c) => ({
    industry: label(c.industry),
    size: c.sizeTier,
    rate: c.mismatchRate,
    small: c.n < minCellSize,
    text: `${pct(c.mismatchRate)}\nn ${count(c.n)}`,
    // The ends of the diverging scheme are dark: white text there.
    dark: c.n >= minCellSize && Math.abs(c.mismatchRate - overall) > 0.3,
  }));
  const reportable = top.cells.filter((c) => c.n >= minCellSize);
  const worst = reportable[0];
  const n = top.cells.reduce((sum, c) => sum + c.n, 0);
  const title = !worst
    ? `No industry × size cell has ${minCellSize}+ top-priority customers; ${pct(overall)} are mismatched overall`
    : worst.mismatchRate > overall
      ? `${worst.industry} × ${worst.sizeTier} is the most mismatched: ${pct(worst.mismatchRate)} of ${count(worst.n)} top-priority customers vs ${pct(overall)} overall`
      : `No industry × size cell with ${minCellSize}+ top-priority customers exceeds the ${pct(overall)} overall mismatch rate`;
  const industries = [...new Set(top.cells.map((c) => c.industry))].sort();
  const spec = {
    $schema: SCHEMA,
    title: chartTitle(title, [
      `Top-priority customers (top 30%) with an industry and size, n = ${count(n)}; cell = share mismatched (bottom half on performance) and n`,
      `Colour centred on the top-group rate ${pct(overall)}; ${words.smallCell(minCellSize)}`,
    ]),
    data: { values },
    height: Math.max(240, industries.length * 56),
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      x: {
        field: 'size',
        type: 'ordinal',
        sort: orderSizeTiers(top.cells.map((c) => c.sizeTier)),
        title: 'Company size',
        axis: { orient: 'top', labelAngle: 0 },
      },
      y: { field: 'industry', type: 'ordinal', sort: industries.map(label), title: null },
    },
    layer: heatmapLayers(
      {
        field: 'rate',
        title: 'Share mismatched',
        scale: { scheme: DIVERGING_SCHEME, domain: [0, 1], domainMid: overall },
        legend: {
          orient: 'bottom',
          direction: 'horizontal',
          format: '.0%',
          gradientLength: 360,
          values: [0, overall, 1],
        },
      },
      'datum.dark',
      { baseline: 'middle', dy: -8 },
    ),
  };
  return {
    id: 'mismatch-by-industry-size',
    title,
    altText: `${title}. Grey cells have fewer than ${minCellSize} top-priority customers.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

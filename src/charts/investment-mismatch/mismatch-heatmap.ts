import type { TopGroupContrast } from '../../analysis/investment-mismatch/top-group-contrast.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
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
  const t = translator(locale);
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
    ? t('chart.mismatch.titleNoCell', { min: minCellSize, overall: pct(overall) })
    : worst.mismatchRate > overall
      ? t('chart.mismatch.titleWorst', {
          industry: worst.industry,
          size: worst.sizeTier,
          rate: pct(worst.mismatchRate),
          n: count(worst.n),
          overall: pct(overall),
        })
      : t('chart.mismatch.titleNone', { min: minCellSize, overall: pct(overall) });
  const industries = [...new Set(top.cells.map((c) => c.industry))].sort();
  const spec = {
    $schema: SCHEMA,
    title: chartTitle(title, [
      t('chart.mismatch.subtitle', { n: count(n) }),
      t('chart.mismatch.subtitle2', { overall: pct(overall), small: words.smallCell(minCellSize) }),
    ]),
    data: { values },
    height: Math.max(240, industries.length * 56),
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      x: {
        field: 'size',
        type: 'ordinal',
        sort: orderSizeTiers(top.cells.map((c) => c.sizeTier)),
        title: t('chart.mismatch.xAxis'),
        axis: { orient: 'top', labelAngle: 0 },
      },
      y: { field: 'industry', type: 'ordinal', sort: industries.map(label), title: null },
    },
    layer: heatmapLayers(
      {
        field: 'rate',
        title: t('chart.mismatch.legend'),
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
    altText: t('chart.mismatch.alt', { title, min: minCellSize }),
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

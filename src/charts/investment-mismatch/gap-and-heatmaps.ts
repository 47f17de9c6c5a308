import type { IndustrySizeGrid } from '../../analysis/investment-mismatch/industry-size-grid.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';
import { buildHeatmap, label, roiLabel, SCHEMA } from './chart-parts.js';

/** §1 charts over all valid customers: the priority–performance gap by industry and the three heatmaps. */

const DIRECTIONS = [
  { label: 'Priority above performance', color: CATEGORY_PALETTE[3] },
  { label: 'Performance above priority', color: CATEGORY_PALETTE[0] },
] as const;

export function buildIndustryGapChart(grid: IndustrySizeGrid): ChartDefinition | null {
  if (grid.industryGaps.length === 0) return null;
  const n = grid.industryGaps.reduce((sum, g) => sum + g.n, 0);
  const values = grid.industryGaps.map((g) => ({
    industry: label(g.industry),
    gap: g.medianGap,
    direction: g.medianGap > 0 ? 'Priority above performance' : 'Performance above priority',
    text: `${formatNumber(g.medianGap, 'decimal')} (n ${formatNumber(g.n, 'integer')})`,
  }));
  const gaps = values.map((v) => v.gap);
  const span = Math.max(0.05, ...gaps.map(Math.abs));
  const title = `Priority − performance gap by industry (n = ${formatNumber(n, 'integer')})`;
  const worst = grid.industryGaps[0];
  const spec = {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: [
        'Median of norm(priority) − composite per customer, both min-max scaled to 0–1',
        'Above 0: prioritised beyond performance; below 0: performing beyond priority',
      ],
    },
    data: { values },
    encoding: {
      y: { field: 'industry', type: 'nominal', sort: values.map((v) => v.industry), title: null },
      x: {
        field: 'gap',
        type: 'quantitative',
        title: 'Median gap (normalised units, 0–1 scale)',
        scale: { domain: [Math.min(0, ...gaps) - span * 0.45, Math.max(0, ...gaps) + span * 0.45], nice: false },
        axis: { format: '.2~f' },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          color: {
            field: 'direction',
            type: 'nominal',
            title: null,
            scale: {
              domain: DIRECTIONS.filter((d) => values.some((v) => v.direction === d.label)).map((d) => d.label),
              range: DIRECTIONS.filter((d) => values.some((v) => v.direction === d.label)).map((d) => d.color),
            },
          },
        },
      },
      { mark: { type: 'rule', color: '#1F1F1F' }, encoding: { x: { datum: 0 }, y: null } },
      {
        mark: {
          type: 'text',
          align: { expr: "datum.gap < 0 ? 'right' : 'left'" },
          dx: { expr: 'datum.gap < 0 ? -4 : 4' },
        },
        encoding: { text: { field: 'text' } },
      },
    ],
  };
  return {
    id: 'priority-gap-by-industry',
    title,
    altText: worst
      ? `${worst.industry} is prioritised furthest beyond its performance: median gap ${formatNumber(worst.medianGap, 'decimal')} on the normalised scale.`
      : 'No industry to show.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

type Metric = 'roi' | 'adoption' | 'support';

const METRICS: Readonly<
  Record<Metric, { id: string; name: string; legend: string; scheme: string; format: string; subtitle: string }>
> = {
  roi: {
    id: 'roi-median-heatmap',
    name: 'Median ROI',
    legend: 'Median ROI (×)',
    scheme: 'blues',
    format: '.2~r',
    subtitle: 'ROI = lifetime value / acquisition cost, winsorised P1–P99; each cell: median and its n',
  },
  adoption: {
    id: 'adoption-heatmap',
    name: 'Mean product adoption',
    legend: 'Adoption rate',
    scheme: 'greens',
    format: '.0%',
    subtitle: 'product_adoption_rate, mean per cell; each cell: mean and its n',
  },
  support: {
    id: 'support-heatmap',
    name: 'Mean support resolution',
    legend: 'Resolution efficiency',
    scheme: 'purples',
    format: '.0%',
    subtitle: 'support_resolution_efficiency, mean per cell; each cell: mean and its n',
  },
};

export function buildGridHeatmap(grid: IndustrySizeGrid, metric: Metric): ChartDefinition | null {
  const cells = grid.cells.filter((c) => (metric === 'roi' ? c.medianRoi !== null : true));
  if (cells.length === 0) return null;
  const m = METRICS[metric];
  const n = cells.reduce((sum, c) => sum + (metric === 'roi' ? c.roiN : c.n), 0);
  const metricValue = (c: (typeof cells)[number]) =>
    metric === 'roi' ? c.medianRoi : metric === 'adoption' ? c.meanAdoption : c.meanSupport;
  const best = [...cells].sort((a, b) => (metricValue(b) ?? 0) - (metricValue(a) ?? 0))[0];
  const title = `${m.name} by industry × size (n = ${formatNumber(n, 'integer')})`;
  return buildHeatmap({
    id: m.id,
    title,
    subtitle: m.subtitle,
    legendTitle: m.legend,
    scheme: m.scheme,
    legendFormat: m.format,
    industries: grid.industryGaps.map((g) => g.industry),
    cells: cells.map((c) => {
      const value = metricValue(c);
      return {
        industry: c.industry,
        sizeTier: c.sizeTier,
        value,
        n: metric === 'roi' ? c.roiN : c.n,
        valueText: metric === 'roi' ? roiLabel(value) : value === null ? 'n/a' : formatNumber(value, 'percent'),
      };
    }),
    altText: best
      ? `Highest ${m.name.toLowerCase()}: ${best.industry} × ${best.sizeTier} (${metric === 'roi' ? roiLabel(metricValue(best)) : formatNumber(metricValue(best) ?? 0, 'percent')}).`
      : 'No cell to show.',
  });
}

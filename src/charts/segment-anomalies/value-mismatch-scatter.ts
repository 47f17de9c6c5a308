import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { ChartDefinition } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { SCATTER_POINT_LIMIT, sampleForScatter } from '../sample-points.js';
import { ANOMALY_COLOR_SCALE, chart, count, directionLabel } from './chart-parts.js';

/** Above this |r| the score and revenue agree so closely that the scatter is a line. */
export const NOTHING_TO_SHOW_R = 0.95;

/** r when the score and revenue move together so closely (|r| ≥ NOTHING_TO_SHOW_R) that the scatter is a line. */
export function scoreTracksRevenue(result: SegmentAnomaliesResult): number | null {
  const c = result.revenueScoreCorrelation;
  return c.kind === 'ok' && Math.abs(c.r) >= NOTHING_TO_SHOW_R ? c.r : null;
}

/**
 * z(score) against z(revenue): customers on the dashed y = x line have the score their revenue
 * implies; the distance from it is the value mismatch. The solid line is the least-squares fit.
 */
export function buildValueMismatchScatter(result: SegmentAnomaliesResult): ChartDefinition | null {
  const { points } = result;
  const complete: number[] = [];
  for (let i = 0; i < result.n; i++) {
    if (!Number.isNaN(points.zScore[i] as number) && !Number.isNaN(points.zRevenue[i] as number)) complete.push(i);
  }
  if (complete.length < 2) return null;
  const c = result.revenueScoreCorrelation;
  // With |r| this high every point sits on the line: the chart would show nothing the text
  // does not say in one number, so it is not drawn (analysis-design: a chart that shows nothing).
  if (scoreTracksRevenue(result) !== null) return null;
  const shown = sampleForScatter(complete, SCATTER_POINT_LIMIT);
  const values = shown.map((i) => ({
    zScore: points.zScore[i],
    zRevenue: points.zRevenue[i],
    kind: directionLabel(points.direction[i] as number),
  }));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sx = 0;
  let sy = 0;
  for (const i of complete) {
    const x = points.zScore[i] as number;
    const y = points.zRevenue[i] as number;
    lo = Math.min(lo, x, y);
    hi = Math.max(hi, x, y);
    sx += x;
    sy += y;
  }
  const mx = sx / complete.length;
  const my = sy / complete.length;
  let sxy = 0;
  let sxx = 0;
  for (const i of complete) {
    const dx = (points.zScore[i] as number) - mx;
    sxy += dx * ((points.zRevenue[i] as number) - my);
    sxx += dx * dx;
  }
  const identity = [
    { x: lo, y: lo },
    { x: hi, y: hi },
  ];
  const fit = sxx > 0 ? [lo, hi].map((x) => ({ x, y: my + (sxy / sxx) * (x - mx) })) : [];
  const rText =
    c.kind === 'ok'
      ? `Pearson r = ${formatNumber(c.r, 'decimal')} (n = ${count(c.n)})`
      : c.kind === 'constant'
        ? 'r undefined (a constant column)'
        : `too few rows for r (n = ${c.n})`;
  const sampled =
    shown.length < complete.length
      ? `; ${count(shown.length)} of ${count(complete.length)} shown (deterministic sample)`
      : '';
  const title =
    c.kind === 'ok'
      ? `Customer score ${Math.abs(c.r) >= 0.5 ? 'tracks' : 'barely tracks'} revenue (r = ${formatNumber(c.r, 'decimal')}); anomalies sit on both sides of the line`
      : 'Customer score against revenue';
  const axis = (field: string, t: string) => ({
    field,
    type: 'quantitative',
    title: t,
    scale: { domain: [Math.floor(lo), Math.ceil(hi)] },
  });
  return chart(
    'score-vs-revenue',
    title,
    [
      `All ${count(complete.length)} customers with both values`,
      `${rText}; dashed line = score matches revenue; grey = fitted line${sampled}`,
    ],
    `Comprehensive score against total revenue in standard deviations: ${rText}.`,
    {
      layer: [
        {
          data: { values: fit },
          mark: { type: 'line', color: '#8C8C8C', strokeWidth: 4 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
        {
          data: { values },
          mark: { type: 'circle', size: 40 },
          encoding: {
            x: axis('zScore', 'Customer score (standard deviations from the mean)'),
            y: axis('zRevenue', 'Total revenue (standard deviations from the mean)'),
            color: { field: 'kind', type: 'nominal', title: null, scale: ANOMALY_COLOR_SCALE },
          },
        },
        {
          data: { values: identity },
          mark: { type: 'line', strokeDash: [6, 4], color: '#1F1F1F', strokeWidth: 2 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
      ],
    },
  );
}

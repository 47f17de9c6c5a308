import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { SCATTER_POINT_LIMIT, sampleForScatter } from '../sample-points.js';
import { anomalyWords, chart, count } from './chart-parts.js';

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
export function buildValueMismatchScatter(
  result: SegmentAnomaliesResult,
  locale: Locale = 'en',
): ChartDefinition | null {
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
  const t = translator(locale);
  const words = anomalyWords(locale);
  const num = (x: number) => count(x, locale);
  const values = shown.map((i) => ({
    zScore: points.zScore[i],
    zRevenue: points.zRevenue[i],
    kind: words.label(points.direction[i] as number),
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
      ? t('chart.fit.rOk', { r: formatNumber(c.r, 'decimal', locale), n: num(c.n) })
      : c.kind === 'constant'
        ? t('chart.fit.rConstant')
        : t('chart.fit.rFew', { n: String(c.n) });
  const sampled =
    shown.length < complete.length ? t('chart.fit.sampled', { shown: num(shown.length), n: num(complete.length) }) : '';
  const title =
    c.kind === 'ok'
      ? t('chart.fit.title', {
          tracks: Math.abs(c.r) >= 0.5 ? 'yes' : 'no',
          r: formatNumber(c.r, 'decimal', locale),
        })
      : t('chart.fit.titlePlain');
  const axis = (field: string, axisTitle: string) => ({
    field,
    type: 'quantitative',
    title: axisTitle,
    scale: { domain: [Math.floor(lo), Math.ceil(hi)] },
  });
  return chart(
    'score-vs-revenue',
    title,
    [t('chart.fit.subtitle', { n: num(complete.length) }), t('chart.fit.subtitle2', { r: rText, sampled })],
    t('chart.fit.alt', { r: rText }),
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
            x: axis('zScore', t('chart.fit.xAxis')),
            y: axis('zRevenue', t('chart.fit.yAxis')),
            color: { field: 'kind', type: 'nominal', title: null, scale: words.scale },
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

import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition } from '../chart-definition.js';
import { SCATTER_POINT_LIMIT, sampleStratified } from '../sample-points.js';
import { anomalyWords, chart, count as countIn, label, percent as percentIn } from './chart-parts.js';

/**
 * Every customer's retention in its segment's column, coloured by anomaly direction, over a
 * band of ± threshold around the segment mean: the anomalies are the points outside the band.
 */
export function buildRetentionBySegmentChart(
  result: SegmentAnomaliesResult,
  locale: Locale = 'en',
): ChartDefinition | null {
  if (result.n === 0) return null;
  const t = translator(locale);
  const words = anomalyWords(locale);
  const count = (n: number) => countIn(n, locale);
  const percent = (rate: number) => percentIn(rate, locale);
  const { points } = result;
  const order = result.segments.map((s) => [label(termFor(locale, 'profitability', s.segment)), `n ${count(s.n)}`]);
  const position = new Map(result.segments.map((s, index) => [s.segment, index]));
  // Sampled per anomaly direction, so the few anomalies keep their points among many normals.
  const { rows: indices, strata } = sampleStratified(
    Array.from({ length: result.n }, (_, i) => i),
    (i) => String(points.direction[i]),
    SCATTER_POINT_LIMIT,
  );
  // Segments sit at x = 0, 1, 2…; a fixed golden-ratio jitter spreads each column's points the
  // same way every time (a band scale with xOffset cannot share its axis with the mean bands).
  const values = indices.map((i) => ({
    x: (position.get(points.segment[i] as string) ?? 0) + (((i * 0.618034) % 1) - 0.5) * 0.6,
    retention: points.retention[i],
    kind: words.label(points.direction[i] as number),
  }));
  const bands = result.segments.map((s, index) => ({
    left: index - 0.4,
    right: index + 0.4,
    mean: s.meanRetention,
    low: Math.max(0, s.meanRetention - result.threshold),
    high: Math.min(1, s.meanRetention + result.threshold),
  }));
  const groups = strata.map((s) =>
    t('chart.retention.sampledGroup', {
      shown: count(s.shown),
      total: count(s.total),
      group: words.short(Number(s.group)),
    }),
  );
  const sampled =
    indices.length < result.n
      ? t('chart.retention.sampled', { shown: count(indices.length), n: count(result.n), groups: groups.join(', ') })
      : '';
  const points15 = count(result.threshold * 100);
  const title = t('chart.retention.title', {
    anomalies: count(result.anomalies),
    n: count(result.n),
    share: percent(result.anomalies / result.n),
    points: points15,
  });
  const subtitle = [
    t('chart.retention.subtitle', { n: count(result.n) }),
    t('chart.retention.band', { points: points15, sampled }),
  ];
  const x = {
    field: 'left',
    type: 'quantitative',
    title: t('chart.retention.xAxis'),
    scale: { domain: [-0.5, order.length - 0.5], nice: false, zero: false },
    axis: {
      values: order.map((_, index) => index),
      labelExpr: `${JSON.stringify(order)}[datum.value]`,
      labelOverlap: false,
      grid: false,
      ticks: false,
    },
  };
  const y = {
    type: 'quantitative',
    title: t('chart.retention.yAxis'),
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  return chart(
    'retention-by-segment',
    title,
    subtitle,
    t('chart.retention.alt', { anomalies: count(result.anomalies), n: count(result.n), threshold: result.threshold }),
    {
      height: 340,
      layer: [
        {
          data: { values: bands },
          mark: { type: 'rect', color: '#E3E3E3' },
          encoding: { x, x2: { field: 'right' }, y: { ...y, field: 'low' }, y2: { field: 'high' } },
        },
        {
          data: { values: bands },
          mark: { type: 'rule', color: '#1F1F1F', strokeWidth: 2.5 },
          encoding: { x, x2: { field: 'right' }, y: { ...y, field: 'mean' } },
        },
        {
          data: { values },
          mark: { type: 'point', size: 44, fillOpacity: 0.85 },
          encoding: {
            x: { ...x, field: 'x' },
            y: { ...y, field: 'retention' },
            color: {
              field: 'kind',
              type: 'nominal',
              title: null,
              scale: words.scale,
              legend: { columns: 2 },
            },
          },
        },
      ],
    },
  );
}

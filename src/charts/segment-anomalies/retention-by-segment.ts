import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { ChartDefinition } from '../chart-definition.js';
import { SCATTER_POINT_LIMIT, sampleStratified } from '../sample-points.js';
import { ANOMALY_COLOR_SCALE, chart, count, directionLabel, label, percent } from './chart-parts.js';

/**
 * Every customer's retention in its segment's column, coloured by anomaly direction, over a
 * band of ± threshold around the segment mean: the anomalies are the points outside the band.
 */
export function buildRetentionBySegmentChart(result: SegmentAnomaliesResult): ChartDefinition | null {
  if (result.n === 0) return null;
  const { points } = result;
  const order = result.segments.map((s) => [label(s.segment), `n ${count(s.n)}`]);
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
    kind: directionLabel(points.direction[i] as number),
  }));
  const bands = result.segments.map((s, index) => ({
    left: index - 0.4,
    right: index + 0.4,
    mean: s.meanRetention,
    low: Math.max(0, s.meanRetention - result.threshold),
    high: Math.min(1, s.meanRetention + result.threshold),
  }));
  const sampled =
    indices.length < result.n
      ? `; ${count(indices.length)} of ${count(result.n)} shown, sampled per group (${strata.map((s) => `${count(s.shown)} of ${count(s.total)} ${directionLabel(Number(s.group)).replace('Anomaly: ', '').toLowerCase()}`).join(', ')})`
      : '';
  const points15 = count(result.threshold * 100);
  const title = `${count(result.anomalies)} of ${count(result.n)} customers (${percent(result.anomalies / result.n)}) retain more than ${points15} points away from their segment's mean`;
  const subtitle = [
    `All ${count(result.n)} customers by profitability segment; dot = one customer's retention probability`,
    `Grey band = segment mean (black line) ± ${points15} points${sampled}`,
  ];
  const x = {
    field: 'left',
    type: 'quantitative',
    title: 'Profitability segment (highest mean retention first)',
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
    title: 'Retention probability (%)',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  return chart(
    'retention-by-segment',
    title,
    subtitle,
    `${count(result.anomalies)} of ${count(result.n)} customers retain more than ${result.threshold} from their segment mean.`,
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
              scale: ANOMALY_COLOR_SCALE,
              legend: { columns: 2 },
            },
          },
        },
      ],
    },
  );
}

import { CORRELATION_METRICS, type ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { axisNumberFormat, formatNumber } from '../format.js';
import { cellLabelColor } from '../heatmap-cells.js';
import { sampleForScatter } from '../sample-points.js';
import { withTheme } from '../theme.js';
import { SCHEMA, segmentScale } from './segment-colors.js';

const NAMES: Readonly<Record<(typeof CORRELATION_METRICS)[number], string>> = {
  health: 'Health',
  churn: 'Churn',
  ltv: 'LTV',
  revenue: 'Revenue',
  rfm: 'RFM composite',
};

const themed = (spec: object) => withTheme(spec as unknown as TopLevelSpec);

export function rfmLtvScatterChart(result: ValueSegmentsResult): ChartDefinition {
  const { points, correlation, regression } = result.rfmLtv;
  const shown = sampleForScatter(points);
  const n = points.length;
  const rText =
    correlation.kind === 'ok'
      ? `r = ${formatNumber(correlation.r, 'decimal')} (n = ${formatNumber(n, 'integer')})`
      : `r not available (${correlation.kind === 'constant' ? 'a constant column' : 'too few rows'})`;
  const sampled =
    shown.length < n
      ? `${formatNumber(shown.length, 'integer')} of ${formatNumber(n, 'integer')} points shown (a fixed sample)`
      : null;
  const xs = points.map((p) => p.rfm);
  const line =
    regression && xs.length > 0
      ? // A loop, not Math.min(...xs): spreading a million points overflows the call stack.
        [xs.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b))].map((x) => ({
          x,
          y: regression.intercept + regression.slope * x,
        }))
      : [];
  const title = `RFM composite vs estimated LTV (n = ${formatNumber(n, 'integer')} customers)`;
  return {
    id: 'value-rfm-ltv-scatter',
    title,
    altText: `Scatter of RFM composite against LTV coloured by segment, with a least-squares line; ${rText}.`,
    spec: themed({
      $schema: SCHEMA,
      // Two subtitle lines, so neither is cut off at the chart's width.
      title: {
        text: title,
        subtitle: [`${rText}; dashed line = least squares on all rows`, ...(sampled === null ? [] : [sampled])],
      },
      layer: [
        {
          data: { values: shown.map((p) => ({ rfm: p.rfm, ltv: p.ltv, group: p.segment })) },
          mark: { type: 'circle', size: 30 },
          encoding: {
            x: {
              field: 'rfm',
              type: 'quantitative',
              title: 'RFM composite (mean of R, F, M; 1–5)',
              scale: { zero: false },
            },
            y: { field: 'ltv', type: 'quantitative', title: 'Estimated LTV ($)', axis: axisNumberFormat('compact') },
            color: { field: 'group', title: 'Segment', scale: segmentScale(['HV', 'SMB', 'Other']) },
          },
        },
        {
          data: { values: line },
          mark: { type: 'line', color: '#1F1F1F', strokeDash: [6, 4] },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
      ],
    }),
  };
}

export function correlationHeatmapChart(result: ValueSegmentsResult): ChartDefinition {
  const all = result.groups.find((g) => g.group === 'All');
  const n = all?.completeCases ?? 0;
  const rOf = new Map<string, number | null>();
  for (const c of all?.correlations ?? []) {
    const r = c.correlation.kind === 'ok' ? c.correlation.r : null;
    rOf.set(`${c.a}|${c.b}`, r);
    rOf.set(`${c.b}|${c.a}`, r);
  }
  const values = CORRELATION_METRICS.flatMap((a) =>
    CORRELATION_METRICS.map((b) => {
      const r = a === b ? (n >= 3 ? 1 : null) : (rOf.get(`${a}|${b}`) ?? null);
      return {
        a: NAMES[a],
        b: NAMES[b],
        r,
        label: `${r === null ? 'n/a' : formatNumber(r, 'decimal')}\nn = ${formatNumber(n, 'integer')}`,
      };
    }),
  );
  const order = CORRELATION_METRICS.map((m) => NAMES[m]);
  const title = `Correlations of health, churn, LTV, revenue and RFM (n = ${formatNumber(n, 'integer')})`;
  return {
    id: 'value-correlation-heatmap',
    title,
    altText: 'Heatmap of Pearson correlations between health, churn, LTV, revenue and RFM composite.',
    spec: themed({
      $schema: SCHEMA,
      title: {
        text: title,
        subtitle: 'Pearson r on complete cases; blue = positive, orange = negative',
      },
      data: { values },
      encoding: {
        x: { field: 'a', type: 'nominal', sort: order, title: null, axis: { orient: 'top' } },
        y: { field: 'b', type: 'nominal', sort: order, title: null },
      },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: {
            color: {
              field: 'r',
              type: 'quantitative',
              title: 'r',
              scale: { scheme: 'blueorange', domain: [-1, 1], reverse: true },
              legend: { orient: 'right', direction: 'vertical', gradientLength: 240 },
            },
          },
        },
        {
          mark: { type: 'text', lineBreak: '\n', fontSize: 13 },
          encoding: {
            text: { field: 'label' },
            color: cellLabelColor('datum.r !== null && abs(datum.r) > 0.6'),
          },
        },
      ],
    }),
  };
}

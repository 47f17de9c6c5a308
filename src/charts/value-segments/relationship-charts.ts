import { CORRELATION_METRICS, type ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { axisNumberFormat, formatNumber } from '../format.js';
import { cellLabelColor, DIVERGING_SCHEME } from '../heatmap-cells.js';
import { sampleStratified } from '../sample-points.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { SCHEMA, segmentScale } from './segment-colors.js';

const NAMES: Readonly<Record<(typeof CORRELATION_METRICS)[number], string>> = {
  health: 'Health score',
  churn: 'Churn risk',
  ltv: 'LTV',
  revenue: 'Revenue',
  rfm: 'RFM composite',
};

const themed = (spec: object) =>
  withTheme({ autosize: GROW_HEIGHT_AUTOSIZE, height: 340, ...spec } as unknown as TopLevelSpec);

export function rfmLtvScatterChart(result: ValueSegmentsResult): ChartDefinition {
  const { points, correlation, regression } = result.rfmLtv;
  // Sampled per segment: a uniform 500 of 4,700 kept ~10 of the 98 high-value customers.
  const { rows: shown, strata } = sampleStratified(points, (p) => p.segment);
  const n = points.length;
  const rText =
    correlation.kind === 'ok'
      ? `r = ${formatNumber(correlation.r, 'decimal')} (n = ${formatNumber(n, 'integer')})`
      : `r not available (${correlation.kind === 'constant' ? 'a constant column' : 'too few rows'})`;
  const sampled =
    shown.length < n
      ? `Points: ${strata.map((s) => `${formatNumber(s.shown, 'integer')} of ${formatNumber(s.total, 'integer')} ${s.group}`).join(', ')} (sampled per segment); line fitted on all`
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
  const title =
    correlation.kind === 'ok'
      ? `Lifetime value ${correlation.r >= 0.3 ? 'rises' : 'barely rises'} with the RFM score (r = ${formatNumber(correlation.r, 'decimal')}); high-value customers sit at the top right`
      : 'Lifetime value against the RFM score';
  return {
    id: 'value-rfm-ltv-scatter',
    title,
    altText: `Scatter of RFM composite against LTV coloured by segment, with a least-squares line; ${rText}.`,
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        `All ${formatNumber(n, 'integer')} customers with both values; ${rText}; dashed line = straight-line fit`,
        ...(sampled === null ? [] : [sampled]),
      ]),
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
            y: {
              field: 'ltv',
              type: 'quantitative',
              title: 'Lifetime value (LTV, $)',
              axis: axisNumberFormat('compact'),
            },
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
        label: r === null ? 'n/a' : formatNumber(r, 'decimal'),
      };
    }),
  );
  const order = CORRELATION_METRICS.map((m) => NAMES[m]);
  const pairs = (all?.correlations ?? []).flatMap((c) =>
    c.correlation.kind === 'ok' ? [{ a: NAMES[c.a], b: NAMES[c.b], r: c.correlation.r }] : [],
  );
  const strongest = [...pairs].sort((x, y) => Math.abs(y.r) - Math.abs(x.r))[0];
  const title = strongest
    ? `${strongest.a} and ${strongest.b} move together most (r = ${formatNumber(strongest.r, 'decimal')})`
    : 'No correlation could be computed';
  return {
    id: 'value-correlation-heatmap',
    title,
    altText: 'Heatmap of Pearson correlations between health, churn, LTV, revenue and RFM composite.',
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        `${formatNumber(n, 'integer')} customers with every value; cell = correlation r (−1 to 1)`,
        'Colour centred on 0 (no relation): blue = move together, orange = opposite',
      ]),
      data: { values },
      encoding: {
        // First word only on top (Health, Churn, LTV, Revenue, RFM): five full 16 px names do not fit; rows keep them.
        x: {
          field: 'a',
          type: 'nominal',
          sort: order,
          title: null,
          axis: { orient: 'top', labelExpr: "split(datum.label, ' ')[0]" },
        },
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
              scale: { scheme: DIVERGING_SCHEME, domain: [-1, 1], domainMid: 0, reverse: true },
              legend: { orient: 'right', direction: 'vertical', gradientLength: 240 },
            },
          },
        },
        {
          mark: { type: 'text', lineBreak: '\n' },
          encoding: {
            text: { field: 'label' },
            color: cellLabelColor('datum.r !== null && abs(datum.r) > 0.6'),
          },
        },
      ],
    }),
  };
}

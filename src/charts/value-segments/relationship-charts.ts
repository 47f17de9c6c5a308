import { CORRELATION_METRICS, type ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { ValueSegment } from '../../analysis/value-segments/value-segment.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { compactAxis, formatNumber } from '../format.js';
import { cellLabelColor, DIVERGING_SCHEME } from '../heatmap-cells.js';
import { sampleStratified } from '../sample-points.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { SCHEMA, segmentScale } from './segment-colors.js';

const themed = (spec: object) =>
  withTheme({ autosize: GROW_HEIGHT_AUTOSIZE, height: 340, ...spec } as unknown as TopLevelSpec);

/**
 * The smallest and largest RFM, by Math.min / Math.max in point order (as a reduce over the values would; -0 and 0
 * included): a loop, not Math.min(...), since spreading a million points overflows the call stack, and no array of
 * a million values beside the points.
 */
function rfmRange(points: readonly { readonly rfm: number }[]): [number, number] {
  let min = (points[0] as { rfm: number }).rfm;
  let max = min;
  for (let i = 1; i < points.length; i++) {
    const x = (points[i] as { rfm: number }).rfm;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return [min, max];
}

export function rfmLtvScatterChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const num = (x: number, kind: 'decimal' | 'integer') => formatNumber(x, kind, locale);
  const { points, correlation, regression } = result.rfmLtv;
  const segmentName = (segment: ValueSegment) => (segment === 'Other' ? t('chart.value.other') : segment);
  // Sampled per segment: a uniform 500 of 4,700 kept ~10 of the 98 high-value customers.
  const { rows: shown, strata } = sampleStratified(points, (p) => p.segment);
  const n = points.length;
  const rText =
    correlation.kind === 'ok'
      ? t('chart.scatter.r', { r: num(correlation.r, 'decimal'), n: num(n, 'integer') })
      : t('chart.scatter.rMissing', { why: correlation.kind === 'constant' ? 'constant' : 'few' });
  const groups = strata.map((s) =>
    t('chart.scatter.sampledGroup', {
      shown: num(s.shown, 'integer'),
      total: num(s.total, 'integer'),
      group: s.group === 'Other' ? t('chart.value.other') : s.group,
    }),
  );
  const sampled = shown.length < n ? t('chart.scatter.sampled', { groups: groups.join(', ') }) : null;
  const line =
    regression && points.length > 0
      ? rfmRange(points).map((x) => ({
          x,
          y: regression.intercept + regression.slope * x,
        }))
      : [];
  // What the y axis spans: the drawn points and the fit line (a loop-free spread: at most ~500 sampled points).
  const ltvs = [...shown.map((p) => p.ltv), ...line.map((p) => p.y)];
  const title =
    correlation.kind === 'ok'
      ? t('chart.scatter.title', { rises: correlation.r >= 0.3 ? 'yes' : 'no', r: num(correlation.r, 'decimal') })
      : t('chart.scatter.titlePlain');
  return {
    id: 'value-rfm-ltv-scatter',
    title,
    altText: t('chart.scatter.alt', { r: rText }),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        t('chart.scatter.subtitle', { n: num(n, 'integer'), r: rText }),
        ...(sampled === null ? [] : [sampled]),
      ]),
      layer: [
        {
          data: { values: shown.map((p) => ({ rfm: p.rfm, ltv: p.ltv, group: segmentName(p.segment) })) },
          mark: { type: 'circle', size: 30 },
          encoding: {
            x: {
              field: 'rfm',
              type: 'quantitative',
              title: t('chart.scatter.x'),
              scale: { zero: false },
            },
            y: {
              field: 'ltv',
              type: 'quantitative',
              title: t('chart.scatter.y'),
              axis: compactAxis(locale, Math.min(0, ...ltvs), Math.max(0, ...ltvs)),
            },
            color: {
              field: 'group',
              title: t('chart.value.segment'),
              scale: segmentScale(['HV', 'SMB', 'Other'], segmentName),
            },
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

export function correlationHeatmapChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const num = (x: number, kind: 'decimal' | 'integer') => formatNumber(x, kind, locale);
  const name = (metric: (typeof CORRELATION_METRICS)[number]) => t(`chart.value.metric.${metric}`);
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
        a: name(a),
        b: name(b),
        r,
        label: r === null ? numberFormat(locale).missing : num(r, 'decimal'),
      };
    }),
  );
  const order = CORRELATION_METRICS.map(name);
  const pairs = (all?.correlations ?? []).flatMap((c) =>
    c.correlation.kind === 'ok' ? [{ a: name(c.a), b: name(c.b), r: c.correlation.r }] : [],
  );
  const strongest = [...pairs].sort((x, y) => Math.abs(y.r) - Math.abs(x.r))[0];
  const title = strongest
    ? t('chart.value.corrTitle', { a: strongest.a, b: strongest.b, r: num(strongest.r, 'decimal') })
    : t('chart.value.corrTitleNone');
  return {
    id: 'value-correlation-heatmap',
    title,
    altText: t('chart.value.corrAlt'),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        t('chart.value.corrSubtitle', { n: num(n, 'integer') }),
        t('chart.value.corrSubtitle2'),
      ]),
      data: { values },
      encoding: {
        // First word only on top (Health, Churn, LTV, Revenue, RFM): five full 16 px names do not fit; rows keep them.
        x: {
          field: 'a',
          type: 'nominal',
          sort: order,
          title: null,
          // Chinese names are short and have no spaces: shown whole.
          axis: { orient: 'top', ...(locale === 'en' ? { labelExpr: "split(datum.label, ' ')[0]" } : {}) },
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

import type {
  SegmentGroup,
  SegmentGroupResult,
  ValueSegmentsResult,
} from '../../analysis/value-segments/compute-value-segments.js';
import type { ValueSegment } from '../../analysis/value-segments/value-segment.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { axisNumberFormat, formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { withTheme } from '../theme.js';
import { SCHEMA, segmentScale } from './segment-colors.js';

/** The two groups §3 compares; Other is in the tables, not in the side-by-side charts. */
const COMPARED: readonly ValueSegment[] = ['HV', 'SMB'];

function groupOf(result: ValueSegmentsResult, segment: SegmentGroup): SegmentGroupResult {
  return result.groups.find((g) => g.group === segment) as SegmentGroupResult;
}

function nText(result: ValueSegmentsResult): string {
  return `n = ${formatNumber(groupOf(result, 'HV').n, 'integer')} HV, ${formatNumber(groupOf(result, 'SMB').n, 'integer')} SMB`;
}

const themed = (spec: object) => withTheme(spec as unknown as TopLevelSpec);

export function rfmBarsChart(result: ValueSegmentsResult): ChartDefinition {
  const scores = [
    ['Recency', 'recency'],
    ['Frequency', 'frequency'],
    ['Monetary', 'monetary'],
    ['RFM composite', 'rfm'],
  ] as const;
  const values = COMPARED.flatMap((segment) =>
    scores.flatMap(([label, metric]) => {
      const mean = groupOf(result, segment).means[metric].mean;
      return mean === null ? [] : [{ score: label, group: segment, mean, text: formatNumber(mean, 'decimal') }];
    }),
  );
  const title = `Mean R, F, M scores: high value vs SMB (${nText(result)})`;
  return {
    id: 'value-rfm-bars',
    title,
    altText:
      'Grouped bars of mean recency, frequency, monetary and RFM composite scores for high-value and SMB customers.',
    spec: themed({
      $schema: SCHEMA,
      title: { text: title, subtitle: 'Scores run 1–5; RFM composite = mean of the three' },
      data: { values },
      encoding: {
        x: { field: 'score', type: 'nominal', sort: scores.map(([l]) => l), title: null },
        xOffset: { field: 'group', sort: [...COMPARED] },
        y: { field: 'mean', type: 'quantitative', title: 'Mean score (1–5)', scale: { domain: [0, 5] } },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: { color: { field: 'group', title: 'Segment', scale: segmentScale(COMPARED) } },
        },
        { mark: { type: 'text', dy: -8 }, encoding: { text: { field: 'text' } } },
      ],
    }),
  };
}

export function churnBoxChart(result: ValueSegmentsResult): ChartDefinition {
  const values = (['HV', 'SMB', 'Other'] as const).flatMap((segment) => {
    const box = groupOf(result, segment).churnBox;
    return box === null ? [] : [{ group: `${segment} (n = ${formatNumber(box.n, 'integer')})`, segment, ...box }];
  });
  const title = `Churn probability by segment (n = ${formatNumber(
    values.reduce((s, v) => s + v.n, 0),
    'integer',
  )} with churn)`;
  const y = (field: string) => ({
    field,
    type: 'quantitative',
    title: 'Churn probability (%)',
    scale: { domain: [0, 1] },
    axis: axisNumberFormat('percent'),
  });
  return {
    id: 'value-churn-box',
    title,
    altText: 'Box plots of churn probability for high-value, SMB and other customers.',
    spec: themed({
      $schema: SCHEMA,
      title: { text: title, subtitle: 'Box = quartiles (linear interpolation), line = median, whiskers = min–max' },
      data: { values },
      encoding: { x: { field: 'group', type: 'nominal', title: null, sort: values.map((v) => v.group) } },
      layer: [
        { mark: { type: 'rule' }, encoding: { y: y('min'), y2: { field: 'max' } } },
        {
          mark: { type: 'bar', size: 60 },
          encoding: {
            y: y('q1'),
            y2: { field: 'q3' },
            color: { field: 'segment', title: 'Segment', scale: segmentScale(['HV', 'SMB', 'Other']), legend: null },
          },
        },
        { mark: { type: 'tick', size: 60, color: '#1F1F1F', thickness: 2 }, encoding: { y: y('median') } },
      ],
    }),
  };
}

export function lifecycleMixChart(result: ValueSegmentsResult): ChartDefinition {
  const order = groupOf(result, 'All').lifecycle.map((l) => l.label);
  const values = COMPARED.flatMap((segment) =>
    groupOf(result, segment).lifecycle.map((l) => ({
      stage: truncateLabel(l.label, 24),
      group: segment,
      share: l.share,
      text: `${formatNumber(l.share, 'percent')} (${formatNumber(l.n, 'integer')})`,
    })),
  );
  const title = `Lifecycle stage mix: high value vs SMB (${nText(result)})`;
  return {
    id: 'value-lifecycle',
    title,
    altText: 'Grouped horizontal bars of the share of each lifecycle stage within high-value and SMB customers.',
    spec: themed({
      $schema: SCHEMA,
      title: { text: title, subtitle: 'Share of each group; stages ordered by their count over all customers' },
      data: { values },
      encoding: {
        y: { field: 'stage', type: 'nominal', sort: order.map((l) => truncateLabel(l, 24)), title: null },
        yOffset: { field: 'group', sort: [...COMPARED] },
        x: {
          field: 'share',
          type: 'quantitative',
          title: 'Share of the group (%)',
          axis: axisNumberFormat('percent'),
          scale: { domain: [0, 1.15] },
        },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: { color: { field: 'group', title: 'Segment', scale: segmentScale(COMPARED) } },
        },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'text' } } },
      ],
    }),
  };
}

export function inactivityHistogramChart(result: ValueSegmentsResult): ChartDefinition {
  const totals = Object.fromEntries(
    COMPARED.map((s) => [s, result.inactivity.bins.reduce((t, b) => t + b.counts[s], 0)]),
  );
  const values = COMPARED.flatMap((segment) =>
    result.inactivity.bins.map((b) => ({
      start: b.start,
      end: b.end,
      group: segment,
      share: (totals[segment] ?? 0) > 0 ? b.counts[segment] / (totals[segment] as number) : 0,
      n: b.counts[segment],
    })),
  );
  const title = `Days since last activity: high value vs SMB (n = ${formatNumber(totals.HV ?? 0, 'integer')} HV, ${formatNumber(totals.SMB ?? 0, 'integer')} SMB)`;
  return {
    id: 'value-inactivity-histogram',
    title,
    altText:
      'Overlaid histograms of days since last activity, as a share of each group, for high-value and SMB customers.',
    spec: themed({
      $schema: SCHEMA,
      title: { text: title, subtitle: 'Share of each group per bin (groups differ in size); bars overlap' },
      data: { values },
      mark: { type: 'bar', fillOpacity: 0.55, binSpacing: 0 },
      encoding: {
        x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: 'Days since last activity (days)' },
        x2: { field: 'end' },
        y: {
          field: 'share',
          type: 'quantitative',
          stack: null,
          title: 'Share of the group (%)',
          axis: axisNumberFormat('percent'),
        },
        color: { field: 'group', title: 'Segment', scale: segmentScale(COMPARED) },
      },
    }),
  };
}

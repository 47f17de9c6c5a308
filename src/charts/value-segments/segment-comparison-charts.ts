import type {
  SegmentGroup,
  SegmentGroupResult,
  ValueSegmentsResult,
} from '../../analysis/value-segments/compute-value-segments.js';
import type { ValueSegment } from '../../analysis/value-segments/value-segment.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { chartWords } from '../chart-words.js';
import { axisNumberFormat, formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { SCHEMA, segmentScale } from './segment-colors.js';

/** The two groups §3 compares; Other is in the tables, not in the side-by-side charts. */
const COMPARED: readonly ValueSegment[] = ['HV', 'SMB'];

function groupOf(result: ValueSegmentsResult, segment: SegmentGroup): SegmentGroupResult {
  return result.groups.find((g) => g.group === segment) as SegmentGroupResult;
}

function nText(result: ValueSegmentsResult): string {
  return `n = ${formatNumber(groupOf(result, 'HV').n, 'integer')} HV, ${formatNumber(groupOf(result, 'SMB').n, 'integer')} SMB`;
}

const themed = (spec: object) =>
  withTheme({ autosize: GROW_HEIGHT_AUTOSIZE, height: 320, ...spec } as unknown as TopLevelSpec);

/** The population line every §3 chart carries: both groups with their n. */
function population(result: ValueSegmentsResult, locale: Locale = 'en'): string {
  if (locale === 'en') return `High-value (HV: Gold/Platinum, > 5% of portfolio) vs SMB customers, ${nText(result)}`;
  return translator(locale)('chart.value.population', {
    hv: formatNumber(groupOf(result, 'HV').n, 'integer', locale),
    smb: formatNumber(groupOf(result, 'SMB').n, 'integer', locale),
  });
}

export function rfmBarsChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const scores = [
    [t('chart.value.recency'), 'recency'],
    [t('chart.value.frequency'), 'frequency'],
    [t('chart.value.monetary'), 'monetary'],
    [t('chart.value.rfm'), 'rfm'],
  ] as const;
  const values = COMPARED.flatMap((segment) =>
    scores.flatMap(([label, metric]) => {
      const mean = groupOf(result, segment).means[metric].mean;
      return mean === null ? [] : [{ score: label, group: segment, mean, text: formatNumber(mean, 'decimal', locale) }];
    }),
  );
  const hvRfm = groupOf(result, 'HV').means.rfm.mean;
  const smbRfm = groupOf(result, 'SMB').means.rfm.mean;
  const title =
    hvRfm !== null && smbRfm !== null
      ? t('chart.value.rfmTitle', {
          hv: formatNumber(hvRfm, 'decimal', locale),
          smb: formatNumber(smbRfm, 'decimal', locale),
        })
      : t('chart.value.rfmTitlePlain');
  return {
    id: 'value-rfm-bars',
    title,
    altText: t('chart.value.rfmAlt'),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [population(result, locale), t('chart.value.rfmSubtitle')]),
      data: { values },
      encoding: {
        x: { field: 'score', type: 'nominal', sort: scores.map(([l]) => l), title: null },
        xOffset: { field: 'group', sort: [...COMPARED] },
        y: { field: 'mean', type: 'quantitative', title: t('chart.value.meanScore'), scale: { domain: [0, 5] } },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: { color: { field: 'group', title: t('chart.value.segment'), scale: segmentScale(COMPARED) } },
        },
        { mark: { type: 'text', dy: -8 }, encoding: { text: { field: 'text' } } },
      ],
    }),
  };
}

export function churnBoxChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const churn = chartWords(locale).churnRisk;
  // HV and SMB are the segments' names as people say them in both languages; Other is a word.
  const name = (segment: SegmentGroup) => (segment === 'Other' ? t('chart.value.other') : segment);
  const values = (['HV', 'SMB', 'Other'] as const).flatMap((segment) => {
    const box = groupOf(result, segment).churnBox;
    return box === null
      ? []
      : [{ group: `${name(segment)} (n ${formatNumber(box.n, 'integer', locale)})`, segment: name(segment), ...box }];
  });
  const hv = groupOf(result, 'HV').churnBox;
  const smb = groupOf(result, 'SMB').churnBox;
  const title =
    hv && smb
      ? t('chart.value.churnTitle', {
          churn,
          hv: formatNumber(hv.median, 'percent', locale),
          smb: formatNumber(smb.median, 'percent', locale),
        })
      : t('chart.value.churnTitlePlain', { churn });
  const y = (field: string) => ({
    field,
    type: 'quantitative',
    title: t('chart.value.churnAxis'),
    scale: { domain: [0, 1] },
    axis: axisNumberFormat('percent'),
  });
  return {
    id: 'value-churn-box',
    title,
    altText: t('chart.value.churnAlt'),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        t('chart.value.churnSubtitle', {
          n: formatNumber(
            values.reduce((sum, v) => sum + v.n, 0),
            'integer',
            locale,
          ),
        }),
        t('chart.value.box'),
      ]),
      data: { values },
      encoding: { x: { field: 'group', type: 'nominal', title: null, sort: values.map((v) => v.group) } },
      layer: [
        { mark: { type: 'rule' }, encoding: { y: y('min'), y2: { field: 'max' } } },
        {
          mark: { type: 'bar', size: 60 },
          encoding: {
            y: y('q1'),
            y2: { field: 'q3' },
            color: {
              field: 'segment',
              title: t('chart.value.segment'),
              scale: segmentScale(['HV', 'SMB', 'Other'], name),
              legend: null,
            },
          },
        },
        { mark: { type: 'tick', size: 60, color: '#1F1F1F', thickness: 2 }, encoding: { y: y('median') } },
      ],
    }),
  };
}

export function lifecycleMixChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const stageName = (raw: string) => truncateLabel(termFor(locale, 'stage', raw), 24);
  const order = groupOf(result, 'All').lifecycle.map((l) => l.label);
  const values = COMPARED.flatMap((segment) =>
    groupOf(result, segment).lifecycle.map((l) => ({
      stage: stageName(l.label),
      group: segment,
      share: l.share,
      text: t('chart.value.barText', { share: pct(l.share), n: formatNumber(l.n, 'integer', locale) }),
    })),
  );
  const shareOf = (segment: ValueSegment, stage: string) =>
    groupOf(result, segment).lifecycle.find((l) => l.label === stage)?.share ?? 0;
  const widest = [...order].sort(
    (a, b) => Math.abs(shareOf('HV', b) - shareOf('SMB', b)) - Math.abs(shareOf('HV', a) - shareOf('SMB', a)),
  )[0];
  const title = widest
    ? t('chart.value.lifecycleTitle', {
        hv: pct(shareOf('HV', widest)),
        stage: termFor(locale, 'stage', widest),
        smb: pct(shareOf('SMB', widest)),
      })
    : t('chart.value.lifecycleTitlePlain');
  return {
    id: 'value-lifecycle',
    title,
    altText: t('chart.value.lifecycleAlt'),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [population(result, locale), t('chart.value.lifecycleSubtitle')]),
      height: order.length * 56,
      data: { values },
      encoding: {
        y: { field: 'stage', type: 'nominal', sort: order.map(stageName), title: null },
        yOffset: { field: 'group', sort: [...COMPARED] },
        x: {
          field: 'share',
          type: 'quantitative',
          title: chartWords(locale).shareOfGroup,
          axis: axisNumberFormat('percent'),
          scale: { domain: [0, 1.15] },
        },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: { color: { field: 'group', title: t('chart.value.segment'), scale: segmentScale(COMPARED) } },
        },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text' } } },
      ],
    }),
  };
}

export function inactivityHistogramChart(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
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
  // The cut-off where half of all HV and SMB customers have been active: a sentence about the middle, not a tail bin.
  const bins = result.inactivity.bins;
  const both = (b: (typeof bins)[number]) => b.counts.HV + b.counts.SMB;
  const everyone = bins.reduce((t, b) => t + both(b), 0);
  let running = 0;
  const middle = bins.find((b) => {
    running += both(b);
    return running >= everyone / 2;
  });
  const activeBy = (segment: ValueSegment, end: number) => {
    const total = totals[segment] ?? 0;
    return total > 0 ? bins.filter((b) => b.end <= end).reduce((t, b) => t + b.counts[segment], 0) / total : 0;
  };
  const title = middle
    ? t('chart.value.inactiveTitle', {
        hv: pct(activeBy('HV', middle.end)),
        smb: pct(activeBy('SMB', middle.end)),
        days: count(middle.end),
      })
    : t('chart.value.inactiveAxis');
  // Step lines, not overlapping bars: two translucent bar sets mixed into a third colour.
  const last = bins.at(-1);
  const steps = COMPARED.flatMap((segment) => [
    ...values.filter((v) => v.group === segment),
    ...(last
      ? [
          {
            start: last.end,
            end: last.end,
            group: segment,
            share: values.filter((v) => v.group === segment).at(-1)?.share ?? 0,
            n: 0,
          },
        ]
      : []),
  ]);
  return {
    id: 'value-inactivity-histogram',
    title,
    altText: t('chart.value.inactiveAlt'),
    spec: themed({
      $schema: SCHEMA,
      title: chartTitle(title, [
        t('chart.value.inactiveSubtitle', { hv: count(totals.HV ?? 0), smb: count(totals.SMB ?? 0) }),
        t('chart.value.inactiveSubtitle2', { width: count(bins[0] ? bins[0].end - bins[0].start : 0) }),
      ]),
      data: { values: steps },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 3 },
      encoding: {
        x: { field: 'start', type: 'quantitative', title: t('chart.value.inactiveAxis') },
        y: {
          field: 'share',
          type: 'quantitative',
          stack: null,
          title: chartWords(locale).shareOfGroup,
          axis: axisNumberFormat('percent'),
          scale: { domainMin: 0 },
        },
        color: { field: 'group', title: t('chart.value.segment'), scale: segmentScale(COMPARED) },
      },
    }),
  };
}

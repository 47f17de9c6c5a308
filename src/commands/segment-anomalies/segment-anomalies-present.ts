import { FEATURES, type FeatureId, featureLabel } from '../../analysis/segment-anomalies/customer-features.js';
import type { FeatureSplit } from '../../analysis/segment-anomalies/decision-rules.js';
import { CLUSTER_K_RANGE } from '../../analysis/segment-anomalies/feature-clusters.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { featureShort } from '../../charts/segment-anomalies/chart-parts.js';
import { segmentAnomalyChartsNotDrawn } from '../../charts/segment-anomalies/charts-not-drawn.js';
import { buildSegmentAnomalyCharts } from '../../charts/segment-anomalies/index.js';
import type { TableReadReport } from '../../data/read-table.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import { joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { segmentAnomaliesLead } from './segment-anomalies-lead.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';

/** Rows of the "features that separate anomalies" table. */
const TOP_FEATURES = 5;

export function presentSegmentAnomalies(
  result: SegmentAnomaliesResult,
  options: SegmentAnomaliesCommandOptions,
  report: TableReadReport,
  distinctCustomers: number,
  locale: Locale = 'en',
): CommandAnswer {
  const t = translator(locale);
  const w: Words = { t, fmt: numberFormat(locale), locale };
  const provenance = buildProvenance({
    reads: [report],
    n: result.n,
    filters: [
      options.mode === 'all' ? t('segment.details.filterAllRows') : t('segment.details.filterLatest'),
      ...(options.segment === undefined ? [] : [t('segment.details.filterSegment', { segment: options.segment })]),
    ],
    thresholds: [
      t('segment.details.thresholdAnomaly', { threshold: String(options.threshold) }),
      t('segment.details.thresholdGroups'),
      t('segment.details.thresholdClusters', { seed: String(options.seed), ks: CLUSTER_K_RANGE.join(', ') }),
      t('segment.details.thresholdSplits'),
    ],
    notes: qualityNotes(result, w),
    locale,
  });
  const unavailable = nothingToAnalyse(result, options, w);
  const sections: AnswerSection[] = unavailable
    ? [unavailable]
    : [
        segmentTable(result, w),
        featureSection(result, w),
        ruleSection(result, w),
        clusterSection(result, w),
        ...chartsNotDrawn(result, locale),
      ];
  return {
    command: invocation(options),
    title: options.segment
      ? t('segment.titleSegment', { mode: options.mode, segment: options.segment })
      : t('segment.title', { mode: options.mode }),
    lead: segmentAnomaliesLead(result, options, provenance, distinctCustomers, unavailable?.reason ?? null, locale),
    headline: unavailable ? unavailable.reason : headline(result, options.mode === 'all', w),
    sections,
    provenance,
    charts: unavailable ? [] : buildSegmentAnomalyCharts(result, locale),
    chartsOmitted: 0,
    data: { options, ...summarise(result) },
  };
}

function invocation(options: SegmentAnomaliesCommandOptions): string {
  const parts = ['/segment-anomalies'];
  if (options.mode === 'all') parts.push('all');
  if (options.segment !== undefined) parts.push(`segment="${options.segment}"`);
  return [...parts, `threshold=${options.threshold}`, `seed=${options.seed}`].join(' ');
}

/** What every part of the method section words and formats with: the reader's catalogue and number formatter. */
interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly locale: Locale;
}

function nothingToAnalyse(
  result: SegmentAnomaliesResult,
  options: SegmentAnomaliesCommandOptions,
  { t }: Words,
): (AnswerSection & { kind: 'unavailable' }) | null {
  if (result.n > 0) return null;
  const reason =
    result.filteredOut > 0
      ? t('segment.details.noMatch', {
          segment: options.segment ?? '',
          present: result.availableSegments.join(', '),
        })
      : t('segment.details.noRows', { rows: result.rowsIn });
  return { kind: 'unavailable', title: t('segment.details.sectionTitle'), reason };
}

function headline(result: SegmentAnomaliesResult, rows: boolean, w: Words): string {
  const { t, fmt } = w;
  const worst = [...result.segments].sort((a, b) => b.anomalyRate - a.anomalyRate || b.n - a.n)[0];
  const first = t('segment.details.headlineFirst', {
    anomalies: fmt.count(result.anomalies),
    n: fmt.count(result.n),
    rows: rows ? 'yes' : 'no',
    share: fmt.percent(result.anomalies / result.n),
    threshold: String(result.threshold),
    above: fmt.count(result.anomaliesAbove),
    below: fmt.count(result.anomaliesBelow),
  });
  const second =
    worst && worst.anomalyRate > 0
      ? t('segment.details.headlineWorst', {
          segment: termFor(w.locale, 'profitability', worst.segment),
          rate: fmt.percent(worst.anomalyRate),
          n: fmt.count(worst.n),
        })
      : '';
  const rule = result.decisionRules.first;
  const third = rule
    ? t('segment.details.headlineRule', {
        rule: ruleText(rule, riskier(rule), w.locale),
        rate: fmt.percent(rule[riskier(rule)].anomalyRate),
        other: fmt.percent(rule[other(riskier(rule))].anomalyRate),
      })
    : '';
  return joinSentences(t, [first, second, third]);
}

function segmentTable(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
  return {
    kind: 'table',
    title: t('segment.segmentsTitle'),
    table: {
      columns: t('segment.details.segmentColumns').split('|'),
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: result.segments.map((s) => [
        termFor(locale, 'profitability', s.segment),
        fmt.count(s.n),
        fmt.fixed(s.meanRetention, 3),
        fmt.count(s.anomaliesAbove),
        fmt.count(s.anomaliesBelow),
        fmt.percent(s.anomalyRate),
        fmt.percent(s.shareOfAnomalies),
      ]),
    },
  };
}

/** Why nothing can separate anomalies from the rest, or null when something can. */
function noContrast(result: SegmentAnomaliesResult, t: Translate): string | null {
  if (result.anomalies === 0) return t('segment.details.whyNoAnomalies', { threshold: String(result.threshold) });
  if (result.anomalies === result.n) return t('segment.details.whyAllAnomalies');
  return null;
}

function featureSection(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
  const title = t('segment.details.featuresTitle');
  const why = noContrast(result, t);
  if (why) return { kind: 'unavailable', title, reason: t('segment.details.notAvailable', { why }) };
  const contrasts = new Map(result.featureContrasts.map((c) => [c.feature, c]));
  const ranked = result.decisionRules.perFeature
    .filter((p) => p.split !== null && p.split.gain > 0)
    .sort((a, b) => (b.split?.gain ?? 0) - (a.split?.gain ?? 0))
    .slice(0, TOP_FEATURES);
  if (ranked.length === 0) {
    return {
      kind: 'unavailable',
      title,
      reason: t('segment.details.notAvailable', { why: t('segment.details.whyNoGain') }),
    };
  }
  return {
    kind: 'table',
    title,
    table: {
      columns: t('segment.details.featureColumns').split('|'),
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      rows: ranked.map(({ feature, split }) => {
        const c = contrasts.get(feature);
        return [
          shortLabel(feature, locale),
          fmt.number(c?.anomalous.median),
          fmt.number(c?.normal.median),
          fmt.number(split?.threshold),
          `${fmt.percent(split?.atOrBelow.anomalyRate, { decimals: 0 })} / ${fmt.percent(split?.above.anomalyRate, { decimals: 0 })}`,
          fmt.fixed(split?.gain, 3),
        ];
      }),
    },
    note: t('segment.details.featuresNote'),
  };
}

function ruleSection(result: SegmentAnomaliesResult, w: Words): AnswerSection {
  const { t, fmt, locale } = w;
  const title = t('segment.details.ruleTitle');
  const { first, second, riskiestSide } = result.decisionRules;
  const why = noContrast(result, t);
  if (why || first === null || riskiestSide === null) {
    return {
      kind: 'unavailable',
      title,
      reason: t('segment.details.notAvailable', { why: why ?? t('segment.details.whyNoThreshold') }),
    };
  }
  const row = (text: string, side: Side) => [
    text,
    fmt.count(side.n),
    fmt.count(side.anomalies),
    fmt.percent(side.anomalyRate),
  ];
  const rows: string[][] = [
    row(ruleText(first, 'atOrBelow', locale), first.atOrBelow),
    row(ruleText(first, 'above', locale), first.above),
  ];
  const firstRisky = ruleText(first, riskiestSide, locale);
  if (second) {
    for (const side of ['atOrBelow', 'above'] as const) {
      const text = t('segment.details.ruleAnd', { first: firstRisky, second: ruleText(second, side, locale) });
      rows.push(row(text, second[side]));
    }
  }
  const gains = second
    ? t('segment.details.gainsTwo', {
        first: fmt.fixed(first.gain, 3),
        second: fmt.fixed(second.gain, 3),
        risky: firstRisky,
      })
    : t('segment.details.gainsOne', { first: fmt.fixed(first.gain, 3), risky: firstRisky });
  return {
    kind: 'table',
    title,
    table: {
      columns: t('segment.details.ruleColumns').split('|'),
      align: ['left', 'right', 'right', 'right'],
      rows,
    },
    note: gains,
  };
}

interface Side {
  readonly n: number;
  readonly anomalies: number;
  readonly anomalyRate: number;
}

function clusterSection(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
  const clusters = result.clusters;
  if (clusters.kind === 'unavailable') {
    const { cause } = clusters;
    const why =
      cause.code === 'too-few'
        ? t('segment.details.whyTooFewClusters', {
            complete: fmt.count(cause.complete),
            distinct: fmt.count(cause.distinct),
          })
        : t('segment.details.whyNoClusters');
    return {
      kind: 'unavailable',
      title: t('segment.details.clustersTitle'),
      reason: t('segment.details.notAvailable', { why }),
    };
  }
  const shown: FeatureId[] = ['imbalance', 'volatility', 'consistencyError', 'valueMismatch'];
  const tops = (mix: readonly { label: string; n: number }[], n: number, kind: 'profitability' | 'stage') =>
    mix[0]
      ? t('segment.details.mixTop', {
          label: termFor(locale, kind, mix[0].label),
          share: fmt.percent(mix[0].n / n, { decimals: 0 }),
        })
      : fmt.missing;
  return {
    kind: 'table',
    title: t('segment.details.clustersTitleK', {
      k: String(clusters.bestK),
      silhouette: fmt.fixed(clusters.bestSilhouette, 2),
    }),
    table: {
      columns: [
        ...t('segment.details.clusterColumns').split('|'),
        ...shown.map((f) => t('segment.details.medianColumn', { feature: shortLabel(f, locale) })),
      ],
      align: ['left', 'right', 'right', 'left', 'left', ...shown.map(() => 'right' as const)],
      rows: clusters.clusters.map((c) => [
        String(c.cluster),
        fmt.count(c.n),
        fmt.percent(c.anomalyRate),
        tops(c.segmentMix, c.n, 'profitability'),
        tops(c.stageMix, c.n, 'stage'),
        ...shown.map((f) => fmt.number(c.medians[f])),
      ]),
    },
    note: t('segment.details.clustersNote', {
      silhouettes: clusters.candidates.map((c) => `${c.k}: ${fmt.fixed(c.silhouette, 2)}`).join(', '),
      n: clusters.rowsClustered,
    }),
  };
}

/** A feature's short name in the reader's language, as the charts name it. */
export function shortLabel(feature: FeatureId, locale: Locale = 'en'): string {
  return featureShort(feature, locale);
}

type SideName = 'atOrBelow' | 'above';

function riskier(split: FeatureSplit): SideName {
  return split.above.anomalyRate > split.atOrBelow.anomalyRate ? 'above' : 'atOrBelow';
}

function other(side: SideName): SideName {
  return side === 'above' ? 'atOrBelow' : 'above';
}

export function ruleText(split: FeatureSplit, side: SideName, locale: Locale = 'en'): string {
  const fmt = numberFormat(locale);
  return `${shortLabel(split.feature, locale)} ${side === 'above' ? '>' : '≤'} ${fmt.number(split.threshold)}`;
}

type MissingWhat =
  | 'months'
  | 'expectedTransactions'
  | 'consistencyError'
  | 'quarterShares'
  | 'volatility'
  | 'valueMismatch'
  | 'revenuePerPoint';

function qualityNotes(result: SegmentAnomaliesResult, { t, fmt }: Words): string[] {
  const notes: string[] = [];
  if (result.excluded > 0) notes.push(t('segment.details.note.excluded', { n: result.excluded }));
  const m = result.missingFeatures;
  const missing = (count: number, id: MissingWhat) => {
    const what = t(`segment.details.missing.${id}`);
    if (count > 0 && count < result.n) notes.push(t('segment.details.note.missingSome', { what, n: count }));
    if (count > 0 && count === result.n) notes.push(t('segment.details.note.missingAll', { what }));
  };
  missing(m.months, 'months');
  missing(m.expectedTransactions, 'expectedTransactions');
  missing(m.consistencyError, 'consistencyError');
  missing(result.rowsWithoutQuarterShares, 'quarterShares');
  missing(m.volatility, 'volatility');
  missing(m.valueMismatch, 'valueMismatch');
  missing(m.revenuePerPoint, 'revenuePerPoint');
  if (result.ruleGroups.leftOut > 0) {
    notes.push(t('segment.details.note.groupsLeftOut', { n: result.ruleGroups.leftOut }));
  }
  const c = result.clusters;
  if (c.rowsLeftOut > 0) notes.push(t('segment.details.note.clustersLeftOut', { n: c.rowsLeftOut }));
  if (c.kind === 'ok' && c.fittedOn < c.rowsClustered) {
    notes.push(t('segment.details.note.clustersFitted', { n: fmt.count(c.fittedOn) }));
  }
  if (c.kind === 'ok' && c.silhouetteSample < c.rowsClustered) {
    notes.push(t('segment.details.note.silhouetteSample', { n: fmt.count(c.silhouetteSample) }));
  }
  return notes;
}

/** The --json form: every figure, but not the per-row chart columns. */
function summarise(result: SegmentAnomaliesResult) {
  const { points: _points, ...rest } = result;
  return {
    ...rest,
    featureLabels: Object.fromEntries(FEATURES.map((f) => [f.id, featureLabel(f.id)])),
  };
}

/** The charts left out because they would show nothing, each with its reason, in the method part. */
function chartsNotDrawn(result: SegmentAnomaliesResult, locale: Locale): AnswerSection[] {
  const lines = segmentAnomalyChartsNotDrawn(result, locale);
  return lines.length === 0
    ? []
    : [{ kind: 'text', title: translator(locale)('segment.details.chartsNotDrawn'), lines }];
}

import { FEATURES, featureLabel } from '../../analysis/segment-anomalies/customer-features.js';
import { CLUSTER_K_RANGE } from '../../analysis/segment-anomalies/feature-clusters.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { segmentAnomalyChartsNotDrawn } from '../../charts/segment-anomalies/charts-not-drawn.js';
import { buildSegmentAnomalyCharts } from '../../charts/segment-anomalies/index.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat } from '../../format/number-format.js';
import { joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { segmentAnomaliesLead } from './segment-anomalies-lead.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';
import {
  clusterSection,
  featureSection,
  other,
  riskier,
  ruleSection,
  ruleText,
  segmentTable,
  type Words,
} from './segment-anomalies-sections.js';

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

import { FEATURES, type FeatureId, featureLabel } from '../../analysis/segment-anomalies/customer-features.js';
import type { FeatureSplit } from '../../analysis/segment-anomalies/decision-rules.js';
import { CLUSTER_K_RANGE } from '../../analysis/segment-anomalies/feature-clusters.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { segmentAnomalyChartsNotDrawn } from '../../charts/segment-anomalies/charts-not-drawn.js';
import { buildSegmentAnomalyCharts } from '../../charts/segment-anomalies/index.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { segmentAnomaliesLead } from './segment-anomalies-lead.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';

const fmt = numberFormat();

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
  const provenance = buildProvenance({
    reads: [report],
    n: result.n,
    filters: [
      options.mode === 'all' ? 'all rows (every segmentation date)' : 'latest row per customer',
      ...(options.segment === undefined ? [] : [`segment = ${options.segment}`]),
    ],
    thresholds: [
      `anomaly when |retention − segment mean| > ${options.threshold}`,
      'rule groups: cume_dist tertiles (≤ 1/3, ≥ 2/3) of imbalance and volatility',
      `k-means++ seed ${options.seed}, k = ${CLUSTER_K_RANGE.join(', ')}, best by mean silhouette`,
      'splits by information gain (bits), x ≤ t vs x > t',
    ],
    notes: qualityNotes(result),
  });
  const unavailable = nothingToAnalyse(result, options);
  const sections: AnswerSection[] = unavailable
    ? [unavailable]
    : [
        segmentTable(result),
        featureSection(result),
        ruleSection(result),
        clusterSection(result),
        ...chartsNotDrawn(result),
      ];
  return {
    command: invocation(options),
    title: options.segment
      ? t('segment.titleSegment', { mode: options.mode, segment: options.segment })
      : t('segment.title', { mode: options.mode }),
    lead: segmentAnomaliesLead(result, options, provenance, distinctCustomers, unavailable?.reason ?? null, locale),
    headline: unavailable ? unavailable.reason : headline(result, options.mode === 'all'),
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
): (AnswerSection & { kind: 'unavailable' }) | null {
  if (result.n > 0) return null;
  const reason =
    result.filteredOut > 0
      ? `segment=${options.segment} matches no customer; segments present: ${result.availableSegments.join(', ')}.`
      : `none of the ${plural(result.rowsIn, 'row')} has both a profitability segment and a retention probability.`;
  return { kind: 'unavailable', title: 'Segment anomalies', reason };
}

function headline(result: SegmentAnomaliesResult, rows: boolean): string {
  const unit = rows ? 'snapshot rows' : 'customers';
  const worst = [...result.segments].sort((a, b) => b.anomalyRate - a.anomalyRate || b.n - a.n)[0];
  const first = `*${fmt.count(result.anomalies)} of ${fmt.count(result.n)}* ${unit} (${fmt.percent(result.anomalies / result.n)}) retain more than ${result.threshold} away from their segment's mean (${fmt.count(result.anomaliesAbove)} above, ${fmt.count(result.anomaliesBelow)} below).`;
  const second =
    worst && worst.anomalyRate > 0
      ? ` *${worst.segment}* mispredicts most: ${fmt.percent(worst.anomalyRate)} of its ${fmt.count(worst.n)} customers.`
      : '';
  const rule = result.decisionRules.first;
  const third = rule
    ? ` Strongest single signal: *${ruleText(rule, riskier(rule))}*, ${fmt.percent(rule[riskier(rule)].anomalyRate)} anomalous vs ${fmt.percent(rule[other(riskier(rule))].anomalyRate)} on the other side.`
    : '';
  return `${first}${second}${third}`;
}

function segmentTable(result: SegmentAnomaliesResult): AnswerSection {
  return {
    kind: 'table',
    title: 'Retention by profitability segment',
    table: {
      columns: ['Segment', 'n', 'Mean retention', 'Above', 'Below', 'Anomaly rate', 'Share of anomalies'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: result.segments.map((s) => [
        s.segment,
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
function noContrast(result: SegmentAnomaliesResult): string | null {
  if (result.anomalies === 0) return `no customer is more than ${result.threshold} from their segment's mean`;
  if (result.anomalies === result.n) return 'every customer is an anomaly, so there is no normal group to compare with';
  return null;
}

function featureSection(result: SegmentAnomaliesResult): AnswerSection {
  const title = 'Features that separate anomalies (best single split by information gain)';
  const why = noContrast(result);
  if (why) return { kind: 'unavailable', title, reason: `Not available because ${why}.` };
  const contrasts = new Map(result.featureContrasts.map((c) => [c.feature, c]));
  const ranked = result.decisionRules.perFeature
    .filter((p) => p.split !== null && p.split.gain > 0)
    .sort((a, b) => (b.split?.gain ?? 0) - (a.split?.gain ?? 0))
    .slice(0, TOP_FEATURES);
  if (ranked.length === 0) {
    return {
      kind: 'unavailable',
      title,
      reason: 'Not available because no feature has two distinct values with an information gain above 0.',
    };
  }
  return {
    kind: 'table',
    title,
    table: {
      columns: ['Feature', 'Anomalous median', 'Normal median', 'Split at', 'Rate ≤ / >', 'Gain (bits)'],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      rows: ranked.map(({ feature, split }) => {
        const c = contrasts.get(feature);
        return [
          shortLabel(feature),
          fmt.number(c?.anomalous.median),
          fmt.number(c?.normal.median),
          fmt.number(split?.threshold),
          `${fmt.percent(split?.atOrBelow.anomalyRate, { decimals: 0 })} / ${fmt.percent(split?.above.anomalyRate, { decimals: 0 })}`,
          fmt.fixed(split?.gain, 3),
        ];
      }),
    },
    note: 'Means, medians and splits of all 14 features are in --json.',
  };
}

function ruleSection(result: SegmentAnomaliesResult): AnswerSection {
  const title = 'Decision rule';
  const { first, second, riskiestSide } = result.decisionRules;
  const why = noContrast(result);
  if (why || first === null || riskiestSide === null) {
    return {
      kind: 'unavailable',
      title,
      reason: `Not available because ${why ?? 'no threshold on any feature has an information gain above 0'}.`,
    };
  }
  const rows: string[][] = [
    ruleRow(ruleText(first, 'atOrBelow'), first.atOrBelow),
    ruleRow(ruleText(first, 'above'), first.above),
  ];
  const firstRisky = ruleText(first, riskiestSide);
  if (second) {
    rows.push(ruleRow(`${firstRisky} and ${ruleText(second, 'atOrBelow')}`, second.atOrBelow));
    rows.push(ruleRow(`${firstRisky} and ${ruleText(second, 'above')}`, second.above));
  }
  const gains = `Gain ${fmt.fixed(first.gain, 3)} bits for the first split${second ? `, ${fmt.fixed(second.gain, 3)} bits for the second (inside ${firstRisky})` : `; no second split inside ${firstRisky} gains anything`}.`;
  return {
    kind: 'table',
    title,
    table: {
      columns: ['Customers', 'n', 'Anomalies', 'Anomaly rate'],
      align: ['left', 'right', 'right', 'right'],
      rows,
    },
    note: gains,
  };
}

function ruleRow(text: string, side: { n: number; anomalies: number; anomalyRate: number }): string[] {
  return [text, fmt.count(side.n), fmt.count(side.anomalies), fmt.percent(side.anomalyRate)];
}

function clusterSection(result: SegmentAnomaliesResult): AnswerSection {
  const clusters = result.clusters;
  if (clusters.kind === 'unavailable') {
    return { kind: 'unavailable', title: 'Clusters', reason: `Not available because ${clusters.reason}.` };
  }
  const shown: FeatureId[] = ['imbalance', 'volatility', 'consistencyError', 'valueMismatch'];
  const tops = (mix: readonly { label: string; n: number }[], n: number) =>
    mix[0] ? `${mix[0].label} ${fmt.percent(mix[0].n / n, { decimals: 0 })}` : 'n/a';
  return {
    kind: 'table',
    title: `Clusters (k = ${clusters.bestK}, mean silhouette ${fmt.fixed(clusters.bestSilhouette, 2)})`,
    table: {
      columns: [
        'Cluster',
        'n',
        'Anomaly rate',
        'Main segment',
        'Main stage',
        ...shown.map((f) => `${shortLabel(f)} (median)`),
      ],
      align: ['left', 'right', 'right', 'left', 'left', ...shown.map(() => 'right' as const)],
      rows: clusters.clusters.map((c) => [
        String(c.cluster),
        fmt.count(c.n),
        fmt.percent(c.anomalyRate),
        tops(c.segmentMix, c.n),
        tops(c.stageMix, c.n),
        ...shown.map((f) => fmt.number(c.medians[f])),
      ]),
    },
    note: `Silhouette by k: ${clusters.candidates.map((c) => `${c.k}: ${fmt.fixed(c.silhouette, 2)}`).join(', ')}. ${plural(clusters.rowsClustered, 'customer')} with every feature clustered.`,
  };
}

export function shortLabel(feature: FeatureId): string {
  return FEATURES.find((f) => f.id === feature)?.short ?? feature;
}

type SideName = 'atOrBelow' | 'above';

function riskier(split: FeatureSplit): SideName {
  return split.above.anomalyRate > split.atOrBelow.anomalyRate ? 'above' : 'atOrBelow';
}

function other(side: SideName): SideName {
  return side === 'above' ? 'atOrBelow' : 'above';
}

export function ruleText(split: FeatureSplit, side: SideName): string {
  return `${shortLabel(split.feature)} ${side === 'above' ? '>' : '≤'} ${fmt.number(split.threshold)}`;
}

function qualityNotes(result: SegmentAnomaliesResult): string[] {
  const notes: string[] = [];
  if (result.excluded > 0) notes.push(`${plural(result.excluded, 'row')} without a segment or retention left out`);
  const m = result.missingFeatures;
  const missing = (count: number, what: string) => {
    if (count > 0 && count < result.n) notes.push(`${what} missing for ${plural(count, 'customer')}`);
    if (count > 0 && count === result.n) notes.push(`${what} missing for every customer`);
  };
  missing(m.months, 'age in months (customer_age_days NULL)');
  missing(m.expectedTransactions, 'expected transactions (age or avg per month NULL)');
  missing(m.consistencyError, 'consistency error (expected 0 or an input NULL)');
  missing(result.rowsWithoutQuarterShares, 'quarter shares, imbalance, entropy and CV (a quarter NULL or all four 0)');
  missing(m.volatility, 'value volatility');
  missing(m.valueMismatch, 'value mismatch (revenue or score NULL)');
  missing(m.revenuePerPoint, 'revenue per score point (score 0 or NULL, or revenue NULL)');
  if (result.ruleGroups.leftOut > 0) {
    notes.push(
      `rule groups: ${plural(result.ruleGroups.leftOut, 'customer')} without imbalance or volatility left out`,
    );
  }
  const c = result.clusters;
  if (c.rowsLeftOut > 0) notes.push(`clusters: ${plural(c.rowsLeftOut, 'customer')} with a missing feature left out`);
  if (c.kind === 'ok' && c.fittedOn < c.rowsClustered) {
    notes.push(
      `clusters: k-means fitted on an even sample of ${fmt.count(c.fittedOn)}, then every customer assigned to the nearest centre`,
    );
  }
  if (c.kind === 'ok' && c.silhouetteSample < c.rowsClustered) {
    notes.push(`clusters: silhouette computed on an even sample of ${fmt.count(c.silhouetteSample)} customers`);
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
function chartsNotDrawn(result: SegmentAnomaliesResult): AnswerSection[] {
  const lines = segmentAnomalyChartsNotDrawn(result);
  return lines.length === 0 ? [] : [{ kind: 'text', title: 'Charts not drawn', lines }];
}

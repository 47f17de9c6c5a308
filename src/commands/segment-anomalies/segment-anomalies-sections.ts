import type { FeatureId } from '../../analysis/segment-anomalies/customer-features.js';
import type { FeatureSplit } from '../../analysis/segment-anomalies/decision-rules.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { featureShort } from '../../charts/segment-anomalies/chart-parts.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor } from '../../i18n/translate.js';
import type { AnswerSection } from '../command-answer.js';

/** Rows of the "features that separate anomalies" table. */
const TOP_FEATURES = 5;

/** What every part of the method section words and formats with: the reader's catalogue and number formatter. */
export interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly locale: Locale;
}

export function segmentTable(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
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
export function noContrast(result: SegmentAnomaliesResult, t: Translate): string | null {
  if (result.anomalies === 0) return t('segment.details.whyNoAnomalies', { threshold: String(result.threshold) });
  if (result.anomalies === result.n) return t('segment.details.whyAllAnomalies');
  return null;
}

export function featureSection(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
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

export function ruleSection(result: SegmentAnomaliesResult, w: Words): AnswerSection {
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

export function clusterSection(result: SegmentAnomaliesResult, { t, fmt, locale }: Words): AnswerSection {
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

export function riskier(split: FeatureSplit): SideName {
  return split.above.anomalyRate > split.atOrBelow.anomalyRate ? 'above' : 'atOrBelow';
}

export function other(side: SideName): SideName {
  return side === 'above' ? 'atOrBelow' : 'above';
}

export function ruleText(split: FeatureSplit, side: SideName, locale: Locale = 'en'): string {
  const fmt = numberFormat(locale);
  return `${shortLabel(split.feature, locale)} ${side === 'above' ? '>' : '≤'} ${fmt.number(split.threshold)}`;
}

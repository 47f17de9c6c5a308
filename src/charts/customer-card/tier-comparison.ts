import type { CardMetric, CustomerCard } from '../../analysis/customer-card/build-card.js';
import { CARD_METRICS } from '../../analysis/customer-card/build-card.js';
import { numberFormat } from '../../format/number-format.js';
import { joinEnumeration } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, type Translate, termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber, type NumberFormatKind } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

/** A metric's axis label and its name inside a sentence, from the catalogue. */
function metricLabel(metric: CardMetric, t: Translate): string {
  return t(`chart.card.metric.${metric}` as MessageKey);
}

function metricWord(metric: CardMetric, t: Translate): string {
  return t(`chart.card.word.${metric}` as MessageKey);
}

/** Churn is the one metric where lower is better. */
const LOWER_IS_BETTER: ReadonlySet<CardMetric> = new Set(['churn']);

/** "better than the Gold median on health and RFM, worse on churn risk": the customer's standing in one line. */
function standing(
  card: CustomerCard,
  tier: string,
  medians: Readonly<Record<CardMetric, number | null>>,
  t: Translate,
): string {
  const better: string[] = [];
  const worse: string[] = [];
  for (const metric of CARD_METRICS) {
    const own = card.values[metric];
    const med = medians[metric];
    if (own === null || med === null || own === med) continue;
    const ahead = LOWER_IS_BETTER.has(metric) ? own < med : own > med;
    (ahead ? better : worse).push(metricWord(metric, t));
  }
  const list = (items: string[]): string =>
    items.length > 1
      ? t('chart.card.and', { first: joinEnumeration(t, items.slice(0, -1)), last: items.at(-1) as string })
      : (items[0] as string);
  if (better.length === 0 && worse.length === 0) return t('chart.card.level', { tier });
  if (worse.length === 0) return t('chart.card.better', { tier, better: list(better) });
  if (better.length === 0) return t('chart.card.worse', { tier, worse: list(worse) });
  return t('chart.card.mixed', { tier, better: list(better), worse: list(worse) });
}

const METRIC_FORMATS: Readonly<Record<CardMetric, NumberFormatKind>> = {
  health: 'decimal',
  churn: 'percent',
  ltv: 'decimal',
  rfm: 'decimal',
};

/** Each metric on its own scale (they share no unit), the customer beside the tier median. */
export function buildTierComparisonChart(card: CustomerCard, locale: Locale = 'en'): ChartDefinition | null {
  const t = translator(locale);
  const tier = card.tierMedians;
  if (tier === null) return null;
  const tierName = termFor(locale, 'tier', tier.tier);
  const who = truncateLabel(card.customer.organization ?? card.customer.email, 24);
  const median = t('chart.card.median', { tier: tierName });
  const values = CARD_METRICS.flatMap((metric) => {
    const own = card.values[metric];
    const med = tier.medians[metric];
    return [
      ...(own === null
        ? []
        : [
            {
              metric: metricLabel(metric, t),
              who,
              value: own,
              label: metricText(metric, own, locale),
            },
          ]),
      ...(med === null
        ? []
        : [
            {
              metric: metricLabel(metric, t),
              who: median,
              value: med,
              label: metricText(metric, med, locale),
            },
          ]),
    ];
  });
  if (values.length === 0) return null;
  // The metrics share no unit, so each pair is drawn relative to its larger value and labelled with the real one.
  const largest = new Map<string, number>();
  for (const v of values) largest.set(v.metric, Math.max(largest.get(v.metric) ?? 0, Math.abs(v.value)));
  const rows = values.map((v) => ({
    ...v,
    relative: (largest.get(v.metric) ?? 0) > 0 ? v.value / (largest.get(v.metric) as number) : 0,
  }));
  const title = t('chart.card.title', { who, standing: standing(card, tierName, tier.medians, t) });
  return {
    id: 'customer-vs-tier',
    title,
    altText: t('chart.card.alt', { tier: tierName }),
    spec: withTheme({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, [
        t('chart.card.subtitle', { n: formatNumber(tier.n, 'integer', locale), tier: tierName }),
        t('chart.card.subtitle2'),
      ]),
      data: { values: rows },
      height: 360,
      autosize: GROW_HEIGHT_AUTOSIZE,
      encoding: {
        y: { field: 'metric', type: 'nominal', sort: CARD_METRICS.map((m) => metricLabel(m, t)), title: null },
        yOffset: { field: 'who', sort: [who, median] },
        x: {
          field: 'relative',
          type: 'quantitative',
          title: t('chart.card.axis'),
          axis: { labels: false, ticks: false, grid: false },
          scale: { domain: [0, 1.25] },
        },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            color: {
              field: 'who',
              type: 'nominal',
              title: null,
              scale: { domain: [who, median], range: [CATEGORY_PALETTE[0], '#A6A6A6'] },
            },
          },
        },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'label' } } },
      ],
    } as unknown as TopLevelSpec),
  };
}

/** Each metric as the answer writes it: money for LTV, a percent for churn, two decimals for scores. */
function metricText(metric: CardMetric, value: number, locale: Locale): string {
  return metric === 'ltv' ? numberFormat(locale).money(value) : formatNumber(value, METRIC_FORMATS[metric], locale);
}

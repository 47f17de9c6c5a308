import type { CardMetric, CustomerCard } from '../../analysis/customer-card/build-card.js';
import { CARD_METRICS } from '../../analysis/customer-card/build-card.js';
import { numberFormat } from '../../format/number-format.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber, type NumberFormatKind } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

const METRIC_LABELS: Readonly<Record<CardMetric, string>> = {
  health: 'Health score (~1–5)',
  churn: 'Churn risk',
  ltv: 'Lifetime value (LTV)',
  rfm: 'RFM composite (1–5)',
};

/** How each metric is named inside a sentence. */
const METRIC_WORDS: Readonly<Record<CardMetric, string>> = {
  health: 'health',
  churn: 'churn risk',
  ltv: 'lifetime value',
  rfm: 'RFM',
};

/** Churn is the one metric where lower is better. */
const LOWER_IS_BETTER: ReadonlySet<CardMetric> = new Set(['churn']);

/** "better than the Gold median on health and RFM, worse on churn risk": the customer's standing in one line. */
function standing(card: CustomerCard, tierName: string, medians: Readonly<Record<CardMetric, number | null>>): string {
  const better: string[] = [];
  const worse: string[] = [];
  for (const metric of CARD_METRICS) {
    const own = card.values[metric];
    const med = medians[metric];
    if (own === null || med === null || own === med) continue;
    const ahead = LOWER_IS_BETTER.has(metric) ? own < med : own > med;
    (ahead ? better : worse).push(METRIC_WORDS[metric]);
  }
  const list = (items: string[]) =>
    items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0];
  if (better.length === 0 && worse.length === 0) return `level with the ${tierName} median`;
  if (worse.length === 0) return `better than the ${tierName} median on ${list(better)}`;
  if (better.length === 0) return `worse than the ${tierName} median on ${list(worse)}`;
  return `better than the ${tierName} median on ${list(better)}, worse on ${list(worse)}`;
}

const METRIC_FORMATS: Readonly<Record<CardMetric, NumberFormatKind>> = {
  health: 'decimal',
  churn: 'percent',
  ltv: 'decimal',
  rfm: 'decimal',
};

/** Each metric on its own scale (they share no unit), the customer beside the tier median. */
export function buildTierComparisonChart(card: CustomerCard): ChartDefinition | null {
  const tier = card.tierMedians;
  if (tier === null) return null;
  const who = truncateLabel(card.customer.organization ?? card.customer.email, 24);
  const median = `${tier.tier} median`;
  const values = CARD_METRICS.flatMap((metric) => {
    const own = card.values[metric];
    const med = tier.medians[metric];
    return [
      ...(own === null
        ? []
        : [
            {
              metric: METRIC_LABELS[metric],
              who,
              value: own,
              label: metricText(metric, own),
            },
          ]),
      ...(med === null
        ? []
        : [
            {
              metric: METRIC_LABELS[metric],
              who: median,
              value: med,
              label: metricText(metric, med),
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
  const title = `${who}: ${standing(card, tier.tier, tier.medians)}`;
  return {
    id: 'customer-vs-tier',
    title,
    altText: `Bars comparing this customer's health, churn, LTV and RFM with the ${tier.tier} tier medians.`,
    spec: withTheme({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: chartTitle(title, [
        `This customer beside the median of the ${formatNumber(tier.n, 'integer')} ${tier.tier} customers`,
        'Higher health, LTV and RFM are better; lower churn risk is better',
      ]),
      data: { values: rows },
      height: 360,
      autosize: GROW_HEIGHT_AUTOSIZE,
      encoding: {
        y: { field: 'metric', type: 'nominal', sort: CARD_METRICS.map((m) => METRIC_LABELS[m]), title: null },
        yOffset: { field: 'who', sort: [who, median] },
        x: {
          field: 'relative',
          type: 'quantitative',
          title: 'Each metric on its own scale',
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
function metricText(metric: CardMetric, value: number): string {
  return metric === 'ltv' ? numberFormat().money(value) : formatNumber(value, METRIC_FORMATS[metric]);
}

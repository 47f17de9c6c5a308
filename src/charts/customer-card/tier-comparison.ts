import type { CardMetric, CustomerCard } from '../../analysis/customer-card/build-card.js';
import { CARD_METRICS } from '../../analysis/customer-card/build-card.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber, type NumberFormatKind } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';

const METRIC_LABELS: Readonly<Record<CardMetric, string>> = {
  health: 'Health score',
  churn: 'Churn probability',
  ltv: 'Estimated LTV ($)',
  rfm: 'RFM composite (1–5)',
};

const METRIC_FORMATS: Readonly<Record<CardMetric, NumberFormatKind>> = {
  health: 'decimal',
  churn: 'percent',
  ltv: 'compact',
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
              label: money(metric, formatNumber(own, METRIC_FORMATS[metric])),
            },
          ]),
      ...(med === null
        ? []
        : [
            {
              metric: METRIC_LABELS[metric],
              who: median,
              value: med,
              label: money(metric, formatNumber(med, METRIC_FORMATS[metric])),
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
  const title = `${who} vs ${tier.tier} median (n = ${formatNumber(tier.n, 'integer')} ${tier.tier})`;
  return {
    id: 'customer-vs-tier',
    title,
    altText: `Bars comparing this customer's health, churn, LTV and RFM with the ${tier.tier} tier medians.`,
    spec: withTheme({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: title,
        subtitle: 'Higher health, LTV and RFM are better; lower churn is better',
      },
      data: { values: rows },
      height: 360,
      encoding: {
        y: { field: 'metric', type: 'nominal', sort: CARD_METRICS.map((m) => METRIC_LABELS[m]), title: null },
        yOffset: { field: 'who', sort: [who, median] },
        x: {
          field: 'relative',
          type: 'quantitative',
          title: 'Relative to the larger of the two (each metric on its own scale)',
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

function money(metric: CardMetric, text: string): string {
  return metric === 'ltv' ? `$${text}` : text;
}

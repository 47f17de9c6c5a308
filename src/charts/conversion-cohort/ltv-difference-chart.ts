import type { CohortLtv } from '../../analysis/conversion-cohort/cohort-value.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';

const ABOVE_COLOR = CATEGORY_PALETTE[0];
const BELOW_COLOR = CATEGORY_PALETTE[3];

/**
 * Cohort mean LTV against the whole tier's mean, as a percentage (tiers differ tenfold in
 * LTV, so dollars would hide the small tiers), bars in tier order from Basic to Platinum.
 * Each bar is labelled with the %, the dollar difference and the cohort n of the tier.
 */
export function buildLtvDifferenceChart(ltv: CohortLtv): ChartDefinition | null {
  const tiers = ltv.byTier.filter((t) => t.differencePct !== null && t.difference !== null);
  if (tiers.length === 0) return null;
  const values = tiers.map((t) => ({
    tier: t.tier,
    pct: t.differencePct as number,
    direction: (t.differencePct as number) >= 0 ? 'Above tier mean' : 'Below tier mean',
    label: `${signed(t.differencePct as number, 'percent1')} (${signed(t.difference as number, 'money')}; n = ${formatNumber(t.cohortN, 'integer')})`,
  }));
  const n = tiers.reduce((s, t) => s + t.cohortN, 0);
  const extent = Math.max(0.05, ...values.map((v) => Math.abs(v.pct)));
  const title = `Cohort LTV vs the same tier's mean (n = ${formatNumber(n, 'integer')} cohort customers)`;
  const perCustomer = ltv.perCustomer;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: `value-table estimated_customer_ltv; per-customer difference: mean ${signed(perCustomer.mean ?? 0, 'money')}, median ${signed(perCustomer.median ?? 0, 'money')}`,
    },
    data: { values },
    encoding: {
      y: { field: 'tier', type: 'nominal', sort: values.map((v) => v.tier), title: 'Customer tier' },
      x: {
        field: 'pct',
        type: 'quantitative',
        title: 'Cohort mean LTV minus tier mean (% of tier mean)',
        axis: { format: '.0%' },
        scale: { domain: [-extent * 1.9, extent * 1.9], nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 }, cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'direction',
            type: 'nominal',
            title: null,
            scale: { domain: ['Above tier mean', 'Below tier mean'], range: [ABOVE_COLOR, BELOW_COLOR] },
          },
        },
      },
      { mark: { type: 'rule', color: '#555555' }, encoding: { x: { datum: 0 } } },
      {
        mark: {
          type: 'text',
          align: { expr: "datum.pct < 0 ? 'right' : 'left'" },
          dx: { expr: 'datum.pct < 0 ? -4 : 4' },
        },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
  const largest = [...values].sort((a, b) => Math.abs(b.pct) - Math.abs(a.pct))[0];
  return {
    id: 'cohort-ltv-vs-tier',
    title,
    altText: largest
      ? `The largest gap is in ${largest.tier}: ${largest.label.replace(/;.*$/, ')')} against the tier's mean.`
      : 'No tier to compare.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

function signed(value: number, kind: 'percent1' | 'money'): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  const text = kind === 'percent1' ? `${(magnitude * 100).toFixed(1)}%` : `$${formatNumber(magnitude, 'compact')}`;
  return `${sign}${text}`;
}

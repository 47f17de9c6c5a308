import type { CohortLtv } from '../../analysis/conversion-cohort/cohort-value.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

/** Tiers with fewer cohort customers than this are drawn pale: too few to read a gap from. */
export const SMALL_TIER = 20;

const MEDIAN = 'Typical (median) cohort customer';
const MEAN = 'Cohort mean';

/** Median in blue (the honest centre of a skewed LTV), mean in orange; ΔE ≥ 60 under colour-blind simulation. */
export const LTV_MEASURE_SCALE = { domain: [MEDIAN, MEAN], range: [CATEGORY_PALETTE[0], CATEGORY_PALETTE[1]] };

/**
 * Cohort LTV against the same tier's mean, as % of the tier mean (tiers differ tenfold), for
 * the typical (median) cohort customer and for the cohort mean side by side: LTV is skewed, so
 * a few large accounts can lift every mean above the tier while most customers sit below it.
 * Bars start at zero on a symmetric axis; tiers under SMALL_TIER are pale with their n.
 */
export function buildLtvDifferenceChart(ltv: CohortLtv, locale: Locale = 'en'): ChartDefinition | null {
  const tiers = ltv.byTier.filter((t) => t.tierMean !== null && t.tierMean !== 0 && t.difference !== null);
  if (tiers.length === 0) return null;
  const money = numberFormat(locale);
  const signedPct = (x: number) => money.signed(x, (v) => money.percent(v, { decimals: 0 }));
  const signedMoney = (x: number) => money.signed(x, (v) => money.money(v));
  const values = tiers.flatMap((t) => {
    const tierMean = t.tierMean as number;
    const rows = [
      { measure: MEAN, pct: (t.difference as number) / tierMean, dollars: t.difference as number },
      ...(t.medianDifference !== null
        ? [{ measure: MEDIAN, pct: t.medianDifference / tierMean, dollars: t.medianDifference }]
        : []),
    ];
    return rows.map((r) => ({
      tier: `${t.tier} (n ${formatNumber(t.cohortN, 'integer', locale)})`,
      measure: r.measure,
      pct: r.pct,
      small: t.cohortN < SMALL_TIER,
      label: `${signedPct(r.pct)} (${signedMoney(r.dollars)})`,
    }));
  });
  const extent = Math.max(0.05, ...values.map((v) => Math.abs(v.pct)));
  const { mean, median, n } = ltv.perCustomer;
  const below = (x: number) => `${money.money(Math.abs(x))} ${x < 0 ? 'below' : 'above'}`;
  const title =
    median === null || mean === null
      ? 'Cohort LTV against the same tier'
      : median < 0 !== mean < 0
        ? `The typical cohort customer's LTV is ${below(median)} their tier's mean; a few large accounts move the mean ${mean < 0 ? 'down' : 'up'}`
        : `Cohort customers' LTV sits ${below(median)} their tier's mean (median customer)`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [
      `${formatNumber(n, 'integer', locale)} cohort customers with a tier and a lifetime value (LTV), each against the mean of every customer in the same tier`,
      `Per customer: median ${signedMoney(median ?? 0)}, mean ${signedMoney(mean ?? 0)}; pale = fewer than ${SMALL_TIER} in the cohort`,
    ]),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: tiers.length * 64,
    data: { values },
    encoding: {
      y: { field: 'tier', type: 'nominal', sort: [...new Set(values.map((v) => v.tier))], title: null },
      yOffset: { field: 'measure', sort: LTV_MEASURE_SCALE.domain },
      x: {
        field: 'pct',
        type: 'quantitative',
        title: 'Difference from the tier mean (% of the tier mean)',
        axis: { format: '.0%' },
        scale: { domain: [-extent * 2, extent * 2], nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 }, cornerRadiusEnd: 2 },
        encoding: {
          color: { field: 'measure', type: 'nominal', title: null, scale: LTV_MEASURE_SCALE },
          fillOpacity: { condition: { test: 'datum.small', value: 0.35 }, value: 1 },
        },
      },
      { mark: { type: 'rule', color: '#555555' }, encoding: { x: { datum: 0 }, y: null, yOffset: null } },
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
  return {
    id: 'cohort-ltv-vs-tier',
    title,
    altText: `${title}. ${values.map((v) => `${v.tier}, ${v.measure.toLowerCase()}: ${v.label}`).join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

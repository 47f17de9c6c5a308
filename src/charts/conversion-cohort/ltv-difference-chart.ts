import type { CohortLtv } from '../../analysis/conversion-cohort/cohort-value.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, UNSTACKED, withTheme } from '../theme.js';

/** Tiers with fewer cohort customers than this are drawn pale: too few to read a gap from. */
export const SMALL_TIER = 20;

/** Median in blue (the honest centre of a skewed LTV), mean in orange; ΔE ≥ 60 under colour-blind simulation. */
export function ltvMeasureScale(locale: Locale = 'en') {
  const t = translator(locale);
  return { domain: [t('chart.ltv.median'), t('chart.ltv.mean')], range: [CATEGORY_PALETTE[0], CATEGORY_PALETTE[1]] };
}

export const LTV_MEASURE_SCALE = ltvMeasureScale('en');

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
  const t = translator(locale);
  const scale = ltvMeasureScale(locale);
  const [MEDIAN, MEAN] = scale.domain as [string, string];
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
      tier: translator(locale)('chart.ltv.tier', {
        tier: termFor(locale, 'tier', t.tier),
        n: formatNumber(t.cohortN, 'integer', locale),
      }),
      measure: r.measure,
      pct: r.pct,
      small: t.cohortN < SMALL_TIER,
      label: translator(locale)('chart.ltv.label', { pct: signedPct(r.pct), money: signedMoney(r.dollars) }),
    }));
  });
  const extent = Math.max(0.05, ...values.map((v) => Math.abs(v.pct)));
  const { mean, median, n } = ltv.perCustomer;
  const below = (x: number) => t(x < 0 ? 'chart.ltv.below' : 'chart.ltv.above', { money: money.money(Math.abs(x)) });
  const title =
    median === null || mean === null
      ? t('chart.ltv.titlePlain')
      : median < 0 !== mean < 0
        ? t('chart.ltv.titleSplit', { median: below(median), direction: mean < 0 ? 'down' : 'up' })
        : t('chart.ltv.title', { median: below(median) });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [
      t('chart.ltv.subtitle', { n: formatNumber(n, 'integer', locale) }),
      t('chart.ltv.subtitle2', { median: signedMoney(median ?? 0), mean: signedMoney(mean ?? 0), small: SMALL_TIER }),
    ]),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: tiers.length * 64,
    data: { values },
    encoding: {
      y: { field: 'tier', type: 'nominal', sort: [...new Set(values.map((v) => v.tier))], title: null },
      yOffset: { field: 'measure', sort: scale.domain },
      x: {
        field: 'pct',
        type: 'quantitative',
        stack: UNSTACKED,
        title: t('chart.ltv.axis'),
        axis: { format: '.0%' },
        scale: { domain: [-extent * 2, extent * 2], nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 }, cornerRadiusEnd: 2 },
        encoding: {
          color: { field: 'measure', type: 'nominal', title: null, scale },
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
    altText: `${title}. ${values.map((v) => `${v.tier}, ${v.measure.toLocaleLowerCase(locale)}: ${v.label}`).join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

import type { FeatureId } from '../../analysis/segment-anomalies/customer-features.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { BoxStats } from '../../analysis/stats/descriptive.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition } from '../chart-definition.js';
import { chart, count, featureLong, featureShort, GROUP_COLOR_SCALE, thresholdText } from './chart-parts.js';

/** Panels shown: the features with the highest information gain. */
export const DISTRIBUTION_FEATURES = 4;

/** A name inside a sentence: lower-cased unless it starts with an abbreviation ("Q3 share" stays). */
function inSentence(name: string, locale: Locale): string {
  return /^\p{Lu}{2}|^\p{Lu}\d/u.test(name) ? name : name.toLocaleLowerCase(locale);
}

/** One group's median lies outside the other's interquartile range: the boxes do not just overlap. */
export function separates(a: BoxStats | null | undefined, b: BoxStats | null | undefined): boolean {
  if (!a || !b) return false;
  return a.median < b.q1 || a.median > b.q3 || b.median < a.q1 || b.median > a.q3;
}

/** The features (best information gain first) on which anomalous and normal customers' boxes do not just overlap. */
export function separatingFeatures(result: SegmentAnomaliesResult): FeatureId[] {
  const contrasts = new Map(result.featureContrasts.map((c) => [c.feature, c]));
  return result.decisionRules.perFeature
    .filter((p) => p.split !== null && p.split.gain > 0)
    .sort((a, b) => (b.split?.gain ?? 0) - (a.split?.gain ?? 0))
    .map((p) => p.feature)
    .filter((f) => separates(contrasts.get(f)?.anomalous.box, contrasts.get(f)?.normal.box))
    .slice(0, DISTRIBUTION_FEATURES);
}

/**
 * Box plots (whiskers min–max, box quartiles, tick median) of anomalous vs normal customers
 * for the features that separate them best, one panel per feature on its own scale.
 */
export function buildFeatureDistributionChart(
  result: SegmentAnomaliesResult,
  locale: Locale = 'en',
): ChartDefinition | null {
  const contrasts = new Map(result.featureContrasts.map((c) => [c.feature, c]));
  const chosen = separatingFeatures(result);
  // Boxes that overlap completely show nothing: the chart is drawn only for features that separate.
  if (chosen.length === 0) return null;
  const t = translator(locale);
  // English keeps the export's long feature names; other languages use the catalogue's (the short ones say enough).
  const featureName = (id: FeatureId) => (locale === 'en' ? featureLong(id) : featureShort(id, locale));
  const groupLabels = { anomalous: t('chart.dist.anomalous'), normal: t('chart.dist.normal') };
  const colourScale = { domain: [groupLabels.anomalous, groupLabels.normal], range: GROUP_COLOR_SCALE.range };
  const values = chosen.flatMap((feature) => {
    const c = contrasts.get(feature);
    const row = (group: string, box: BoxStats) => ({
      feature: featureName(feature),
      group: t('chart.dist.group', { group, n: count(box.n, locale) }),
      kind: group,
      ...box,
    });
    return c?.anomalous.box && c.normal.box
      ? [row(groupLabels.anomalous, c.anomalous.box), row(groupLabels.normal, c.normal.box)]
      : [];
  });
  const lead = chosen[0] as FeatureId;
  const leadContrast = contrasts.get(lead);
  const title = t('chart.dist.title', {
    feature: inSentence(featureName(lead), locale),
    anomalous: thresholdText(leadContrast?.anomalous.box?.median ?? Number.NaN, locale),
    normal: thresholdText(leadContrast?.normal.box?.median ?? Number.NaN, locale),
  });
  const colour = { field: 'kind', type: 'nominal', title: null, scale: colourScale };
  const y = { field: 'group', type: 'nominal', title: null, sort: 'ascending' };
  // Five ticks: each panel is 540 px wide, and six or more two-decimal labels run into each other.
  const valueAxis = (field: string) => ({
    field,
    type: 'quantitative',
    title: null,
    scale: { zero: false },
    axis: { tickCount: 5 },
  });
  return chart(
    'feature-distributions',
    title,
    [t('chart.dist.subtitle', { n: count(result.n, locale) }), t('chart.dist.subtitle2')],
    t('chart.dist.alt', { features: chosen.map(featureName).join(locale === 'en' ? ', ' : '、') }),
    {
      // vega-lite sizes a faceted chart only by padding: 'fit-x' (the theme's default) gives it no width at all.
      autosize: { type: 'pad', contains: 'padding' },
      data: { values },
      facet: {
        row: {
          field: 'feature',
          type: 'nominal',
          sort: chosen.map(featureName),
          title: null,
          header: {
            labelAngle: 0,
            labelAlign: 'left',
            labelAnchor: 'start',
            labelOrient: 'top',
            labelFontWeight: 700,
            labelPadding: 4,
          },
        },
      },
      spec: {
        width: 540,
        height: 62,
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { y, x: valueAxis('min'), x2: { field: 'max' }, color: colour },
          },
          {
            mark: { type: 'bar', size: 18, fillOpacity: 0.35, strokeWidth: 1.5 },
            encoding: { y, x: valueAxis('q1'), x2: { field: 'q3' }, color: colour, stroke: colour },
          },
          { mark: { type: 'tick', thickness: 3, size: 22 }, encoding: { y, x: valueAxis('median'), color: colour } },
        ],
      },
      resolve: { scale: { x: 'independent', y: 'independent' }, axis: { x: 'independent' } },
      spacing: 18,
    },
  );
}

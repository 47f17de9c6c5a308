import type { FeatureId } from '../../analysis/segment-anomalies/customer-features.js';
import { FEATURES } from '../../analysis/segment-anomalies/customer-features.js';
import type { FeatureSplit, Side } from '../../analysis/segment-anomalies/decision-rules.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

/** Shared pieces of the §5 charts: anomaly colours, labels and the definition wrapper. */

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Segment, stage and rule labels longer than this end in an ellipsis. */
export const CATEGORY_LABEL_WIDTH = 26;

export const ANOMALY_LABELS = {
  above: 'Anomaly: above segment mean',
  below: 'Anomaly: below segment mean',
  normal: 'Normal',
} as const;

/**
 * Retaining worse than the segment predicts is the alarm (vermillion), better is the pleasant
 * surprise (blue), normal customers recede (light grey). Blue, not bluish green: under a
 * deuteranopia simulation the green turned the grey of "normal" (ΔE 15); blue stays ≥ 40 apart.
 */
export const ANOMALY_COLOR_SCALE = {
  domain: [ANOMALY_LABELS.below, ANOMALY_LABELS.above, ANOMALY_LABELS.normal],
  range: [CATEGORY_PALETTE[3], CATEGORY_PALETTE[0], '#BDBDBD'],
};

/** The anomaly directions in the chart's language, and their colour scale. */
export function anomalyWords(locale: Locale) {
  const t = translator(locale);
  const labels = {
    above: t('chart.anomaly.above'),
    below: t('chart.anomaly.below'),
    normal: t('chart.anomaly.normal'),
  };
  return {
    label: (direction: number) => (direction === 1 ? labels.above : direction === -1 ? labels.below : labels.normal),
    short: (direction: number) =>
      t(
        direction === 1
          ? 'chart.anomaly.shortAbove'
          : direction === -1
            ? 'chart.anomaly.shortBelow'
            : 'chart.anomaly.shortNormal',
      ),
    scale: { domain: [labels.below, labels.above, labels.normal], range: ANOMALY_COLOR_SCALE.range },
  };
}

export const GROUP_LABELS = { anomalous: 'Anomalous', normal: 'Normal' } as const;

export const GROUP_COLOR_SCALE = {
  domain: [GROUP_LABELS.anomalous, GROUP_LABELS.normal],
  range: [CATEGORY_PALETTE[3], CATEGORY_PALETTE[0]],
};

/** Groups with fewer customers than this are drawn pale: their rate is too uncertain to rank. */
export const SMALL_GROUP = 20;

/** Colour of bars showing an anomaly rate. */
export const RATE_COLOR = CATEGORY_PALETTE[3];

export function directionLabel(direction: number): string {
  return direction === 1 ? ANOMALY_LABELS.above : direction === -1 ? ANOMALY_LABELS.below : ANOMALY_LABELS.normal;
}

export function label(text: string): string {
  return truncateLabel(text, CATEGORY_LABEL_WIDTH);
}

export function count(n: number, locale: Locale = 'en'): string {
  return formatNumber(n, 'integer', locale);
}

export function percent(rate: number, locale: Locale = 'en'): string {
  return formatNumber(rate, 'percent', locale);
}

export function featureShort(id: FeatureId, locale: Locale = 'en'): string {
  if (locale !== 'en') return translator(locale)(`feature.short.${id}` as MessageKey);
  return FEATURES.find((f) => f.id === id)?.short ?? id;
}

export function featureLong(id: FeatureId): string {
  return FEATURES.find((f) => f.id === id)?.label ?? id;
}

/** 17.58, 0.62, 0.0038: two decimals from 1 up, two significant digits below. */
export function thresholdText(value: number, locale: Locale = 'en'): string {
  return formatNumber(value, Math.abs(value) >= 1 ? 'decimal' : 'significant', locale);
}

/** "Volatility > 0.62": a split side as people read it. */
export function sideText(split: FeatureSplit, side: Side, locale: Locale = 'en'): string {
  return `${featureShort(split.feature, locale)} ${side === 'above' ? '>' : '≤'} ${thresholdText(split.threshold, locale)}`;
}

/** `subtitle` may be several lines, so a long explanation wraps instead of being cut off. */
export function chart(
  id: string,
  title: string,
  subtitle: string | readonly string[],
  altText: string,
  spec: object,
): ChartDefinition {
  const full = { $schema: SCHEMA, title: chartTitle(title, subtitle), autosize: GROW_HEIGHT_AUTOSIZE, ...spec };
  return { id, title, altText, spec: withTheme(full as unknown as TopLevelSpec) };
}

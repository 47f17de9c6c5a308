import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition } from '../chart-definition.js';
import { buildFeatureDistributionChart } from './feature-distributions.js';
import { buildImbalanceVolatilityHeatmap } from './imbalance-volatility-heatmap.js';
import { buildRuleRateChart, buildStageRateChart } from './rate-bars.js';
import { buildRetentionBySegmentChart } from './retention-by-segment.js';
import { buildValueMismatchScatter } from './value-mismatch-scatter.js';

/**
 * The §5 charts, most telling first (the runner keeps the first three by default): where the
 * anomalies are, the rule that finds them, and the stage they sit in.
 */
export function buildSegmentAnomalyCharts(result: SegmentAnomaliesResult, locale: Locale = 'en'): ChartDefinition[] {
  return [
    buildRetentionBySegmentChart(result, locale),
    buildRuleRateChart(result, locale),
    buildStageRateChart(result, locale),
    buildFeatureDistributionChart(result, locale),
    buildImbalanceVolatilityHeatmap(result, locale),
    buildValueMismatchScatter(result, locale),
  ].filter((c): c is ChartDefinition => c !== null);
}

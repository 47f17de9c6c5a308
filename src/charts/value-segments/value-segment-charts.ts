import type { ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition } from '../chart-definition.js';
import { correlationHeatmapChart, rfmLtvScatterChart } from './relationship-charts.js';
import {
  churnBoxChart,
  inactivityHistogramChart,
  lifecycleMixChart,
  rfmBarsChart,
} from './segment-comparison-charts.js';

/** §3's charts, most telling first: the runner posts the first three by default. */
export function buildValueSegmentCharts(result: ValueSegmentsResult, locale: Locale = 'en'): ChartDefinition[] {
  if (result.n === 0) return [];
  return [
    rfmBarsChart(result, locale),
    churnBoxChart(result, locale),
    rfmLtvScatterChart(result, locale),
    correlationHeatmapChart(result, locale),
    lifecycleMixChart(result, locale),
    inactivityHistogramChart(result, locale),
  ];
}

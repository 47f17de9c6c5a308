import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition } from '../chart-definition.js';
import { buildMismatchHeatmap } from './mismatch-heatmap.js';
import { buildMismatchedVsRestChart } from './mismatched-vs-rest.js';
import { buildOnboardingScatterChart } from './onboarding-scatter.js';
import {
  buildLifecycleMixChart,
  buildRoiByDecisionLevelChart,
  buildRoiByLifecycleChart,
  buildRoiByTeamSizeChart,
} from './roi-charts.js';

/**
 * The §1 charts, most telling first (the runner keeps the first three by default), all on the
 * command's population, the top 30% by priority, mismatched against the rest: where the
 * mismatched cluster, what they lack, and whether onboarding goes with adoption; then stage
 * mix and ROI. Dropped: the priority–performance gap by industry and the ROI, adoption and
 * support heatmaps (all valid customers, not the top group; the gap chart pointed against the
 * headline and the heatmaps drew 4–10 point spreads as signal).
 */
export function buildInvestmentMismatchCharts(
  result: InvestmentMismatchFigures,
  locale: Locale = 'en',
): ChartDefinition[] {
  const charts = [
    buildMismatchHeatmap(result.topGroup, result.options.minCellSize, locale),
    buildMismatchedVsRestChart(result.topGroup, locale),
    buildOnboardingScatterChart(result.onboarding, locale),
    buildLifecycleMixChart(result.roiAndLifecycle, locale),
    buildRoiByDecisionLevelChart(result.teamAndLevel, locale),
    buildRoiByTeamSizeChart(result.teamAndLevel, locale),
    buildRoiByLifecycleChart(result.roiAndLifecycle, locale),
  ];
  return charts.filter((c): c is ChartDefinition => c !== null);
}

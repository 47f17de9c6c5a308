import type { InvestmentMismatchResult } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { ChartDefinition } from '../chart-definition.js';
import { buildGridHeatmap, buildIndustryGapChart } from './gap-and-heatmaps.js';
import { buildOnboardingScatterChart } from './onboarding-scatter.js';
import {
  buildLifecycleMixChart,
  buildRoiByDecisionLevelChart,
  buildRoiByLifecycleChart,
  buildRoiByTeamSizeChart,
} from './roi-charts.js';

/**
 * Every §1 chart the data allows, most telling first: where priority outruns performance, where
 * ROI is earned, and how ROI spreads by stage; the runner keeps the first three by default.
 */
export function buildInvestmentMismatchCharts(result: InvestmentMismatchResult): ChartDefinition[] {
  const charts = [
    buildIndustryGapChart(result.grid),
    buildGridHeatmap(result.grid, 'roi'),
    buildRoiByLifecycleChart(result.roiAndLifecycle),
    buildLifecycleMixChart(result.roiAndLifecycle),
    buildGridHeatmap(result.grid, 'adoption'),
    buildGridHeatmap(result.grid, 'support'),
    buildOnboardingScatterChart(result.onboarding),
    buildRoiByDecisionLevelChart(result.teamAndLevel),
    buildRoiByTeamSizeChart(result.teamAndLevel),
  ];
  return charts.filter((c): c is ChartDefinition => c !== null);
}

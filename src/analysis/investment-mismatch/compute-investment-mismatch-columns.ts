import { diagnoseBiasColumns } from './bias-diagnosis-columns.js';
import type { InvestmentMismatchFigures } from './compute-investment-mismatch.js';
import { buildIndustrySizeGridColumns } from './industry-size-grid-columns.js';
import type { InvestmentColumns } from './investment-columns.js';
import type { InvestmentMismatchOptions } from './mismatch-types.js';
import { analyseOnboardingColumns } from './onboarding-columns.js';
import { summariseRoiAndLifecycleColumns } from './roi-lifecycle-columns.js';
import { mismatchedCustomers, mismatchedRows, scoreCustomerColumns } from './score-customer-columns.js';
import { computeSegmentCellsColumns } from './segment-cells-columns.js';
import { analyseTeamAndLevelColumns } from './team-and-level-columns.js';
import { contrastTopGroupColumns } from './top-group-contrast-columns.js';

/**
 * computeInvestmentMismatch on columns: the same figures (to the bit) from typed arrays, with a customer object only
 * for each mismatched customer. `selected` lists the input rows to analyse, in order (a filter's rows, or all).
 */
export function computeInvestmentMismatchColumns(
  input: InvestmentColumns,
  selected: ArrayLike<number>,
  options: InvestmentMismatchOptions,
): InvestmentMismatchFigures {
  const scored = scoreCustomerColumns(input, selected, options);
  const population = scored.figures;
  return {
    options,
    population,
    validCount: scored.rows.length,
    mismatchedCustomers: mismatchedCustomers(scored),
    mismatchedRows: mismatchedRows(scored),
    mismatchRate: population.topCount > 0 ? population.mismatchedCount / population.topCount : null,
    roiAndLifecycle: summariseRoiAndLifecycleColumns(scored),
    segmentCells: computeSegmentCellsColumns(scored, options.weights, options.minCellSize),
    onboarding: analyseOnboardingColumns(scored),
    teamAndLevel: analyseTeamAndLevelColumns(scored),
    bias: diagnoseBiasColumns(scored),
    grid: buildIndustrySizeGridColumns(scored),
    topGroup: contrastTopGroupColumns(scored),
  };
}

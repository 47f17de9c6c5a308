import { type BiasDiagnosis, diagnoseBias } from './bias-diagnosis.js';
import { buildIndustrySizeGrid, type IndustrySizeGrid } from './industry-size-grid.js';
import type { InvestmentInputRow, InvestmentMismatchOptions } from './mismatch-types.js';
import { analyseOnboarding, type OnboardingAnalysis } from './onboarding.js';
import { type RoiAndLifecycle, summariseRoiAndLifecycle } from './roi-lifecycle.js';
import type { PopulationFigures } from './score-customer-columns.js';
import { type ScoredCustomer, type ScoredPopulation, scoreCustomers } from './score-customers.js';
import { computeSegmentCells, type SegmentCells } from './segment-cells.js';
import { analyseTeamAndLevel, type TeamAndLevel } from './team-and-level.js';
import { contrastTopGroup, type TopGroupContrast } from './top-group-contrast.js';

/**
 * §1 /investment-mismatch end to end on already-joined customer rows: which top-priority
 * customers perform in the bottom half, where they cluster, and whether the priority score
 * tracks performance at all. Every part is computed on the same valid population.
 */

/** What an answer reports: every figure, and of the customers only the mismatched ones (the answer lists them). */
export interface InvestmentMismatchFigures {
  readonly options: InvestmentMismatchOptions;
  readonly population: PopulationFigures;
  /** Valid customers: the population every figure is computed on. */
  readonly validCount: number;
  /** The mismatched customers, in input order. */
  readonly mismatchedCustomers: readonly ScoredCustomer[];
  /** Each mismatched customer's input row (same order), when computed on columns: joins them to other tables by row. */
  readonly mismatchedRows?: Int32Array;
  /** Mismatched / top count; null without top customers. */
  readonly mismatchRate: number | null;
  readonly roiAndLifecycle: RoiAndLifecycle;
  readonly segmentCells: SegmentCells;
  readonly onboarding: OnboardingAnalysis;
  readonly teamAndLevel: TeamAndLevel;
  readonly bias: BiasDiagnosis;
  readonly grid: IndustrySizeGrid;
  /** The top-priority group: mismatch rate per industry × size and mismatched vs the rest (for the charts). */
  readonly topGroup: TopGroupContrast;
}

/** The row path's result: the figures, with every valid customer scored (the reference the column path matches). */
export interface InvestmentMismatchResult extends InvestmentMismatchFigures {
  readonly population: ScoredPopulation;
}

export function computeInvestmentMismatch(
  rows: readonly InvestmentInputRow[],
  options: InvestmentMismatchOptions,
): InvestmentMismatchResult {
  const population = scoreCustomers(rows, options);
  return {
    options,
    population,
    validCount: population.customers.length,
    mismatchedCustomers: population.customers.filter((c) => c.mismatched),
    mismatchRate: population.topCount > 0 ? population.mismatchedCount / population.topCount : null,
    roiAndLifecycle: summariseRoiAndLifecycle(population),
    segmentCells: computeSegmentCells(population, options.weights, options.minCellSize),
    onboarding: analyseOnboarding(population),
    teamAndLevel: analyseTeamAndLevel(population),
    bias: diagnoseBias(population),
    grid: buildIndustrySizeGrid(population),
    topGroup: contrastTopGroup(population),
  };
}

/** The population's reported figures, in the order an answer's JSON gives them (ScoredPopulation's, less customers). */
export function populationFigures(population: PopulationFigures): PopulationFigures {
  return {
    rowsIn: population.rowsIn,
    missingInputs: population.missingInputs,
    missingSales: population.missingSales,
    missingAdoption: population.missingAdoption,
    missingSupport: population.missingSupport,
    missingPriority: population.missingPriority,
    ranges: population.ranges,
    topCount: population.topCount,
    bottomCount: population.bottomCount,
    mismatchedCount: population.mismatchedCount,
    priorityCutoff: population.priorityCutoff,
    compositeCutoff: population.compositeCutoff,
    roiBounds: population.roiBounds,
    roiMissing: population.roiMissing,
  };
}

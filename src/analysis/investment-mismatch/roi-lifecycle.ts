import { type BoxStats, boxStats, mean, median } from '../stats/descriptive.js';
import { getOrCreate, push } from './group-map.js';
import { type Availability, available, type ComparisonGroup, unavailable } from './mismatch-types.js';
import type { ScoredPopulation } from './score-customers.js';

/** §1 ROI bullet: winsorised ROI summary and box statistics per lifecycle_stage; plus the stage mix by group. */

export interface RoiSummary {
  readonly n: number;
  readonly p1: number;
  readonly p99: number;
  readonly median: number;
  readonly mean: number;
  readonly shareAboveOne: number;
  readonly clippedLow: number;
  readonly clippedHigh: number;
  /** Valid rows with no ROI (missing lifetime value or cost, or cost ≤ 0). */
  readonly missing: number;
}

export interface StageRoi extends BoxStats {
  readonly stage: string;
}

export interface StageShare {
  readonly stage: string;
  readonly group: ComparisonGroup;
  readonly n: number;
  /** Share of the group's customers that have a stage. */
  readonly share: number;
}

export interface RoiAndLifecycle {
  readonly roi: Availability<RoiSummary>;
  /** Sorted by median ROI, highest first. */
  readonly byStage: Availability<readonly StageRoi[]>;
  readonly stageMix: Availability<readonly StageShare[]>;
  /** Valid rows without a lifecycle stage (left out of the stage figures). */
  readonly missingStage: number;
}

export function summariseRoiAndLifecycle(population: ScoredPopulation): RoiAndLifecycle {
  const all: number[] = [];
  const perStage = new Map<string, number[]>();
  const mix = new Map<string, { mismatched: number; 'other-top': number }>();
  let missingStage = 0;
  for (const c of population.customers) {
    const stage = c.lifecycleStage;
    if (stage === null) missingStage++;
    if (c.roi !== null) {
      all.push(c.roi);
      if (stage !== null) {
        push(perStage, stage, c.roi);
      }
    }
    if (c.top && stage !== null) {
      getOrCreate(mix, stage, () => ({ mismatched: 0, 'other-top': 0 }))[c.mismatched ? 'mismatched' : 'other-top']++;
    }
  }

  const bounds = population.roiBounds;
  const roi: Availability<RoiSummary> =
    bounds === null || all.length === 0
      ? unavailable(noRoiReason(population.customers.length))
      : available({
          n: all.length,
          p1: bounds.p1,
          p99: bounds.p99,
          median: median(all) as number,
          mean: mean(all) as number,
          shareAboveOne: countAbove(all, 1) / all.length,
          clippedLow: bounds.clippedLow,
          clippedHigh: bounds.clippedHigh,
          missing: population.roiMissing,
        });

  const stages = [...perStage].map(([stage, values]) => ({ stage, ...(boxStats(values) as BoxStats) }));
  stages.sort(byMedianRoi);
  const byStage: Availability<readonly StageRoi[]> =
    stages.length > 0 ? available(stages) : unavailable(noStageReason(all.length, population.customers.length));

  const groupTotals = { mismatched: 0, 'other-top': 0 };
  for (const counts of mix.values()) {
    groupTotals.mismatched += counts.mismatched;
    groupTotals['other-top'] += counts['other-top'];
  }
  const shares: StageShare[] = [];
  for (const [stage, counts] of mix) {
    for (const group of ['mismatched', 'other-top'] as const) {
      const total = groupTotals[group];
      if (total > 0) shares.push({ stage, group, n: counts[group], share: counts[group] / total });
    }
  }
  shares.sort(byStageThenGroup);
  const stageMix: Availability<readonly StageShare[]> =
    shares.length > 0 ? available(shares) : unavailable(noMixReason(population.topCount));

  return { roi, byStage, stageMix, missingStage };
}

export function countAbove(values: ArrayLike<number>, bound: number): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > bound) count++;
  return count;
}

/** Why there is no ROI summary, for `valid` valid rows (the column path words it the same). */
export function noRoiReason(valid: number): string {
  if (valid === 0) return 'there are no valid rows';
  return `none of the ${valid} valid rows has customer_lifetime_value and an acquisition_cost above 0`;
}

export function noStageReason(withRoi: number, valid: number): string {
  return withRoi === 0 ? noRoiReason(valid) : 'no customer with an ROI has a lifecycle_stage';
}

export function noMixReason(topCount: number): string {
  return topCount === 0 ? 'there are no top-priority customers' : 'no top-priority customer has a lifecycle_stage';
}

/** Box statistics per stage, highest median first (ties by name). */
export function byMedianRoi(a: StageRoi, b: StageRoi): number {
  return b.median - a.median || a.stage.localeCompare(b.stage);
}

/** Stage shares by stage, then group. */
export function byStageThenGroup(a: StageShare, b: StageShare): number {
  return a.stage.localeCompare(b.stage) || a.group.localeCompare(b.group);
}

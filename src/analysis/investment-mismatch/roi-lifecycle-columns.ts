import { quantileSorted } from 'd3-array';
import { distinctLevels } from '../columns/distinct-levels.js';
import { ValueGrouper } from '../columns/grouped-values.js';
import { boxOfSorted } from '../stats/descriptive.js';
import { type Availability, available, unavailable } from './mismatch-types.js';
import {
  byMedianRoi,
  byStageThenGroup,
  countAbove,
  noMixReason,
  noRoiReason,
  noStageReason,
  type RoiAndLifecycle,
  type RoiSummary,
  type StageRoi,
  type StageShare,
} from './roi-lifecycle.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';

/** summariseRoiAndLifecycle on scored columns: groups by stage level, in the order the row path's Maps meet them. */
export function summariseRoiAndLifecycleColumns(scored: ScoredColumns): RoiAndLifecycle {
  const { rows, roi, flags, figures } = scored;
  const n = rows.length;
  const stage = distinctLevels(scored.input.lifecycleStage, rows);
  const levels = stage.levels.length;
  let roiSum = 0;
  let withRoi = 0;
  const perStage = new ValueGrouper(n);
  const stageOrder: number[] = [];
  const stageSeen = new Uint8Array(levels);
  const mixOrder: number[] = [];
  const mixSeen = new Uint8Array(levels);
  // Per stage level: [mismatched, other top].
  const mix = new Int32Array(levels * 2);
  let missingStage = 0;
  for (let i = 0; i < n; i++) {
    const s = stage.of[rows[i] as number] as number;
    if (s < 0) missingStage++;
    const value = roi[i] as number;
    if (!Number.isNaN(value)) {
      roiSum += value;
      withRoi++;
      if (s >= 0) {
        if (stageSeen[s] === 0) {
          stageSeen[s] = 1;
          stageOrder.push(s);
        }
        perStage.add(s, value);
      }
    }
    if (((flags[i] as number) & TOP) !== 0 && s >= 0) {
      if (mixSeen[s] === 0) {
        mixSeen[s] = 1;
        mixOrder.push(s);
      }
      const at = s * 2 + (isMismatched(flags, i) ? 0 : 1);
      mix[at] = (mix[at] as number) + 1;
    }
  }

  const bounds = figures.roiBounds;
  let roiSummary: Availability<RoiSummary>;
  if (bounds === null || withRoi === 0) roiSummary = unavailable(noRoiReason(n));
  else {
    // The winsorised ROIs are already sorted (scoring's sort, clamped); the mean sums them in row order.
    const sorted = scored.sortedRoi;
    roiSummary = available({
      n: withRoi,
      p1: bounds.p1,
      p99: bounds.p99,
      // d3 reads any array-like by index; the cast only widens the declared parameter type.
      median: quantileSorted(sorted as unknown as number[], 0.5) as number,
      mean: roiSum / withRoi,
      shareAboveOne: countAbove(sorted, 1) / withRoi,
      clippedLow: bounds.clippedLow,
      clippedHigh: bounds.clippedHigh,
      missing: figures.roiMissing,
    });
  }

  const grouped = perStage.finish(levels);
  const stages: StageRoi[] = stageOrder.map((s) => ({
    stage: stage.levels[s] as string,
    ...boxOfSorted(grouped.of(s).sort()),
  }));
  stages.sort(byMedianRoi);
  const byStage: Availability<readonly StageRoi[]> =
    stages.length > 0 ? available(stages) : unavailable(noStageReason(withRoi, n));

  let mismatchedTotal = 0;
  let otherTotal = 0;
  for (const s of mixOrder) {
    mismatchedTotal += mix[s * 2] as number;
    otherTotal += mix[s * 2 + 1] as number;
  }
  const shares: StageShare[] = [];
  for (const s of mixOrder) {
    const name = stage.levels[s] as string;
    const mismatched = mix[s * 2] as number;
    const other = mix[s * 2 + 1] as number;
    if (mismatchedTotal > 0)
      shares.push({ stage: name, group: 'mismatched', n: mismatched, share: mismatched / mismatchedTotal });
    if (otherTotal > 0) shares.push({ stage: name, group: 'other-top', n: other, share: other / otherTotal });
  }
  shares.sort(byStageThenGroup);
  const stageMix: Availability<readonly StageShare[]> =
    shares.length > 0 ? available(shares) : unavailable(noMixReason(figures.topCount));

  return { roi: roiSummary, byStage, stageMix, missingStage };
}

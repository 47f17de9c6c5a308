import { largestAtOrBelowSorted, smallestAtOrAboveSorted } from '../stats/cume-dist.js';
import { pearsonOfPairs } from '../stats/pearson.js';
import { type BiasDiagnosis, biasOf } from './bias-diagnosis.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';

/**
 * diagnoseBias on scored columns. cume_dist only grows with the priority, so "cume_dist ≤ 1/3" is "priority ≤ the
 * largest priority whose cume_dist is ≤ 1/3" (and likewise for ≥ 2/3): two cut-offs from one sort instead of a
 * binary search per customer, with the same cume_dist arithmetic (count / n), so the same tertiles.
 */
export function diagnoseBiasColumns(scored: ScoredColumns): BiasDiagnosis {
  const { rows, flags, roi, composite } = scored;
  const n = rows.length;
  const priorities = new Float64Array(n);
  for (let i = 0; i < n; i++) priorities[i] = scored.input.priority[rows[i] as number] as number;
  const sorted = scored.sortedPriority;
  const lowUpTo = largestAtOrBelowSorted(sorted, 1 / 3) ?? Number.NEGATIVE_INFINITY;
  const highFrom = smallestAtOrAboveSorted(sorted, 2 / 3) ?? Number.POSITIVE_INFINITY;
  const sums = [0, 0, 0];
  const counts = [0, 0, 0];
  const roiPriorities = new Float64Array(n);
  const rois = new Float64Array(n);
  let withRoi = 0;
  let mismatchedSum = 0;
  let mismatchedN = 0;
  let otherSum = 0;
  let otherN = 0;
  for (let i = 0; i < n; i++) {
    const p = priorities[i] as number;
    const t = p <= lowUpTo ? 0 : p >= highFrom ? 2 : 1;
    sums[t] = (sums[t] as number) + (composite[i] as number);
    counts[t] = (counts[t] as number) + 1;
    const value = roi[i] as number;
    if (Number.isNaN(value)) continue;
    roiPriorities[withRoi] = p;
    rois[withRoi] = value;
    withRoi++;
    if (((flags[i] as number) & TOP) === 0) continue;
    if (isMismatched(flags, i)) {
      mismatchedSum += value;
      mismatchedN++;
    } else {
      otherSum += value;
      otherN++;
    }
  }
  return biasOf({
    priorityComposite: pearsonOfPairs(priorities, composite, n),
    priorityRoi: pearsonOfPairs(roiPriorities, rois, withRoi),
    tertileSums: sums,
    tertileCounts: counts,
    meanRoiMismatched: mismatchedN > 0 ? mismatchedSum / mismatchedN : null,
    meanRoiOtherTop: otherN > 0 ? otherSum / otherN : null,
  });
}

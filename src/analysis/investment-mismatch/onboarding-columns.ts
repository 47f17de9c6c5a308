import { pearsonOfPairs } from '../stats/pearson.js';
import { typedMean } from '../stats/typed-arrays.js';
import { COMPARISON_GROUPS, type ComparisonGroup } from './mismatch-types.js';
import { ONBOARDING_BINS, type OnboardingAnalysis, type OnboardingBin, type OnboardingPoint } from './onboarding.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';

/**
 * analyseOnboarding on scored columns: per group the (onboarding, adoption) pairs gathered in row order, per group ×
 * bin running sums in row order (the row path's means over arrays pushed in that order, to the bit).
 */
export function analyseOnboardingColumns(scored: ScoredColumns): OnboardingAnalysis {
  const { rows, flags, roi } = scored;
  const { onboarding, adoption } = scored.input;
  const n = rows.length;
  // Index 0: mismatched, 1: other top (COMPARISON_GROUPS order).
  const xs = [new Float64Array(n), new Float64Array(n)];
  const ys = [new Float64Array(n), new Float64Array(n)];
  const pairs = [0, 0];
  const binCells = COMPARISON_GROUPS.length * ONBOARDING_BINS.length;
  const adoptionSum = new Float64Array(binCells);
  const adoptionN = new Int32Array(binCells);
  const roiSum = new Float64Array(binCells);
  const roiN = new Int32Array(binCells);
  const points: OnboardingPoint[] = [];
  let missingOnboarding = 0;
  for (let i = 0; i < n; i++) {
    if (((flags[i] as number) & TOP) === 0) continue;
    const r = rows[i] as number;
    const x = onboarding[r] as number;
    if (Number.isNaN(x)) {
      missingOnboarding++;
      continue;
    }
    const y = adoption[r] as number;
    const g = isMismatched(flags, i) ? 0 : 1;
    const k = pairs[g] as number;
    (xs[g] as Float64Array)[k] = x;
    (ys[g] as Float64Array)[k] = y;
    pairs[g] = k + 1;
    points.push({ onboarding: x, adoption: y, group: COMPARISON_GROUPS[g] as ComparisonGroup });
    const bin = binOf(x);
    if (bin < 0) continue;
    const cell = g * ONBOARDING_BINS.length + bin;
    adoptionSum[cell] = (adoptionSum[cell] as number) + y;
    adoptionN[cell] = (adoptionN[cell] as number) + 1;
    const value = roi[i] as number;
    if (!Number.isNaN(value)) {
      roiSum[cell] = (roiSum[cell] as number) + value;
      roiN[cell] = (roiN[cell] as number) + 1;
    }
  }
  const bins: OnboardingBin[] = [];
  COMPARISON_GROUPS.forEach((group, g) => {
    ONBOARDING_BINS.forEach((bin, b) => {
      const cell = g * ONBOARDING_BINS.length + b;
      const count = adoptionN[cell] as number;
      const withRoi = roiN[cell] as number;
      bins.push({
        group,
        bin: bin.id,
        label: bin.label,
        n: count,
        meanAdoption: count > 0 ? (adoptionSum[cell] as number) / count : null,
        meanRoi: withRoi > 0 ? (roiSum[cell] as number) / withRoi : null,
        roiN: withRoi,
      });
    });
  });
  const [mx, ox] = xs as [Float64Array, Float64Array];
  const [my, oy] = ys as [Float64Array, Float64Array];
  const [mn, on] = pairs as [number, number];
  return {
    correlations: { mismatched: pearsonOfPairs(mx, my, mn), 'other-top': pearsonOfPairs(ox, oy, on) },
    meanOnboarding: { mismatched: typedMean(mx.subarray(0, mn)), 'other-top': typedMean(ox.subarray(0, on)) },
    bins,
    points,
    missingOnboarding,
  };
}

/** The first bin whose test the score passes, as ONBOARDING_BINS.find does; -1 for none. */
function binOf(x: number): number {
  for (let b = 0; b < ONBOARDING_BINS.length; b++)
    if ((ONBOARDING_BINS[b] as (typeof ONBOARDING_BINS)[number]).test(x)) return b;
  return -1;
}

import { mean } from '../stats/descriptive.js';
import { type Correlation, pearson } from '../stats/pearson.js';
import { push } from './group-map.js';
import { COMPARISON_GROUPS, type ComparisonGroup } from './mismatch-types.js';
import type { ScoredPopulation } from './score-customers.js';

/**
 * §1 onboarding bullet: does onboarding go with adoption, for the mismatched and for the other
 * top-priority customers? Pearson over pairs with both values; adoption and ROI by onboarding bin.
 */

export const ONBOARDING_BINS = [
  { id: 'low', label: '< 2.5', test: (x: number) => x < 2.5 },
  { id: 'mid', label: '2.5–3.5', test: (x: number) => x >= 2.5 && x < 3.5 },
  { id: 'high', label: '≥ 3.5', test: (x: number) => x >= 3.5 },
] as const;

export type OnboardingBinId = (typeof ONBOARDING_BINS)[number]['id'];

export interface OnboardingBin {
  readonly group: ComparisonGroup;
  readonly bin: OnboardingBinId;
  readonly label: string;
  readonly n: number;
  readonly meanAdoption: number | null;
  /** Over the bin's customers with an ROI; its own n. */
  readonly meanRoi: number | null;
  readonly roiN: number;
}

export interface OnboardingPoint {
  readonly onboarding: number;
  readonly adoption: number;
  readonly group: ComparisonGroup;
}

export interface OnboardingAnalysis {
  readonly correlations: Readonly<Record<ComparisonGroup, Correlation>>;
  readonly meanOnboarding: Readonly<Record<ComparisonGroup, number | null>>;
  readonly bins: readonly OnboardingBin[];
  /** Top customers with an onboarding score, for the scatter (the chart samples them). */
  readonly points: readonly OnboardingPoint[];
  /** Top customers without an onboarding score. */
  readonly missingOnboarding: number;
}

export function analyseOnboarding(population: ScoredPopulation): OnboardingAnalysis {
  const xs: Record<ComparisonGroup, number[]> = { mismatched: [], 'other-top': [] };
  const ys: Record<ComparisonGroup, number[]> = { mismatched: [], 'other-top': [] };
  const binAdoption = new Map<string, number[]>();
  const binRoi = new Map<string, number[]>();
  const points: OnboardingPoint[] = [];
  let missingOnboarding = 0;
  for (const c of population.customers) {
    if (!c.top) continue;
    if (c.onboarding === null) {
      missingOnboarding++;
      continue;
    }
    const group: ComparisonGroup = c.mismatched ? 'mismatched' : 'other-top';
    xs[group].push(c.onboarding);
    ys[group].push(c.adoption);
    points.push({ onboarding: c.onboarding, adoption: c.adoption, group });
    const bin = ONBOARDING_BINS.find((b) => b.test(c.onboarding as number));
    if (!bin) continue;
    push(binAdoption, `${group}|${bin.id}`, c.adoption);
    if (c.roi !== null) push(binRoi, `${group}|${bin.id}`, c.roi);
  }
  const bins: OnboardingBin[] = [];
  for (const group of COMPARISON_GROUPS) {
    for (const bin of ONBOARDING_BINS) {
      const adoption = binAdoption.get(`${group}|${bin.id}`) ?? [];
      const roi = binRoi.get(`${group}|${bin.id}`) ?? [];
      bins.push({
        group,
        bin: bin.id,
        label: bin.label,
        n: adoption.length,
        meanAdoption: mean(adoption),
        meanRoi: mean(roi),
        roiN: roi.length,
      });
    }
  }
  return {
    correlations: {
      mismatched: pearson(xs.mismatched, ys.mismatched),
      'other-top': pearson(xs['other-top'], ys['other-top']),
    },
    meanOnboarding: { mismatched: mean(xs.mismatched), 'other-top': mean(xs['other-top']) },
    bins,
    points,
    missingOnboarding,
  };
}

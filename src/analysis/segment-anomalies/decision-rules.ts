import { FEATURE_IDS, type FeatureId, type FeatureMatrix } from './customer-features.js';
import { type BestSplit, bestSplit } from './information-gain.js';

export interface FeatureSplit extends BestSplit {
  readonly feature: FeatureId;
}

export type Side = 'atOrBelow' | 'above';

export interface DecisionRules {
  /** The best threshold of every feature, in the listed feature order; null when a feature cannot split. */
  readonly perFeature: readonly { readonly feature: FeatureId; readonly split: BestSplit | null }[];
  /** The highest-gain split over all features; null when nothing has a positive gain. */
  readonly first: FeatureSplit | null;
  /** The side of `first` with the higher anomaly rate (a tie keeps x ≤ t). */
  readonly riskiestSide: Side | null;
  /** The best split of any feature inside the riskiest side; null when nothing has a positive gain there. */
  readonly second: FeatureSplit | null;
}

/**
 * Decision rules by information gain: the best single threshold per feature, the best of
 * those, and the best second split inside that split's riskier side. Exact gain ties go to
 * the earlier feature in FEATURES (and, within a feature, the smallest threshold).
 */
export function findDecisionRules(features: FeatureMatrix, positive: Uint8Array): DecisionRules {
  const perFeature = FEATURE_IDS.map((feature) => ({ feature, split: bestSplit(features.columns[feature], positive) }));
  const first = pickBest(perFeature);
  if (first === null) return { perFeature, first: null, riskiestSide: null, second: null };

  const riskiestSide: Side = first.above.anomalyRate > first.atOrBelow.anomalyRate ? 'above' : 'atOrBelow';
  const column = features.columns[first.feature];
  const inside: number[] = [];
  for (let i = 0; i < features.n; i++) {
    const v = column[i] as number;
    if (Number.isNaN(v)) continue;
    if (v <= first.threshold === (riskiestSide === 'atOrBelow')) inside.push(i);
  }
  const rows = Uint32Array.from(inside);
  const second = pickBest(
    FEATURE_IDS.map((feature) => ({ feature, split: bestSplit(features.columns[feature], positive, rows) })),
  );
  return { perFeature, first, riskiestSide, second };
}

function pickBest(candidates: readonly { feature: FeatureId; split: BestSplit | null }[]): FeatureSplit | null {
  let best: FeatureSplit | null = null;
  for (const { feature, split } of candidates) {
    if (split === null || split.gain <= 0) continue;
    if (best === null || split.gain > best.gain) best = { feature, ...split };
  }
  return best;
}

import type { CustomerProfile } from './customer-profile.js';
import { clamp, round } from './demo-numbers.js';
import { COMPANY_SIZE_TIERS, DECISION_MAKER_LEVELS, INDUSTRY_VERTICALS } from './demo-vocabulary.js';
import { createRandom } from './seeded-random.js';

/**
 * The DB-055 investment and performance columns of the value table (spec §2.3), fixed per
 * customer across snapshots. investment_priority_score is deliberately only weakly tied to
 * performance: R055's point is that priority and performance disagree for a sizeable group.
 */
export interface InvestmentFacts {
  readonly investmentPriorityScore: number | null;
  readonly productAdoptionRate: number | null;
  readonly supportResolutionEfficiency: number | null;
  readonly customerLifetimeValue: number;
  readonly acquisitionCost: number;
  readonly customerOnboardingScore: number;
  /** A number, or the junk text a hand-maintained CRM field collects ('n/a', 'unknown'). */
  readonly teamSize: number | string;
  readonly decisionMakerLevel: string;
  readonly industryVertical: string;
  readonly companySizeTier: string;
  /** ROI = lifetime value / acquisition cost, for the text assessment column. */
  readonly roi: number;
}

/** ≈18% NULL each gives ≈33% of rows missing one of the two (R055: 3,361 of 5,001 complete). */
const NULL_SHARE = 0.18;

export function buildInvestmentFacts(seed: number, profile: CustomerProfile): InvestmentFacts {
  const rng = createRandom(seed, 'investment', profile.index);
  const adoptionLatent = rng.normal();
  const supportLatent = rng.normal();
  // Onboarding drives adoption a little (R055 asks whether it does); both map onto the observed ranges.
  const onboardingLatent = 0.55 * adoptionLatent + 0.84 * rng.normal();
  const adoption = 0.302 + 0.698 * clamp(0.55 + 0.2 * adoptionLatent, 0, 1);
  const support = 0.2978 + 0.6822 * clamp(0.6 + 0.19 * supportLatent, 0, 1);
  const performance = (adoptionLatent + supportLatent + profile.quality) / Math.sqrt(3);

  // Lognormal with median 1.3 puts the top-30% cut near 1.6 on a 0–4 scale (R055: 1.63).
  const priorityLatent = 0.1 * performance + 0.995 * rng.normal();
  const priority = clamp(1.3 * Math.exp(0.42 * priorityLatent), 0.05, 4);

  const teamSize = Math.max(1, Math.round(rng.logNormal(14, 0.9)));
  const teamLatent = (Math.log(teamSize) - Math.log(14)) / 0.9;
  // ROI median 6.8, P99 ≈ 40, under 1% below 1; bigger teams earn more (R055: r ≈ 0.3).
  const roi = 6.8 * Math.exp(0.76 * (0.3 * teamLatent + 0.954 * rng.normal()));
  const acquisitionCost = round(rng.logNormal(850, 0.6) + 25, 2);

  return {
    investmentPriorityScore: rng.chance(0.004) ? null : round(priority, 4),
    productAdoptionRate: rng.chance(NULL_SHARE) ? null : round(adoption, 4),
    supportResolutionEfficiency: rng.chance(NULL_SHARE) ? null : round(support, 4),
    customerLifetimeValue: round(acquisitionCost * roi, 2),
    acquisitionCost,
    customerOnboardingScore: round(clamp(3.05 + 0.75 * onboardingLatent, 1, 5), 2),
    teamSize: rng.chance(0.0018) ? rng.pick(['n/a', 'unknown', 'N/A', '-']) : teamSize,
    decisionMakerLevel: rng.weighted(
      DECISION_MAKER_LEVELS.map((level, i) => [level, [12, 16, 24, 28, 20][i] ?? 20] as const),
    ),
    industryVertical: rng.weighted(
      INDUSTRY_VERTICALS.map((level, i) => [level, [22, 14, 11, 13, 14, 12, 6, 8][i] ?? 10] as const),
    ),
    companySizeTier: rng.weighted(
      COMPANY_SIZE_TIERS.map((level, i) => [level, [18, 27, 27, 17, 11][i] ?? 20] as const),
    ),
    roi,
  };
}

export function roiAssessment(roi: number): string {
  if (roi >= 10) return 'Excellent ROI';
  if (roi >= 5) return 'Good ROI';
  if (roi >= 1) return 'Acceptable ROI';
  return 'Poor ROI';
}

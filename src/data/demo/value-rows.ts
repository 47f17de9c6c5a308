import { type CustomerProfile, emailVariant } from './customer-profile.js';
import { DATA_DATE_MS, DAY_MS, formatTimestamp, snapshotSeries } from './demo-clock.js';
import { categoryAt, clamp, normalCdf, round } from './demo-numbers.js';
import type { DemoRow } from './demo-schema.js';
import { ENGAGEMENT_MODELS, type LifecycleStage } from './demo-vocabulary.js';
import type { PopulationPlan, ValueGroup } from './population-plan.js';
import { createRandom, type SeededRandom } from './seeded-random.js';
import { buildInvestmentFacts, roiAssessment } from './value-investment.js';

/**
 * Group calibration from spec §2.3 (R056): R/F/M category probabilities (HV means ≈4.03/4.05/4.53,
 * SMB ≈1.81/1.85/1.83), health on the 1.3–3.5 scale, churn, LTV and lifecycle mix.
 */
interface GroupProfile {
  readonly recency: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
  readonly health: readonly [mean: number, sd: number];
  readonly churn: readonly [mean: number, sd: number];
  readonly ltvMean: number;
  readonly lifecycle: readonly (readonly [LifecycleStage, number])[];
  readonly models: readonly (readonly [string, number])[];
  readonly stability: readonly (readonly [string, number])[];
}

const GROUPS: Record<ValueGroup, GroupProfile> = {
  smb: {
    recency: [0.48, 0.32, 0.13, 0.05, 0.02],
    frequency: [0.46, 0.32, 0.14, 0.06, 0.02],
    monetary: [0.47, 0.32, 0.14, 0.05, 0.02],
    health: [1.704, 0.22],
    churn: [0.764, 0.09],
    ltvMean: 1_285,
    lifecycle: [
      ['Dormant', 4_119],
      ['Retention', 584],
      ['Growth', 127],
      ['Maturity', 28],
      ['Activation', 17],
    ],
    models: [[ENGAGEMENT_MODELS.standard, 1]],
    stability: [
      ['Unstable', 96],
      ['Low Stability', 3],
      ['Medium Stability', 1],
    ],
  },
  hv: {
    recency: [0.01, 0.04, 0.17, 0.46, 0.32],
    frequency: [0.01, 0.04, 0.16, 0.46, 0.33],
    monetary: [0, 0.01, 0.06, 0.32, 0.61],
    health: [2.97, 0.25],
    churn: [0.412, 0.09],
    ltvMean: 7_205,
    lifecycle: [
      ['Retention', 46],
      ['Dormant', 45],
      ['Growth', 6],
      ['Maturity', 5],
      ['Activation', 1],
    ],
    models: [
      [ENGAGEMENT_MODELS.executive, 52],
      [ENGAGEMENT_MODELS.standard, 44],
      [ENGAGEMENT_MODELS.recovery, 6],
      [ENGAGEMENT_MODELS.dedicated, 1],
    ],
    stability: [
      ['Medium Stability', 56],
      ['Low Stability', 43],
      ['High Stability', 1],
    ],
  },
  other: {
    recency: [0.05, 0.15, 0.3, 0.3, 0.2],
    frequency: [0.05, 0.15, 0.3, 0.3, 0.2],
    monetary: [0.02, 0.08, 0.3, 0.35, 0.25],
    health: [2.85, 0.28],
    churn: [0.46, 0.1],
    ltvMean: 5_900,
    lifecycle: [
      ['Retention', 40],
      ['Dormant', 50],
      ['Growth', 5],
      ['Maturity', 5],
    ],
    models: [
      [ENGAGEMENT_MODELS.executive, 12],
      [ENGAGEMENT_MODELS.standard, 9],
      [ENGAGEMENT_MODELS.recovery, 1],
      [ENGAGEMENT_MODELS.dedicated, 1],
    ],
    stability: [
      ['Medium Stability', 55],
      ['Low Stability', 45],
    ],
  },
};

const TIER_LTV_FACTOR: Record<string, number> = { Basic: 0.66, Bronze: 1.0, Silver: 1.47, Gold: 0.85, Platinum: 1.25 };

/** Inactivity (days since last activity / account age) by stage; Dormant customers barely act. */
const INACTIVITY: Record<LifecycleStage, readonly [number, number]> = {
  Dormant: [0.9, 1],
  Retention: [0.6, 0.95],
  Maturity: [0.4, 0.8],
  Growth: [0.3, 0.7],
  Activation: [0.05, 0.4],
};

/**
 * All value-table rows of one customer, oldest first. Most customers have one row; the
 * plan's repeated emails get older snapshots, and about a third of those were doing clearly
 * better before, so /priority finds customers whose priority fell by more than 0.10.
 */
export function buildValueRows(seed: number, plan: PopulationPlan, profile: CustomerProfile): DemoRow<'value'>[] {
  const rng = createRandom(seed, 'value', profile.index);
  const count = 1 + plan.extraValueSnapshots(profile.index);
  const investment = buildInvestmentFacts(seed, profile);
  const group = GROUPS[profile.group];
  const fell = count > 1 && rng.chance(0.35);
  const latestStage = rng.weighted(group.lifecycle);
  const model = rng.weighted(group.models);
  const timestamps =
    count === 1
      ? [formatTimestamp(DATA_DATE_MS - DAY_MS / 24 - rng.int(0, 3_599) * 1000, rng.chance(0.1) ? 'iso' : 'space')]
      : snapshotSeries(rng, {
          count,
          stepDays: 7,
          isoShare: 0.25,
          latestTieChance: 0.12,
          junkChance: 0.02,
          maxLagDays: 2,
        });
  const messiness = count > 1 ? 0.25 : 0.04;
  const rows: DemoRow<'value'>[] = [];
  for (let k = 0; k < count; k++) {
    const stepsBack = count - 1 - k;
    const shift = stepsBack === 0 ? 0 : fell ? 0.9 + rng.normal(0, 0.15) : rng.normal(0, 0.25);
    const stage = stepsBack === 0 || rng.chance(0.8) ? latestStage : rng.weighted(group.lifecycle);
    const state = valueState(rng, profile, group, profile.quality + shift, stage, stepsBack * 7);
    const pct = portfolioPct(rng, plan, profile);
    const zendesk = stepsBack > 0 && profile.legacyZendeskUserId !== null ? profile.legacyZendeskUserId : null;
    rows.push({
      primary_email: emailVariant(rng, profile.email, messiness),
      marketo_lead_id: profile.marketoLeadId,
      stripe_customer_id: profile.stripeCustomerId,
      zendesk_user_id: zendesk ?? profile.zendeskUserId,
      primary_organization: profile.organization,
      account_age_days: state.age,
      acquisition_roi_assessment: roiAssessment(investment.roi),
      adjusted_ltv: round(state.ltv * (1 - 0.5 * state.churn), 2),
      analysis_timestamp: timestamps[k] ?? null,
      churn_probability: round(state.churn, 4),
      concentration_risk: pct > 0.05 ? 'High' : pct > 0.015 ? 'Moderate' : 'Low',
      customer_health_score: round(state.health, 4),
      customer_segment: customerSegment(state.r, state.f, state.m),
      customer_tier: profile.tier,
      days_since_last_activity: state.dsla,
      development_opportunity: developmentOpportunity(state.health, stage),
      estimated_customer_ltv: round(state.ltv, 2),
      expected_annual_revenue: round(state.ltv * (1 - state.churn) * 0.52 * rng.uniform(0.85, 1.15), 2),
      frequency_score: state.f,
      investment_priority_score: investment.investmentPriorityScore,
      investment_recommendation: investmentRecommendation(investment.investmentPriorityScore),
      lifecycle_stage: stage,
      monetary_score: state.m,
      portfolio_contribution_pct: pct,
      potential_revenue_loss: round(state.ltv * state.churn * 0.5, 2),
      recency_score: state.r,
      recommended_engagement_model: model,
      revenue_risk_percentage: round(state.churn * 100, 2),
      revenue_tier: state.ltv >= 6_000 ? 'High Revenue' : state.ltv >= 2_000 ? 'Medium Revenue' : 'Low Revenue',
      // Exactly the mean of the three integers (spec §4.15: the difference is 0.0).
      rfm_avg_score: (state.r + state.f + state.m) / 3,
      rfm_score: `${state.r}${state.f}${state.m}`,
      rfm_segment: rfmSegment((state.r + state.f + state.m) / 3),
      risk_category: state.churn >= 0.69 ? 'High' : state.churn >= 0.28 ? 'Medium' : 'Low',
      strategic_classification: strategicClassification(rng, profile.group),
      success_target: stage === 'Dormant' ? 'Reactivate' : profile.group === 'smb' ? 'Retain' : 'Expand',
      upsell_potential: round((state.ltv * (state.health - 1.3)) / 5.5, 2),
      value_stability: rng.weighted(group.stability),
      product_adoption_rate: investment.productAdoptionRate,
      support_resolution_efficiency: investment.supportResolutionEfficiency,
      customer_lifetime_value: investment.customerLifetimeValue,
      acquisition_cost: investment.acquisitionCost,
      customer_onboarding_score: investment.customerOnboardingScore,
      team_size: investment.teamSize,
      decision_maker_level: investment.decisionMakerLevel,
      industry_vertical: investment.industryVertical,
      company_size_tier: investment.companySizeTier,
    });
  }
  return rows;
}

interface ValueState {
  r: number;
  f: number;
  m: number;
  health: number;
  churn: number;
  ltv: number;
  age: number;
  dsla: number;
}

function valueState(
  rng: SeededRandom,
  profile: CustomerProfile,
  group: GroupProfile,
  quality: number,
  stage: LifecycleStage,
  daysBack: number,
): ValueState {
  const score = (probabilities: readonly number[]) =>
    categoryAt(normalCdf(0.6 * quality + 0.8 * rng.normal()), probabilities);
  // One latent drives health, churn (inversely) and LTV, with a little independent noise each.
  const z = 0.85 * quality + 0.53 * rng.normal();
  const health = clamp(group.health[0] + group.health[1] * z, 1.3, 3.5);
  const churn = clamp(group.churn[0] - group.churn[1] * (0.95 * z + 0.31 * rng.normal()), 0.02, 0.99);
  const ltv =
    group.ltvMean * (TIER_LTV_FACTOR[profile.tier] ?? 1) * Math.exp(0.5 * (0.9 * z + 0.44 * rng.normal()) - 0.125);
  const age = Math.max(1, profile.accountAgeDays - daysBack);
  const [low, high] = INACTIVITY[stage];
  return {
    r: score(group.recency),
    f: score(group.frequency),
    m: score(group.monetary),
    health,
    churn,
    ltv,
    age,
    dsla: Math.round(age * rng.uniform(low, high)),
  };
}

/**
 * A fraction, not a percent (spec §4.12): SMB rows sit in [0.0004, 0.05] with a mean near
 * 0.007, HV rows above 0.05 with one account pinned at the observed maximum 0.5, and "Other"
 * Gold/Platinum rows at or below 0.05. Overall mean ≈ 0.009.
 */
function portfolioPct(rng: SeededRandom, plan: PopulationPlan, profile: CustomerProfile): number {
  if (profile.index === plan.largestAccount) return 0.5;
  if (profile.group === 'hv') return round(Math.min(0.45, 0.0501 + rng.exponential(0.05)), 9);
  if (profile.group === 'other') return round(rng.uniform(0.012, 0.05), 9);
  let pct = 0.000400318586 + rng.exponential(0.0067);
  while (pct > 0.05) pct = 0.000400318586 + rng.exponential(0.0067);
  return round(pct, 12);
}

function rfmSegment(average: number): string {
  if (average >= 4.67) return 'Champion';
  if (average >= 3.67) return 'Loyal Customer';
  if (average >= 3.33) return 'Potential Loyalist';
  if (average >= 2.67) return 'At Risk';
  if (average >= 2) return 'Hibernating';
  return 'Lost';
}

function customerSegment(r: number, f: number, m: number): string {
  if (r >= 4 && m >= 4) return 'Champion';
  if (f >= 4) return 'Loyal Customer';
  if (r >= 3) return 'Potential Loyalist';
  if (m >= 3) return 'At Risk';
  if (r + f >= 4) return 'Hibernating';
  return 'Lost';
}

function developmentOpportunity(health: number, stage: LifecycleStage): string {
  if (stage === 'Dormant') return 'Reactivation Required';
  if (health >= 2.8) return 'High Upsell Potential';
  if (health >= 2.0) return 'Cross-sell Opportunity';
  return 'Nurture';
}

function investmentRecommendation(priority: number | null): string | null {
  if (priority === null) return null;
  if (priority >= 2.2) return 'Increase Investment';
  if (priority >= 1.4) return 'Maintain Investment';
  if (priority >= 0.9) return 'Optimize Investment';
  return 'Reduce Investment';
}

function strategicClassification(rng: SeededRandom, group: ValueGroup): string {
  if (group !== 'smb') return rng.chance(0.508) ? 'Strategic Account' : rng.pick(['Key Account', 'Growth Account']);
  return rng.weighted([
    ['Standard Account', 70],
    ['Low Priority Account', 25],
    ['Growth Account', 5],
  ]);
}

import { journeyPattern, platformPresence } from './activity-rows.js';
import { type CustomerProfile, emailVariant } from './customer-profile.js';
import { DATA_DATE_MS, DAY_MS, formatDate, snapshotSeries, WEEKLY_MART_SNAPSHOTS } from './demo-clock.js';
import { clamp, flag, round } from './demo-numbers.js';
import type { DemoRow } from './demo-schema.js';
import { FUNNEL_CHANNELS, LIFECYCLE_STAGES, TIERS, type Tier } from './demo-vocabulary.js';
import { createRandom } from './seeded-random.js';

/**
 * The funnel's LTV runs on a lower scale than the value table's (spec §4.9: 22–42% below),
 * so it is derived from the same group/tier means, discounted.
 */
const GROUP_LTV: Record<CustomerProfile['group'], number> = { smb: 1_285, hv: 7_205, other: 5_900 };
const TIER_LTV_FACTOR: Record<Tier, number> = { Basic: 0.66, Bronze: 1.0, Silver: 1.47, Gold: 0.85, Platinum: 1.25 };

/**
 * Five to eight funnel snapshots per customer, oldest first. The hand-off day counts are
 * history, so they rarely change between snapshots (a revision now and then, which is why
 * MIN(rowid) and latest-snapshot cohorts differ slightly). Their spread is sized so the
 * /conversion-cohort filter (m2s in [10, 20], s2s > 30, composite above the mean) keeps ≈ 960
 * of the default 4,734 customers (R054: 959).
 */
export function buildFunnelRows(seed: number, profile: CustomerProfile): DemoRow<'funnel'>[] {
  const rng = createRandom(seed, 'funnel', profile.index);
  if (rng.chance(0.01)) return [];
  const count = rng.int(5, 8);
  const presence = platformPresence(seed, profile);
  const timestamps = snapshotSeries(rng, { count, ...WEEKLY_MART_SNAPSHOTS });
  const reachedAwareness = rng.chance(0.985);
  const reachedConversion = reachedAwareness && rng.chance(0.95);
  const reachedSupport = reachedConversion && rng.chance(0.93);
  let m2s = reachedConversion ? Math.max(1, Math.round(rng.logNormal(15, 0.44))) : null;
  let s2s = reachedSupport ? Math.max(1, Math.round(rng.logNormal(68, 0.5))) : null;
  const channel = rng.weighted(FUNNEL_CHANNELS);
  const tier = rng.chance(0.03) ? rng.pick(TIERS) : profile.tier;
  const ltvBase =
    GROUP_LTV[profile.group] *
    TIER_LTV_FACTOR[tier] *
    0.7 *
    Math.exp(0.45 * profile.quality + 0.3 * rng.normal() - 0.15);
  const lifecycle = rng.pick(LIFECYCLE_STAGES);
  const baseHealth = clamp(70 + 2 * profile.quality + rng.normal(0, 9), 10, 100);
  const completeness = (Number(reachedAwareness) + Number(reachedConversion) + Number(reachedSupport)) / 3;

  const rows: DemoRow<'funnel'>[] = [];
  for (let k = 0; k < count; k++) {
    const daysBack = (count - 1 - k) * 7;
    if (k > 0 && m2s !== null && rng.chance(0.05)) m2s = Math.max(1, m2s + rng.int(-3, 3));
    if (k > 0 && s2s !== null && rng.chance(0.05)) s2s = Math.max(1, s2s + rng.int(-5, 5));
    const age = Math.max(1, profile.accountAgeDays - daysBack);
    const ltv = ltvBase * Math.exp(rng.normal(0, 0.05));
    const journeyDays = (m2s ?? 60) + (s2s ?? 120);
    const conversionProbability = clamp(0.25 + 0.5 * completeness + rng.normal(0, 0.1), 0.01, 0.99);
    const efficiency = clamp(completeness * (60 / (30 + journeyDays)) + rng.normal(0, 0.05), 0, 1);
    const dsla = Math.round(rng.exponential(60));
    rows.push({
      primary_email: emailVariant(rng, profile.email, 0.04),
      marketo_lead_id: profile.marketoLeadId,
      stripe_customer_id: profile.stripeCustomerId,
      zendesk_user_id: profile.zendeskUserId,
      primary_organization: profile.organization,
      account_age_days: age,
      activity_grade: rng.pick(['A', 'B', 'C', 'D', 'F']),
      awareness_engagement_quality: reachedAwareness ? round(rng.hump(), 4) : null,
      awareness_to_conversion_speed: m2s === null ? null : round(30 / (30 + m2s), 4),
      conversion_engagement_quality: reachedConversion ? round(rng.hump(), 4) : null,
      conversion_to_support_speed: s2s === null ? null : round(30 / (30 + s2s), 4),
      cross_stage_engagement_consistency: round(clamp(0.35 + 0.4 * completeness + rng.normal(0, 0.12), 0, 1), 4),
      customer_first_touchpoint: presence.marketo ? 'Marketo' : presence.stripe ? 'Stripe' : 'Zendesk',
      customer_journey_pattern: journeyPattern(presence),
      customer_last_activity: formatDate(DATA_DATE_MS - (daysBack + dsla) * DAY_MS),
      customer_segment: profile.group === 'smb' ? 'SMB' : 'Enterprise',
      customer_tier: tier,
      drop_off_risk: completeness === 1 ? 'Low' : completeness >= 2 / 3 ? 'Medium' : 'High',
      expected_optimization_value: round(ltv * (1 - conversionProbability) * 0.3, 2),
      funnel_analysis_timestamp: timestamps[k] ?? null,
      funnel_efficiency: round(efficiency, 4),
      funnel_performance_grade: efficiency >= 0.6 ? 'A' : efficiency >= 0.45 ? 'B' : efficiency >= 0.3 ? 'C' : 'D',
      intervention_priority: s2s !== null && s2s > 90 ? 'High' : m2s !== null && m2s > 20 ? 'Medium' : 'Low',
      journey_completeness_score: round(completeness * 100, 2),
      journey_efficiency_index: round(clamp(100 - journeyDays / 3 + rng.normal(0, 5), 0, 100), 2),
      journey_velocity:
        journeyDays <= 45 ? 'Fast' : journeyDays <= 90 ? 'Moderate' : journeyDays <= 150 ? 'Slow' : 'Stalled',
      lifecycle_stage: lifecycle,
      marketing_to_sales_days: m2s,
      next_stage_conversion_probability: round(conversionProbability, 4),
      optimization_recommendation:
        m2s !== null && m2s > 20
          ? 'Accelerate sales hand-off'
          : s2s !== null && s2s > 30
            ? 'Shorten onboarding to support'
            : 'Maintain current journey',
      predictive_full_journey_probability: round(clamp(conversionProbability * rng.uniform(0.6, 1), 0, 1), 4),
      primary_engagement_channel: channel,
      reached_awareness: flag(reachedAwareness),
      reached_conversion: flag(reachedConversion),
      reached_support: flag(reachedSupport),
      revenue_velocity_monthly: round(ltv / Math.max(1, age / 30.44), 2),
      sales_to_support_days: s2s,
      success_target: completeness === 1 ? 'Expand' : 'Complete Journey',
      support_engagement_quality: reachedSupport ? round(rng.hump(), 4) : null,
      value_realization_pattern:
        journeyDays <= 60 ? 'Fast Realizer' : journeyDays <= 120 ? 'Steady Realizer' : 'Slow Realizer',
      weighted_engagement_score: round(Math.max(0.05, 6.5 * Math.exp(0.45 * rng.normal())), 4),
      estimated_customer_ltv: round(ltv, 2),
      customer_health_score: round(clamp(baseHealth + rng.normal(0, 2), 0, 100), 2),
    });
  }
  return rows;
}

import { type CustomerProfile, emailVariant } from './customer-profile.js';
import { DATA_DATE_MS, DAY_MS, formatDate, snapshotSeries, WEEKLY_MART_SNAPSHOTS } from './demo-clock.js';
import { clamp, flag, round } from './demo-numbers.js';
import type { DemoRow } from './demo-schema.js';
import {
  ACTIVITY_CHANNELS,
  LIFECYCLE_STAGES,
  ODD_RISK_LEVEL,
  RISK_LEVELS,
  STAGNANT,
  VELOCITIES,
} from './demo-vocabulary.js';
import { createRandom, type SeededRandom } from './seeded-random.js';

/** Health points by risk level on the 0–100 scale; riskier customers are a little less healthy. */
const RISK_HEALTH: Record<string, number> = { 'Very Low': 4, Low: 2, Medium: 0, High: -2.5, Critical: -4 };
const MOMENTUM: Record<string, string> = {
  Accelerating: 'Gaining Momentum',
  Stable: 'Steady',
  Volatile: 'Erratic',
  Declining: 'Losing Momentum',
  [STAGNANT]: 'Stalled',
};

/** Source systems a customer is present in, shared by the activity and funnel rows. */
export interface PlatformPresence {
  readonly marketo: boolean;
  readonly stripe: boolean;
  readonly zendesk: boolean;
}

/** The three in_* flags are independent coin flips (spec §2.1: all eight combinations occur evenly). */
export function platformPresence(seed: number, profile: CustomerProfile): PlatformPresence {
  const rng = createRandom(seed, 'platforms', profile.index);
  return { marketo: rng.chance(0.5), stripe: rng.chance(0.5), zendesk: rng.chance(0.5) };
}

export function journeyPattern(p: PlatformPresence): string {
  const stages = [p.marketo ? 'Marketing' : '', p.stripe ? 'Sales' : '', p.zendesk ? 'Support' : ''].filter(Boolean);
  return stages.length === 0 ? 'Unengaged' : stages.join(' + ');
}

/**
 * Five to eight weekly activity snapshots per customer (spec §4.1), oldest first. Risk and
 * velocity wander between snapshots so zones change; about 2% of snapshots are the odd
 * `High Activity Risk` + `Stagnant` pair with health 60–64 (spec §4.5), never one without the other.
 */
export function buildActivityRows(seed: number, profile: CustomerProfile): DemoRow<'activity'>[] {
  const rng = createRandom(seed, 'activity', profile.index);
  if (rng.chance(0.01)) return [];
  const count = rng.int(5, 8);
  const presence = platformPresence(seed, profile);
  const platforms = Number(presence.marketo) + Number(presence.stripe) + Number(presence.zendesk);
  const timestamps = snapshotSeries(rng, { count, ...WEEKLY_MART_SNAPSHOTS });
  const baseHealth = 71.3 + 1.2 * (platforms - 1.5) + 2 * profile.quality + rng.normal(0, 8);
  // Lognormal with median 6.9 gives a mean near 8 (R054: 7.96) and a long right tail.
  const baseComposite = 6.9 * Math.exp(0.1 * profile.quality + 0.49 * rng.normal());
  const zendeskActive = presence.zendesk && rng.chance(0.54);
  const channel = rng.weighted(ACTIVITY_CHANNELS);
  const lifecycle = rng.pick(LIFECYCLE_STAGES);
  const segment = rng.weighted([
    ['Enterprise', 15],
    ['Mid-Market', 30],
    ['SMB', 55],
  ]);
  const lowRateFlags = {
    doNotCall: rng.chance(0.08),
    emailInvalid: rng.chance(0.04),
    unsubscribed: rng.chance(0.12),
    delinquent: presence.stripe && rng.chance(0.1),
    stripeDeleted: presence.stripe && rng.chance(0.04),
    zendeskDeleted: presence.zendesk && rng.chance(0.03),
    zendeskSuspended: presence.zendesk && rng.chance(0.02),
  };
  const registration = (present: boolean) =>
    present ? formatDate(DATA_DATE_MS - rng.int(30, profile.accountAgeDays + 30) * DAY_MS) : null;
  const registrations = {
    marketo: registration(presence.marketo),
    stripe: registration(presence.stripe),
    zendesk: registration(presence.zendesk),
  };

  let riskIndex = rng.int(0, RISK_LEVELS.length - 1);
  let velocity: string = rng.pick(VELOCITIES);
  let dsla = Math.round(rng.exponential(45));
  const rows: DemoRow<'activity'>[] = [];
  for (let k = 0; k < count; k++) {
    const daysBack = (count - 1 - k) * 7;
    if (k > 0 && rng.chance(0.25)) riskIndex = clamp(riskIndex + (rng.chance(0.5) ? 1 : -1), 0, RISK_LEVELS.length - 1);
    if (k > 0 && rng.chance(0.3)) velocity = rng.pick(VELOCITIES);
    dsla = Math.max(0, rng.chance(0.4) ? dsla + 7 : Math.round(rng.exponential(45)));
    const odd = rng.chance(0.02);
    const risk = odd ? ODD_RISK_LEVEL : (RISK_LEVELS[riskIndex] ?? 'Medium');
    const rowVelocity = odd ? STAGNANT : velocity;
    const health = odd
      ? rng.uniform(60, 64)
      : clamp(baseHealth + (RISK_HEALTH[risk] ?? 0) + rng.normal(0, 2.5), 12, 100);
    const composite = baseComposite * Math.exp(rng.normal(0, 0.06));
    rows.push(
      activityRow(rng, profile, presence, timestamps[k] ?? null, {
        risk,
        velocity: rowVelocity,
        health,
        composite,
        dsla,
        age: Math.max(1, profile.accountAgeDays - daysBack),
        channel,
        lifecycle,
        segment,
        zendeskActive: zendeskActive !== rng.chance(0.05),
        lowRateFlags,
        registrations,
      }),
    );
  }
  return rows;
}

interface SnapshotState {
  risk: string;
  velocity: string;
  health: number;
  composite: number;
  dsla: number;
  age: number;
  channel: string;
  lifecycle: string;
  segment: string;
  zendeskActive: boolean;
  lowRateFlags: Record<
    | 'doNotCall'
    | 'emailInvalid'
    | 'unsubscribed'
    | 'delinquent'
    | 'stripeDeleted'
    | 'zendeskDeleted'
    | 'zendeskSuspended',
    boolean
  >;
  registrations: Record<'marketo' | 'stripe' | 'zendesk', string | null>;
}

function activityRow(
  rng: SeededRandom,
  profile: CustomerProfile,
  presence: PlatformPresence,
  timestamp: string | null,
  s: SnapshotState,
): DemoRow<'activity'> {
  const platforms = Number(presence.marketo) + Number(presence.stripe) + Number(presence.zendesk);
  const depth = (present: boolean) => (present ? rng.int(1, 20) : 0);
  const channelScore = (present: boolean) =>
    present ? round(clamp((s.composite / 1.6) * rng.uniform(0.6, 1.4), 0, 10), 3) : 0;
  const monthly = rng.logNormal(12, 0.7) * (s.composite / 8);
  return {
    primary_email: emailVariant(rng, profile.email, 0.04),
    marketo_lead_id: profile.marketoLeadId,
    stripe_customer_id: profile.stripeCustomerId,
    zendesk_user_id: profile.zendeskUserId,
    primary_organization: profile.organization,
    account_age_days: s.age,
    active_30_days: flag(s.dsla <= 30),
    active_60_days: flag(s.dsla <= 60),
    active_90_days: flag(s.dsla <= 90),
    active_180_days: flag(s.dsla <= 180),
    active_365_days: flag(s.dsla <= 365),
    active_channel_count: platforms,
    activity_analysis_timestamp: timestamp,
    activity_efficiency: round(rng.hump(), 4),
    activity_grade:
      s.composite >= 12 ? 'A' : s.composite >= 9 ? 'B' : s.composite >= 6 ? 'C' : s.composite >= 3 ? 'D' : 'F',
    activity_momentum: MOMENTUM[s.velocity] ?? 'Steady',
    activity_priority_score: round(clamp(100 - s.health + rng.normal(0, 8), 0, 100), 2),
    activity_risk_level: s.risk,
    composite_engagement_score: round(s.composite, 4),
    cross_platform_consistency: round(clamp(platforms / 3 - 0.1 + rng.normal(0, 0.1), 0, 1), 4),
    customer_first_touchpoint: presence.marketo
      ? 'Marketo'
      : presence.stripe
        ? 'Stripe'
        : presence.zendesk
          ? 'Zendesk'
          : 'Unknown',
    customer_health_score: round(s.health, 2),
    customer_journey_pattern: journeyPattern(presence),
    customer_last_activity: formatDate(DATA_DATE_MS - s.dsla * DAY_MS),
    customer_segment: s.segment,
    days_since_last_activity: s.dsla,
    do_not_call: flag(s.lowRateFlags.doNotCall),
    engagement_maturity: s.age < 90 ? 'New' : s.age < 365 ? 'Developing' : s.age < 730 ? 'Established' : 'Mature',
    engagement_velocity: s.velocity,
    estimated_monthly_activities: round(monthly, 2),
    in_marketo: flag(presence.marketo),
    in_stripe: flag(presence.stripe),
    in_zendesk: flag(presence.zendesk),
    is_delinquent: flag(s.lowRateFlags.delinquent),
    is_email_invalid: flag(s.lowRateFlags.emailInvalid),
    is_unsubscribed: flag(s.lowRateFlags.unsubscribed),
    lifecycle_stage: s.lifecycle,
    marketing_depth: depth(presence.marketo),
    marketing_engagement_score: channelScore(presence.marketo),
    marketo_registration_date: s.registrations.marketo,
    months_since_last_activity: Math.floor(s.dsla / 30),
    predicted_next_month_activity: round(monthly * rng.uniform(0.75, 1.2), 2),
    primary_engagement_channel: s.channel,
    recommended_activity_intervention: intervention(s.risk),
    sales_depth: depth(presence.stripe),
    sales_engagement_score: channelScore(presence.stripe),
    seasonally_adjusted_activity: round(monthly * rng.uniform(0.9, 1.1), 2),
    stripe_deleted: flag(s.lowRateFlags.stripeDeleted),
    stripe_registration_date: s.registrations.stripe,
    support_depth: depth(presence.zendesk),
    support_engagement_score: channelScore(presence.zendesk),
    weeks_since_last_activity: Math.floor(s.dsla / 7),
    weighted_engagement_score: round(Math.max(0.05, 0.8 * s.composite + 0.05 * s.health + rng.normal(0, 1.2)), 4),
    zendesk_active: flag(presence.zendesk && s.zendeskActive),
    zendesk_deleted: flag(s.lowRateFlags.zendeskDeleted),
    zendesk_registration_date: s.registrations.zendesk,
    zendesk_suspended: flag(s.lowRateFlags.zendeskSuspended),
  };
}

function intervention(risk: string): string {
  if (risk === 'Critical' || risk === ODD_RISK_LEVEL) return 'Immediate Outreach';
  if (risk === 'High') return 'Re-engagement Campaign';
  if (risk === 'Medium') return 'Nurture Sequence';
  return 'Expansion Conversation';
}

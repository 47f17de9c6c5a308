import type {
  CohortActivityRow,
  CohortFunnelRow,
  CohortInputs,
  CohortValueRow,
  Flag,
} from '../../../src/analysis/conversion-cohort/cohort-inputs.js';

export function activityRow(
  key: string,
  composite: number | null,
  fields: Partial<Omit<CohortActivityRow, 'key' | 'composite'>> = {},
): CohortActivityRow {
  return {
    key,
    composite,
    channel: null,
    health: null,
    zendeskActive: null,
    inMarketo: 0,
    inStripe: 0,
    inZendesk: 0,
    riskLevel: 'Medium',
    velocity: 'Volatile',
    zendeskUserId: null,
    marketoLeadId: null,
    stripeCustomerId: null,
    ...fields,
  };
}

export function funnelRow(
  key: string,
  marketingToSalesDays: number | null,
  salesToSupportDays: number | null,
  fields: Partial<Omit<CohortFunnelRow, 'key' | 'marketingToSalesDays' | 'salesToSupportDays'>> = {},
): CohortFunnelRow {
  return { key, marketingToSalesDays, salesToSupportDays, channel: null, tier: null, ltv: null, ...fields };
}

export function valueRow(
  key: string,
  tier: string | null,
  ltv: number | null,
  rfm: [number | null, number | null, number | null] = [null, null, null],
): CohortValueRow {
  return { key, tier, ltv, recency: rfm[0], frequency: rfm[1], monetary: rfm[2] };
}

function flags(m: Flag, s: Flag, z: Flag) {
  return { inMarketo: m, inStripe: s, inZendesk: z };
}

/**
 * Composite engagement over the ten activity rows that have it: 10·6 + 2 + 8 + 6 + 4 = 80,
 * mean 8, so e6 (exactly 8) is not "above". Funnel days put e1 (m2s 10) and e2 (m2s 20) on
 * the inclusive edges, e3 on s2s = 30 (out: strict), e4 on m2s 21 (out), e11 on NULL days.
 * Cohort: e1, e2, e12, e13.
 */
export const COHORT_FIXTURE: CohortInputs = {
  activity: [
    activityRow('e1', 10, {
      ...flags(0, 1, 1),
      health: 80,
      zendeskActive: 1,
      channel: 'Content Marketing',
      riskLevel: 'Low',
      velocity: 'Stable',
    }),
    activityRow('e2', 10, {
      ...flags(1, 1, 1),
      health: 90,
      zendeskActive: 0,
      channel: 'Sales Driven',
      riskLevel: 'Low',
      velocity: 'Stable',
    }),
    activityRow('e3', 10, { ...flags(null, 0, 0), health: 50 }),
    activityRow('e4', 10, { ...flags(0, 0, 0), health: 40 }),
    activityRow('e5', 2, { ...flags(0, 0, 0), health: null }),
    activityRow('e6', 8, { ...flags(1, 1, 1), health: 100 }),
    activityRow('e7', null, { ...flags(0, 1, 1), health: 70 }),
    activityRow('e8', 6, { ...flags(0, 1, 1), health: 60 }),
    activityRow('e11', 4, { ...flags(0, 0, 1), health: 55 }),
    activityRow('e12', 10, {
      ...flags(0, 0, 0),
      health: 60,
      zendeskActive: null,
      channel: 'Content Marketing',
      riskLevel: 'High Activity Risk',
      velocity: 'Stagnant',
    }),
    activityRow('e13', 10, {
      ...flags(1, 0, 0),
      health: 75,
      zendeskActive: 1,
      channel: null,
      riskLevel: null,
      velocity: 'Declining',
    }),
  ],
  funnel: [
    funnelRow('e1', 10, 31, { channel: 'Webinar', tier: 'Gold', ltv: 15000 }),
    funnelRow('e2', 20, 30.5, { channel: 'Email', tier: 'Gold', ltv: 13000 }),
    funnelRow('e3', 15, 30, { tier: 'Gold', ltv: 14000 }),
    funnelRow('e4', 21, 40),
    funnelRow('e5', 15, 40),
    funnelRow('e6', 15, 40),
    funnelRow('e7', 15, 40),
    funnelRow('e9', 15, 40),
    funnelRow('e11', null, 40),
    funnelRow('e12', 12, 35, { channel: 'Webinar', tier: 'Basic', ltv: 1000 }),
    funnelRow('e13', 18, 100, { channel: 'Webinar', tier: 'Silver', ltv: 5000 }),
  ],
  value: [
    valueRow('e1', 'Gold', 22000, [3, 4, 5]),
    valueRow('e2', 'Gold', 18000, [5, null, 5]),
    valueRow('e12', 'Basic', 1500, [1, 2, 2]),
    valueRow('e3', 'Gold', 20000),
    valueRow('e4', 'Gold', 16000),
    valueRow('e5', 'Basic', 2500),
    valueRow('e6', 'Basic', null),
    valueRow('v99', 'Platinum', 40000),
  ],
};

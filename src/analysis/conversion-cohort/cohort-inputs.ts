/**
 * What §2 reads, one latest snapshot per cleaned email and table. Flags are already clean
 * (0/1) or NULL: the reader turns anything else into NULL and counts it.
 */

export type Flag = 0 | 1 | null;

export interface CohortActivityRow {
  readonly key: string;
  readonly composite: number | null;
  readonly channel: string | null;
  readonly health: number | null;
  readonly zendeskActive: Flag;
  readonly inMarketo: Flag;
  readonly inStripe: Flag;
  readonly inZendesk: Flag;
  readonly riskLevel: string | null;
  readonly velocity: string | null;
  /** Source-system ids from the activity row; geography resolves them through the mapping. */
  readonly zendeskUserId: string | null;
  readonly marketoLeadId: string | null;
  readonly stripeCustomerId: string | null;
}

export interface CohortFunnelRow {
  readonly key: string;
  readonly marketingToSalesDays: number | null;
  readonly salesToSupportDays: number | null;
  readonly channel: string | null;
  readonly tier: string | null;
  readonly ltv: number | null;
}

export interface CohortValueRow {
  readonly key: string;
  readonly tier: string | null;
  readonly ltv: number | null;
  readonly recency: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
}

export interface CohortInputs {
  readonly activity: readonly CohortActivityRow[];
  readonly funnel: readonly CohortFunnelRow[];
  readonly value: readonly CohortValueRow[];
}

export interface CohortBounds {
  /** marketing_to_sales_days lower bound, inclusive. */
  readonly m2sMin: number;
  /** marketing_to_sales_days upper bound, inclusive. */
  readonly m2sMax: number;
  /** sales_to_support_days must be strictly above this. */
  readonly s2sAbove: number;
  /** composite_engagement_score must be strictly above this; 'mean' = the mean over all latest activity rows. */
  readonly compositeAbove: number | 'mean';
}

/** §2 defaults: a quick marketing hand-off (10–20 days) followed by a slow one to support (> 30 days). */
export const DEFAULT_COHORT_BOUNDS: CohortBounds = { m2sMin: 10, m2sMax: 20, s2sAbove: 30, compositeAbove: 'mean' };

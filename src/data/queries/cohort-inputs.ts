import type {
  CohortActivityRow,
  CohortFunnelRow,
  CohortInputs,
  CohortValueRow,
} from '../../analysis/conversion-cohort/cohort-inputs.js';
import type { ActivityZoneInput } from '../../analysis/zones/zone-types.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport } from '../read-table.js';
import { toActivityZoneInput } from './zone-inputs.js';

export const COHORT_ACTIVITY_COLUMNS = [
  'primary_email',
  'primary_organization',
  'composite_engagement_score',
  'primary_engagement_channel',
  'customer_health_score',
  'weighted_engagement_score',
  'zendesk_active',
  'in_marketo',
  'in_stripe',
  'in_zendesk',
  'activity_risk_level',
  'engagement_velocity',
  'zendesk_user_id',
  'marketo_lead_id',
  'stripe_customer_id',
] as const;

export const COHORT_FUNNEL_COLUMNS = [
  'primary_email',
  'marketing_to_sales_days',
  'sales_to_support_days',
  'primary_engagement_channel',
  'customer_tier',
  'estimated_customer_ltv',
] as const;

export const COHORT_VALUE_COLUMNS = [
  'primary_email',
  'customer_tier',
  'estimated_customer_ltv',
  'recency_score',
  'frequency_score',
  'monetary_score',
] as const;

export interface LoadedCohortInputs {
  readonly inputs: CohortInputs;
  /** The same latest activity rows as zone inputs, so the zones need no second read. */
  readonly zoneRows: readonly ActivityZoneInput[];
  readonly reads: {
    readonly activity: TableReadReport;
    readonly funnel: TableReadReport;
    readonly value: TableReadReport;
  };
}

/**
 * The row path of /conversion-cohort's inputs, kept as the reference the column path (cohort-columns.ts, which the
 * command uses) is tested against, figure by figure (test/data/cohort-columns.test.ts).
 *
 * Latest snapshot per cleaned email of the activity, funnel and value marts (de-duplicated
 * in SQL). Empty tables come back empty so the analysis can say the cohort is not
 * available; a missing table or column is a typed error naming /conversion-cohort.
 */
export function loadCohortInputs(warehouse: Warehouse, neededFor = '/conversion-cohort'): LoadedCohortInputs {
  const loaded = cohortInputsOf(warehouse, neededFor);
  // Each caller gets its own arrays; the rows are readonly and shared.
  const { activity, funnel, value } = loaded.inputs;
  return {
    inputs: { activity: activity.slice(), funnel: funnel.slice(), value: value.slice() },
    zoneRows: loaded.zoneRows.slice(),
    reads: loaded.reads,
  };
}

/**
 * Cohort inputs per open warehouse (one export): three million-row tables at 1M customers, ~1 s a call to map from
 * rows, which then stay out of the row memo.
 */
const cohortInputsOf = oncePerWarehouse((warehouse: Warehouse, neededFor: string): LoadedCohortInputs => {
  const keepRows = false;
  const activity = readTable(warehouse, 'activity', COHORT_ACTIVITY_COLUMNS, { neededFor, keepRows });
  const funnel = readTable(warehouse, 'funnel', COHORT_FUNNEL_COLUMNS, { neededFor, keepRows });
  const value = readTable(warehouse, 'value', COHORT_VALUE_COLUMNS, { neededFor, keepRows });

  const activityRows = activity.rows.map(
    (r): CohortActivityRow => ({
      key: r.primary_email as string,
      composite: r.composite_engagement_score,
      channel: r.primary_engagement_channel,
      health: r.customer_health_score,
      zendeskActive: r.zendesk_active,
      inMarketo: r.in_marketo,
      inStripe: r.in_stripe,
      inZendesk: r.in_zendesk,
      riskLevel: r.activity_risk_level,
      velocity: r.engagement_velocity,
      zendeskUserId: r.zendesk_user_id,
      marketoLeadId: r.marketo_lead_id,
      stripeCustomerId: r.stripe_customer_id,
    }),
  );
  const funnelRows = funnel.rows.map(
    (r): CohortFunnelRow => ({
      key: r.primary_email as string,
      marketingToSalesDays: r.marketing_to_sales_days,
      salesToSupportDays: r.sales_to_support_days,
      channel: r.primary_engagement_channel,
      tier: r.customer_tier,
      ltv: r.estimated_customer_ltv,
    }),
  );
  const valueRows = value.rows.map(
    (r): CohortValueRow => ({
      key: r.primary_email as string,
      tier: r.customer_tier,
      ltv: r.estimated_customer_ltv,
      recency: r.recency_score,
      frequency: r.frequency_score,
      monetary: r.monetary_score,
    }),
  );
  return {
    inputs: { activity: activityRows, funnel: funnelRows, value: valueRows },
    zoneRows: activity.rows.map(toActivityZoneInput),
    reads: { activity: activity.report, funnel: funnel.report, value: value.report },
  };
});

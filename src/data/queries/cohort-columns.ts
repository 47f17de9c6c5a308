import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import { keyJoin } from '../../analysis/columns/join-rows.js';
import type { CohortColumns } from '../../analysis/conversion-cohort/cohort-columns.js';
import type { SourceIdColumn } from '../../analysis/conversion-cohort/cohort-geography.js';
import { cohortPopulationOf } from '../../analysis/conversion-cohort/compute-cohort-columns.js';
import type { CohortPopulation } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import type { ActivityZoneColumns } from '../../analysis/zones/activity-zone-columns.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import type { SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import { COHORT_ACTIVITY_COLUMNS, COHORT_FUNNEL_COLUMNS, COHORT_VALUE_COLUMNS } from './cohort-inputs.js';

export interface LoadedCohortColumns {
  readonly columns: CohortColumns;
  /** The population figures every cohort is compared with (cohortPopulationOf), once per export. */
  readonly population: () => CohortPopulation;
  /** The same latest activity rows as the activity zone method's inputs, so the zones need no second read. */
  readonly zoneColumns: ActivityZoneColumns;
  /** The activity rows' source ids, one object per export: geography resolves through it once. */
  readonly geographyIds: Readonly<Record<SourceIdColumn, CodedColumn>>;
  /** The snapshot cache the activity rows were read from; undefined when they came from SQLite. */
  readonly activityCache?: SnapshotCache;
  readonly reads: {
    readonly activity: TableReadReport;
    readonly funnel: TableReadReport;
    readonly value: TableReadReport;
  };
}

/**
 * loadCohortInputs' rows as typed columns (same rows, same order, same reports), with the email joins of activity
 * to funnel and value done once. Built once per open warehouse and shared by every /conversion-cohort: at a million
 * customers the row path held three million row objects (~1 GB of heap) and rebuilt its join maps per call.
 */
export const loadCohortColumns = oncePerWarehouse((warehouse: Warehouse, neededFor: string): LoadedCohortColumns => {
  const activity = readTableColumns(warehouse, 'activity', COHORT_ACTIVITY_COLUMNS, { neededFor });
  const funnel = readTableColumns(warehouse, 'funnel', COHORT_FUNNEL_COLUMNS, { neededFor });
  const value = readTableColumns(warehouse, 'value', COHORT_VALUE_COLUMNS, { neededFor });
  const a = activity.columns;
  const f = funnel.columns;
  const v = value.columns;
  const text = (c: unknown) => c as CodedColumn;
  const numbers = (c: unknown) => c as Float64Array;
  // Both joins from the activity emails: by code in the cache's email key space, else the emails hashed once.
  const joinFromActivity = keyJoin(text(a.primary_email));
  const columns: CohortColumns = {
    activity: {
      key: text(a.primary_email),
      composite: numbers(a.composite_engagement_score),
      channel: text(a.primary_engagement_channel),
      health: numbers(a.customer_health_score),
      zendeskActive: numbers(a.zendesk_active),
      inMarketo: numbers(a.in_marketo),
      inStripe: numbers(a.in_stripe),
      inZendesk: numbers(a.in_zendesk),
      riskLevel: text(a.activity_risk_level),
      velocity: text(a.engagement_velocity),
      zendeskUserId: text(a.zendesk_user_id),
      marketoLeadId: text(a.marketo_lead_id),
      stripeCustomerId: text(a.stripe_customer_id),
    },
    funnel: {
      key: text(f.primary_email),
      marketingToSalesDays: numbers(f.marketing_to_sales_days),
      salesToSupportDays: numbers(f.sales_to_support_days),
      channel: text(f.primary_engagement_channel),
      tier: text(f.customer_tier),
      ltv: numbers(f.estimated_customer_ltv),
    },
    value: {
      key: text(v.primary_email),
      tier: text(v.customer_tier),
      ltv: numbers(v.estimated_customer_ltv),
      recency: numbers(v.recency_score),
      frequency: numbers(v.frequency_score),
      monetary: numbers(v.monetary_score),
    },
    funnelRowOf: joinFromActivity(text(f.primary_email)),
    valueRowOf: joinFromActivity(text(v.primary_email)),
  };
  let population: CohortPopulation | undefined;
  return {
    columns,
    population: () => {
      population ??= cohortPopulationOf(columns);
      return population;
    },
    zoneColumns: {
      key: text(a.primary_email),
      organization: text(a.primary_organization),
      velocity: text(a.engagement_velocity),
      riskLevel: text(a.activity_risk_level),
      weightedEngagement: numbers(a.weighted_engagement_score),
    },
    geographyIds: {
      zendesk_user_id: columns.activity.zendeskUserId,
      marketo_lead_id: columns.activity.marketoLeadId,
      stripe_customer_id: columns.activity.stripeCustomerId,
    },
    ...(activity.cache && { activityCache: activity.cache }),
    reads: { activity: activity.report, funnel: funnel.report, value: value.report },
  };
});

/**
 * The seven warehouse tables Radar reads, with the kind of every column as the dbt marts
 * and the NetSuite export define them (the warehouse data specification, §2). The kind decides how a
 * value is cleaned on read, not what SQLite declared: real exports store numbers as TEXT.
 */

export const COLUMN_KINDS = ['email', 'id', 'text', 'number', 'flag', 'timestamp'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The TypeScript type a cleaned value of each kind has; timestamps are epoch milliseconds (UTC). */
export interface ColumnKindType {
  email: string | null;
  id: string | null;
  text: string | null;
  number: number | null;
  flag: 0 | 1 | null;
  timestamp: number | null;
}

export interface SnapshotRule {
  /** Column whose cleaned value identifies one customer. */
  readonly key: string;
  /** Snapshot timestamp column; the latest parsed instant wins. */
  readonly timestamp: string;
  /** Extra tie-breaker compared numerically, descending, before rowid (netsuite: subsidiary_id). */
  readonly numericTieBreak?: string;
}

export interface TableDefinition {
  readonly name: string;
  readonly label: string;
  readonly columns: Readonly<Record<string, ColumnKind>>;
  readonly snapshot?: SnapshotRule;
}

const customerIds = {
  marketo_lead_id: 'id',
  stripe_customer_id: 'id',
  zendesk_user_id: 'id',
  primary_organization: 'text',
} as const;

export const WAREHOUSE_TABLES = {
  activity: {
    name: 'customer360__customer_activity_metrics',
    label: 'activity metrics',
    snapshot: { key: 'primary_email', timestamp: 'activity_analysis_timestamp' },
    columns: {
      primary_email: 'email',
      ...customerIds,
      account_age_days: 'number',
      active_30_days: 'flag',
      active_60_days: 'flag',
      active_90_days: 'flag',
      active_180_days: 'flag',
      active_365_days: 'flag',
      active_channel_count: 'number',
      activity_analysis_timestamp: 'timestamp',
      activity_efficiency: 'number',
      activity_grade: 'text',
      activity_momentum: 'text',
      activity_priority_score: 'number',
      activity_risk_level: 'text',
      composite_engagement_score: 'number',
      cross_platform_consistency: 'number',
      customer_first_touchpoint: 'text',
      customer_health_score: 'number',
      customer_journey_pattern: 'text',
      customer_last_activity: 'text',
      customer_segment: 'text',
      days_since_last_activity: 'number',
      do_not_call: 'flag',
      engagement_maturity: 'text',
      engagement_velocity: 'text',
      estimated_monthly_activities: 'number',
      in_marketo: 'flag',
      in_stripe: 'flag',
      in_zendesk: 'flag',
      is_delinquent: 'flag',
      is_email_invalid: 'flag',
      is_unsubscribed: 'flag',
      lifecycle_stage: 'text',
      marketing_depth: 'number',
      marketing_engagement_score: 'number',
      marketo_registration_date: 'text',
      months_since_last_activity: 'number',
      predicted_next_month_activity: 'number',
      primary_engagement_channel: 'text',
      recommended_activity_intervention: 'text',
      sales_depth: 'number',
      sales_engagement_score: 'number',
      seasonally_adjusted_activity: 'number',
      stripe_deleted: 'flag',
      stripe_registration_date: 'text',
      support_depth: 'number',
      support_engagement_score: 'number',
      weeks_since_last_activity: 'number',
      weighted_engagement_score: 'number',
      zendesk_active: 'flag',
      zendesk_deleted: 'flag',
      zendesk_registration_date: 'text',
      zendesk_suspended: 'flag',
    },
  },
  funnel: {
    name: 'customer360__conversion_funnel_analysis',
    label: 'conversion funnel',
    snapshot: { key: 'primary_email', timestamp: 'funnel_analysis_timestamp' },
    columns: {
      primary_email: 'email',
      ...customerIds,
      account_age_days: 'number',
      activity_grade: 'text',
      awareness_engagement_quality: 'number',
      awareness_to_conversion_speed: 'number',
      conversion_engagement_quality: 'number',
      conversion_to_support_speed: 'number',
      cross_stage_engagement_consistency: 'number',
      customer_first_touchpoint: 'text',
      customer_journey_pattern: 'text',
      customer_last_activity: 'text',
      customer_segment: 'text',
      customer_tier: 'text',
      drop_off_risk: 'text',
      expected_optimization_value: 'number',
      funnel_analysis_timestamp: 'timestamp',
      funnel_efficiency: 'number',
      funnel_performance_grade: 'text',
      intervention_priority: 'text',
      journey_completeness_score: 'number',
      journey_efficiency_index: 'number',
      journey_velocity: 'text',
      lifecycle_stage: 'text',
      marketing_to_sales_days: 'number',
      next_stage_conversion_probability: 'number',
      optimization_recommendation: 'text',
      predictive_full_journey_probability: 'number',
      primary_engagement_channel: 'text',
      reached_awareness: 'flag',
      reached_conversion: 'flag',
      reached_support: 'flag',
      revenue_velocity_monthly: 'number',
      sales_to_support_days: 'number',
      success_target: 'text',
      support_engagement_quality: 'number',
      value_realization_pattern: 'text',
      weighted_engagement_score: 'number',
      estimated_customer_ltv: 'number',
      customer_health_score: 'number',
    },
  },
  value: {
    name: 'customer360__customer_value_analysis',
    label: 'customer value',
    snapshot: { key: 'primary_email', timestamp: 'analysis_timestamp' },
    columns: {
      primary_email: 'email',
      ...customerIds,
      account_age_days: 'number',
      acquisition_roi_assessment: 'text',
      adjusted_ltv: 'number',
      analysis_timestamp: 'timestamp',
      churn_probability: 'number',
      concentration_risk: 'text',
      customer_health_score: 'number',
      customer_segment: 'text',
      customer_tier: 'text',
      days_since_last_activity: 'number',
      development_opportunity: 'text',
      estimated_customer_ltv: 'number',
      expected_annual_revenue: 'number',
      frequency_score: 'number',
      investment_priority_score: 'number',
      investment_recommendation: 'text',
      lifecycle_stage: 'text',
      monetary_score: 'number',
      portfolio_contribution_pct: 'number',
      potential_revenue_loss: 'number',
      recency_score: 'number',
      recommended_engagement_model: 'text',
      revenue_risk_percentage: 'number',
      revenue_tier: 'text',
      rfm_avg_score: 'number',
      rfm_score: 'text',
      rfm_segment: 'text',
      risk_category: 'text',
      strategic_classification: 'text',
      success_target: 'text',
      upsell_potential: 'number',
      value_stability: 'text',
      // DB-055 investment and performance columns (present in some exports only).
      product_adoption_rate: 'number',
      support_resolution_efficiency: 'number',
      customer_lifetime_value: 'number',
      acquisition_cost: 'number',
      customer_onboarding_score: 'number',
      team_size: 'number',
      decision_maker_level: 'text',
      industry_vertical: 'text',
      company_size_tier: 'text',
    },
  },
  customer: {
    name: 'customer360__customer',
    label: 'customer',
    columns: {
      customer360_id: 'id',
      customer360_organization_id: 'id',
      is_organization_header: 'flag',
      source_ids: 'text',
      email: 'email',
      full_name: 'text',
      organization_name: 'text',
      phone: 'text',
      ip_address: 'text',
      address_line_1: 'text',
      address_line_2: 'text',
      city: 'text',
      state: 'text',
      postal_code: 'text',
      country: 'text',
      country_alt_name: 'text',
      first_sale_date: 'text',
      most_recent_sale_date: 'text',
      total_sales_amount: 'number',
    },
  },
  mapping: {
    name: 'customer360__mapping',
    label: 'id mapping',
    columns: {
      customer360_id: 'id',
      customer360_organization_id: 'id',
      is_organization_header: 'flag',
      marketo_lead_id: 'id',
      stripe_customer_id: 'id',
      zendesk_user_id: 'id',
      source_ids: 'text',
    },
  },
  address: {
    name: 'customer360__address',
    label: 'address',
    columns: {
      customer360_id: 'id',
      source_system: 'text',
      address_type: 'text',
      priority: 'number',
      rank: 'number',
      address_line_1: 'text',
      address_line_2: 'text',
      city: 'text',
      state: 'text',
      state_code: 'text',
      postal_code: 'text',
      country: 'text',
      country_code: 'text',
      country_alt_name: 'text',
    },
  },
  netsuite: {
    name: 'netsuite2_customer_analytics',
    label: 'NetSuite customer analytics',
    snapshot: { key: 'customer_id', timestamp: 'segmentation_date', numericTieBreak: 'subsidiary_id' },
    columns: {
      customer_analytics_id: 'id',
      customer_id: 'id',
      customer_name: 'text',
      customer_email: 'email',
      subsidiary_id: 'id',
      segmentation_date: 'timestamp',
      profitability_segment: 'text',
      value_tier: 'text',
      lifecycle_stage: 'text',
      activity_status: 'text',
      retention_category: 'text',
      total_revenue: 'number',
      net_profit: 'number',
      transaction_count: 'number',
      avg_transactions_per_month: 'number',
      comprehensive_customer_score: 'number',
      retention_probability: 'number',
      seasonal_preference: 'text',
      transaction_consistency: 'text',
      growth_potential: 'text',
      recommended_action: 'text',
      engagement_frequency: 'text',
      customer_age_days: 'number',
      transaction_value_volatility: 'number',
      q1_transactions: 'number',
      q2_transactions: 'number',
      q3_transactions: 'number',
      q4_transactions: 'number',
    },
  },
} as const satisfies Record<string, TableDefinition>;

export type TableId = keyof typeof WAREHOUSE_TABLES;
export const TABLE_IDS = Object.keys(WAREHOUSE_TABLES) as TableId[];
export type ColumnOf<T extends TableId> = keyof (typeof WAREHOUSE_TABLES)[T]['columns'] & string;
export type KindOf<T extends TableId, C extends ColumnOf<T>> = (typeof WAREHOUSE_TABLES)[T]['columns'][C] & ColumnKind;

/** A cleaned row holding the requested columns, plus its SQLite rowid and snapshot rank (1 = latest). */
export type TableRow<T extends TableId, C extends ColumnOf<T>> = {
  [K in C]: ColumnKindType[KindOf<T, K>];
} & { readonly rowid: number; readonly snapshotRank: number };

/** SQLite declared type used when Radar itself creates a table (demo data, fixtures). */
export function declaredTypeFor(kind: ColumnKind): 'TEXT' | 'REAL' | 'INTEGER' {
  switch (kind) {
    case 'number':
      return 'REAL';
    case 'flag':
      return 'INTEGER';
    default:
      return 'TEXT';
  }
}

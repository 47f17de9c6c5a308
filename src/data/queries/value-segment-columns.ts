import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import type { ValueSegmentColumns } from '../../analysis/value-segments/value-segment-columns.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { VALUE_SEGMENT_COLUMNS } from './value-customers.js';

export interface LoadedValueSegmentColumns {
  readonly columns: ValueSegmentColumns;
  readonly report: TableReadReport;
}

/**
 * /value-segments' latest value rows as typed columns (loadValueCustomers' rows and report), once per open
 * warehouse: ~15 typed arrays instead of a second set of a million customer objects beside /priority's.
 */
export const loadValueSegmentColumns = oncePerWarehouse(
  (warehouse: Warehouse, neededFor: string): LoadedValueSegmentColumns => {
    const read = readTableColumns(warehouse, 'value', VALUE_SEGMENT_COLUMNS, { neededFor, requireRows: true });
    const c = read.columns;
    const text = (column: unknown) => column as CodedColumn;
    const numbers = (column: unknown) => column as Float64Array;
    return {
      columns: {
        email: text(c.primary_email),
        organization: text(c.primary_organization),
        tier: text(c.customer_tier),
        portfolioPct: numbers(c.portfolio_contribution_pct),
        stage: text(c.lifecycle_stage),
        recency: numbers(c.recency_score),
        frequency: numbers(c.frequency_score),
        monetary: numbers(c.monetary_score),
        health: numbers(c.customer_health_score),
        churn: numbers(c.churn_probability),
        ltv: numbers(c.estimated_customer_ltv),
        revenue: numbers(c.expected_annual_revenue),
        accountAgeDays: numbers(c.account_age_days),
        daysSinceLastActivity: numbers(c.days_since_last_activity),
        rfmSegment: text(c.rfm_segment),
        engagementModel: text(c.recommended_engagement_model),
      },
      report: read.report,
    };
  },
);

import { type CodedColumn, levelCount } from '../../analysis/columns/coded-column.js';
import { joinRows } from '../../analysis/columns/join-rows.js';
import type { TableGap } from '../../analysis/table-gap.js';
import type { FunnelColumnsInput, ValueSegmentColumns } from '../../analysis/value-segments/value-segment-columns.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { type TableReadReport, tableGap } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { VALUE_SEGMENT_COLUMNS } from './value-customers.js';
import { VALUE_FUNNEL_COLUMNS } from './value-funnel.js';

export interface LoadedValueSegmentColumns {
  readonly columns: ValueSegmentColumns;
  readonly report: TableReadReport;
  /** The latest funnel row's figures joined to each value row, or why there are none (loadValueFunnel's rules). */
  readonly funnel: FunnelColumnsInput;
  readonly funnelReport: TableReadReport | null;
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
      ...funnelColumns(warehouse, neededFor, text(c.primary_email)),
    };
  },
);

/**
 * loadValueFunnel's figures as columns joined to the value rows (the same reasons when there are none): an Int32Array
 * per value row instead of a Map with an object per funnel email (a million at 1M customers).
 */
function funnelColumns(
  warehouse: Warehouse,
  neededFor: string,
  email: CodedColumn,
): { funnel: FunnelColumnsInput; funnelReport: TableReadReport | null } {
  const unavailable = (gap: TableGap) => ({ funnel: { available: false as const, gap }, funnelReport: null });
  const gap = tableGap(warehouse, 'funnel', [...VALUE_FUNNEL_COLUMNS, WAREHOUSE_TABLES.funnel.snapshot.timestamp]);
  if (gap !== null) return unavailable(gap);
  const read = readTableColumns(warehouse, 'funnel', VALUE_FUNNEL_COLUMNS, { neededFor });
  if (read.length === 0) {
    return unavailable({ code: 'no-keyed-rows', table: WAREHOUSE_TABLES.funnel.name, key: 'primary_email' });
  }
  const funnelEmail = read.columns.primary_email as CodedColumn;
  const seen = new Uint8Array(levelCount(funnelEmail));
  let customers = 0;
  for (const code of funnelEmail.indices) {
    if (code < 0 || seen[code] === 1) continue;
    seen[code] = 1;
    customers++;
  }
  return {
    funnel: {
      available: true,
      consistency: read.columns.cross_stage_engagement_consistency as Float64Array,
      velocity: read.columns.revenue_velocity_monthly as Float64Array,
      rowOf: joinRows(email, funnelEmail),
      customers,
    },
    funnelReport: read.report,
  };
}

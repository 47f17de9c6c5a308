import type { Warehouse } from '../open-warehouse.js';
import { readTable, type SnapshotMode } from '../read-table.js';
import type { TableRow } from '../warehouse-schema.js';

/** Columns §5 reads from the NetSuite export. */
export const NETSUITE_ANALYSIS_COLUMNS = [
  'customer_id',
  'customer_name',
  'subsidiary_id',
  'segmentation_date',
  'profitability_segment',
  'lifecycle_stage',
  'seasonal_preference',
  'total_revenue',
  'transaction_count',
  'avg_transactions_per_month',
  'comprehensive_customer_score',
  'retention_probability',
  'customer_age_days',
  'transaction_value_volatility',
  'q1_transactions',
  'q2_transactions',
  'q3_transactions',
  'q4_transactions',
] as const;

export type NetsuiteRow = TableRow<'netsuite', (typeof NETSUITE_ANALYSIS_COLUMNS)[number]>;

/** NetSuite customers for /segment-anomalies: latest row per customer_id, or every row. */
export function loadNetsuiteCustomers(warehouse: Warehouse, mode: Extract<SnapshotMode, 'latest' | 'all'>) {
  return readTable(warehouse, 'netsuite', NETSUITE_ANALYSIS_COLUMNS, {
    snapshot: mode,
    neededFor: '/segment-anomalies',
    requireRows: true,
  });
}

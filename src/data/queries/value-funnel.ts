import type { FunnelInput } from '../../analysis/value-segments/compute-value-segments.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport, tableGap } from '../read-table.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';

export const VALUE_FUNNEL_COLUMNS = [
  'primary_email',
  'cross_stage_engagement_consistency',
  'revenue_velocity_monthly',
] as const;

/**
 * The row path of /value-segments' funnel figures, kept as the reference the column path (value-segment-columns.ts,
 * which the command uses) is tested against (test/data/value-segment-columns.test.ts).
 *
 * §3's consistency and velocity from the latest funnel row per email, or why they are not
 * there (no table, missing columns, no rows): the DB-056 exports ship the funnel empty.
 */
export function loadValueFunnel(
  warehouse: Warehouse,
  neededFor: string,
): { funnel: FunnelInput; report: TableReadReport | null } {
  const gap = tableGap(warehouse, 'funnel', [...VALUE_FUNNEL_COLUMNS, WAREHOUSE_TABLES.funnel.snapshot.timestamp]);
  if (gap !== null) return { funnel: { available: false, gap }, report: null };
  return funnelOf(warehouse, neededFor);
}

/** The email → funnel figures map per open warehouse (one export): a million entries took ~0.6 s a call to build. */
const funnelOf = oncePerWarehouse(
  (warehouse: Warehouse, neededFor: string): { funnel: FunnelInput; report: TableReadReport | null } => {
    const { rows, report } = readTable(warehouse, 'funnel', VALUE_FUNNEL_COLUMNS, { neededFor, keepRows: false });
    if (rows.length === 0) {
      const gap = { code: 'no-keyed-rows', table: WAREHOUSE_TABLES.funnel.name, key: 'primary_email' } as const;
      return { funnel: { available: false, gap }, report: null };
    }
    const byEmail = new Map<string, { consistency: number | null; velocity: number | null }>();
    for (const row of rows) {
      byEmail.set(row.primary_email as string, {
        consistency: row.cross_stage_engagement_consistency,
        velocity: row.revenue_velocity_monthly,
      });
    }
    return { funnel: { available: true, byEmail }, report };
  },
);

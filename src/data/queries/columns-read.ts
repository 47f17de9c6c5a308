import type { TableId } from '../warehouse-schema.js';
import { COHORT_ACTIVITY_COLUMNS, COHORT_FUNNEL_COLUMNS, COHORT_VALUE_COLUMNS } from './cohort-inputs.js';
import { ADDRESS_COLUMNS } from './geography-resolution.js';
import { INVESTMENT_CORE_COLUMNS, INVESTMENT_DETAIL_COLUMNS } from './investment-customers.js';
import { MAPPING_COLUMNS, SOURCE_ID_ORDER } from './investment-mapping.js';
import { NETSUITE_ANALYSIS_COLUMNS } from './netsuite-customers.js';
import { VALUE_PRIORITY_COLUMNS, VALUE_SEGMENT_COLUMNS } from './value-customers.js';
import { VALUE_FUNNEL_COLUMNS } from './value-funnel.js';
import { ZONE_ACTIVITY_COLUMNS, ZONE_VALUE_COLUMNS } from './zone-inputs.js';

/**
 * Every column a query here reads through readTable, per table: what the snapshot cache keeps. Caching all ~60
 * columns of a wide mart would triple its build time for columns no command reads; a column added to a query but
 * not here still works, read from SQLite (test/data/columns-read.test.ts keeps this list complete).
 */
export const COLUMNS_READ: Readonly<Partial<Record<TableId, readonly string[]>>> = {
  activity: union(COHORT_ACTIVITY_COLUMNS, ZONE_ACTIVITY_COLUMNS),
  funnel: union(COHORT_FUNNEL_COLUMNS, VALUE_FUNNEL_COLUMNS),
  value: union(
    VALUE_PRIORITY_COLUMNS,
    VALUE_SEGMENT_COLUMNS,
    COHORT_VALUE_COLUMNS,
    ZONE_VALUE_COLUMNS,
    INVESTMENT_CORE_COLUMNS,
    INVESTMENT_DETAIL_COLUMNS,
    // /investment-mismatch reads whichever source ids the export has, to map customers to their sales.
    SOURCE_ID_ORDER,
  ),
  mapping: union(MAPPING_COLUMNS),
  address: union(ADDRESS_COLUMNS),
  netsuite: union(NETSUITE_ANALYSIS_COLUMNS),
};

function union(...lists: readonly (readonly string[])[]): readonly string[] {
  return [...new Set(lists.flat())];
}

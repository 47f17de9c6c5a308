import type { ActivityZoneInput, ValueZoneInput, ZoneInputs } from '../../analysis/zones/zone-types.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport, tableGap } from '../read-table.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';

/** Activity columns the zone score reads. */
export const ZONE_ACTIVITY_COLUMNS = [
  'primary_email',
  'primary_organization',
  'engagement_velocity',
  'activity_risk_level',
  'weighted_engagement_score',
] as const;

/** Value columns the fallback reads. */
export const ZONE_VALUE_COLUMNS = [
  'primary_email',
  'primary_organization',
  'churn_probability',
  'customer_health_score',
] as const;

export interface LoadedZoneInputs {
  readonly inputs: ZoneInputs;
  readonly reads: readonly TableReadReport[];
}

/**
 * Picks the zone method the data allows: the activity score when the activity table has
 * keyed rows with the needed columns, else the value-table fallback (the DB-056 exports
 * ship the activity table empty). The reason for falling back travels with the inputs so
 * every answer and alert can say which method made its zones.
 */
export function loadZoneInputs(warehouse: Warehouse, neededFor = 'zones'): LoadedZoneInputs {
  const loaded = zoneInputsOf(warehouse, neededFor);
  // Each caller gets its own array (callers sort and filter); the inputs are readonly and shared.
  return { inputs: { ...loaded.inputs, rows: loaded.inputs.rows.slice() } as ZoneInputs, reads: loaded.reads };
}

/**
 * Zone inputs per open warehouse (one export): the scan, /customer, /priority zone= and /conversion-cohort all start
 * from them, and at a million customers building them from rows is ~0.5 s a call. Their rows stay out of the memo.
 */
const zoneInputsOf = oncePerWarehouse((warehouse: Warehouse, neededFor: string): LoadedZoneInputs => {
  let gap = tableGap(warehouse, 'activity', [...ZONE_ACTIVITY_COLUMNS, WAREHOUSE_TABLES.activity.snapshot.timestamp]);
  if (gap === null) {
    const activity = readTable(warehouse, 'activity', ZONE_ACTIVITY_COLUMNS, { neededFor, keepRows: false });
    if (activity.rows.length > 0) {
      return { inputs: { method: 'activity', rows: activity.rows.map(toActivityZoneInput) }, reads: [activity.report] };
    }
    gap = { code: 'no-keyed-rows', table: WAREHOUSE_TABLES.activity.name, key: 'primary_email' };
  }
  const value = readTable(warehouse, 'value', ZONE_VALUE_COLUMNS, { neededFor, requireRows: true, keepRows: false });
  return {
    inputs: { method: 'value-fallback', rows: value.rows.map(toValueZoneInput), activityUnavailable: gap },
    reads: [value.report],
  };
});

interface ActivityZoneColumns {
  readonly primary_email: string | null;
  readonly primary_organization: string | null;
  readonly engagement_velocity: string | null;
  readonly activity_risk_level: string | null;
  readonly weighted_engagement_score: number | null;
}

/** One latest activity row as zone input; readTable only returns keyed rows, so the email is present. */
export function toActivityZoneInput(row: ActivityZoneColumns): ActivityZoneInput {
  return {
    key: row.primary_email as string,
    organization: row.primary_organization,
    velocity: row.engagement_velocity,
    riskLevel: row.activity_risk_level,
    weightedEngagement: row.weighted_engagement_score,
  };
}

function toValueZoneInput(row: {
  readonly primary_email: string | null;
  readonly primary_organization: string | null;
  readonly churn_probability: number | null;
  readonly customer_health_score: number | null;
}): ValueZoneInput {
  return {
    key: row.primary_email as string,
    organization: row.primary_organization,
    churnProbability: row.churn_probability,
    healthScore: row.customer_health_score,
  };
}

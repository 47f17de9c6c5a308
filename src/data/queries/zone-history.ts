import type { ZoneHistory } from '../../analysis/zones/rules-backtest.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport } from '../read-table.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { loadZoneInputs, toActivityZoneInput, ZONE_ACTIVITY_COLUMNS, ZONE_VALUE_COLUMNS } from './zone-inputs.js';

export interface LoadedZoneHistory {
  readonly history: ZoneHistory;
  readonly reads: readonly TableReadReport[];
}

/**
 * Every snapshot row (not just the latest per customer) of the table today's zones come from: the activity table,
 * or the value table when the zones fall back to it (loadZoneInputs decides, so the backtest and the scan always
 * use the same method). The snapshot instant travels with each row; rows stay in rowid order.
 */
export function loadZoneHistory(warehouse: Warehouse, neededFor = 'the rules backtest'): LoadedZoneHistory {
  const { inputs } = loadZoneInputs(warehouse, neededFor);
  if (inputs.method === 'activity') {
    const timestamp = WAREHOUSE_TABLES.activity.snapshot.timestamp;
    const read = readTable(warehouse, 'activity', [...ZONE_ACTIVITY_COLUMNS, timestamp], {
      neededFor,
      snapshot: 'all',
      keepRows: false,
    });
    return {
      history: {
        method: 'activity',
        rows: read.rows.map((row) => ({ at: row[timestamp] ?? Number.NaN, input: toActivityZoneInput(row) })),
      },
      reads: [read.report],
    };
  }
  const timestamp = WAREHOUSE_TABLES.value.snapshot.timestamp;
  const read = readTable(warehouse, 'value', [...ZONE_VALUE_COLUMNS, timestamp], {
    neededFor,
    snapshot: 'all',
    keepRows: false,
  });
  return {
    history: {
      method: 'value-fallback',
      activityUnavailable: inputs.activityUnavailable,
      rows: read.rows.map((row) => ({
        at: row[timestamp] ?? Number.NaN,
        input: {
          key: row.primary_email as string,
          organization: row.primary_organization,
          churnProbability: row.churn_probability,
          healthScore: row.customer_health_score,
        },
      })),
    },
    reads: [read.report],
  };
}

import type { TableGap } from '../../analysis/table-gap.js';
import { activityZoneOfColumns } from '../../analysis/zones/activity-zone-of-columns.js';
import { zoneOf } from '../../analysis/zones/compute-zones.js';
import type { ZoneMethod, ZoneOptions } from '../../analysis/zones/zone-rules.js';
import type { CustomerZone } from '../../analysis/zones/zone-types.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import { loadActivityZoneColumns } from '../../data/queries/zone-columns.js';
import { loadZoneInputs } from '../../data/queries/zone-inputs.js';
import type { TableReadReport } from '../../data/read-table.js';

export interface CustomerZoneRead {
  readonly zone: CustomerZone | null;
  readonly reads: readonly TableReadReport[];
  readonly method: ZoneMethod;
  readonly activityUnavailable: TableGap | null;
}

/**
 * One customer's zone: by the activity method from the typed columns shared with /priority and the scan (no zone
 * input object per customer), else the value fallback over rows, which ranks every customer.
 */
export function customerZone(warehouse: Warehouse, email: string, options: ZoneOptions): CustomerZoneRead {
  const columnar = loadActivityZoneColumns(warehouse, '/customer');
  if (columnar) {
    const row = columnar.rowOf(email);
    const zone = row === undefined ? null : activityZoneOfColumns(columnar.columns, row, options);
    return { zone, reads: [columnar.report], method: 'activity', activityUnavailable: null };
  }
  const { inputs, reads } = loadZoneInputs(warehouse, '/customer');
  return {
    zone: zoneOf(inputs, email, options),
    reads,
    method: inputs.method,
    activityUnavailable: inputs.method === 'activity' ? null : inputs.activityUnavailable,
  };
}

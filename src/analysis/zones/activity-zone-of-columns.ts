import { codedValue } from '../columns/coded-column.js';
import type { ActivityZoneColumns } from './activity-zone-columns.js';
import { activityZoneOf } from './activity-zones.js';
import type { ZoneOptions } from './zone-rules.js';
import type { CustomerZone } from './zone-types.js';

/**
 * zoneOf by the activity method for the customer at `row`, from columns: the population's engagement range is a loop
 * over one Float64Array (NaN = missing, skipped as rangeOf skips NULL), and only this customer becomes a row, so its
 * zone comes with the same reason and parts as over row inputs. Pure.
 */
export function activityZoneOfColumns(columns: ActivityZoneColumns, row: number, options: ZoneOptions): CustomerZone {
  const engagement = columns.weightedEngagement;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < engagement.length; r++) {
    const v = engagement[r] as number;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const weighted = engagement[row] as number;
  const input = {
    key: codedValue(columns.key, row) as string,
    organization: codedValue(columns.organization, row),
    velocity: codedValue(columns.velocity, row),
    riskLevel: codedValue(columns.riskLevel, row),
    weightedEngagement: Number.isNaN(weighted) ? null : weighted,
  };
  return activityZoneOf(input, min <= max ? { min, max } : null, options);
}

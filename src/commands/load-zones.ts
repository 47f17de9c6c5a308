import type { PriorityZone, ZoneLookup } from '../analysis/priority/priority-filter.js';
import { tallyActivityZoneColumns, ZONE_CODES } from '../analysis/zones/activity-zone-columns.js';
import { tallyZones } from '../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS } from '../analysis/zones/zone-rules.js';
import type { ZoneSummary, ZonesResult } from '../analysis/zones/zone-types.js';
import { oncePerWarehouse } from '../data/once-per-warehouse.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadActivityZoneColumns } from '../data/queries/zone-columns.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';

export interface LoadedZones {
  /** Counts and figures; per-customer verdicts go through `lookup`. */
  readonly result: ZoneSummary;
  readonly lookup: ZoneLookup;
  readonly reads: readonly TableReadReport[];
}

/** Zones by the method the data allows (activity score, or the value fallback), keyed by cleaned email. */
export function loadZones(warehouse: Warehouse, neededFor: string): LoadedZones {
  return zonesOf(warehouse, neededFor);
}

/**
 * Once per open warehouse (default zone options). The activity method runs over typed columns (no object per
 * customer); the value fallback, which ranks every customer, keeps the row path.
 */
const zonesOf = oncePerWarehouse((warehouse: Warehouse, neededFor: string): LoadedZones => {
  const columnar = loadActivityZoneColumns(warehouse, neededFor);
  if (columnar) {
    const {
      zones,
      scores: _scores,
      rules: _rules,
      ...result
    } = tallyActivityZoneColumns(columnar.columns, DEFAULT_ZONE_OPTIONS);
    const lookup: ZoneLookup = (email) => {
      const row = columnar.rowOf(email);
      return row === undefined ? null : (ZONE_CODES[zones[row] as number] ?? null);
    };
    return { result, lookup, reads: [columnar.report] };
  }
  const { inputs, reads } = loadZoneInputs(warehouse, neededFor);
  // Only the zone of each customer is filtered on, so no reason sentences (tallyZones).
  const result = tallyZones(inputs);
  const byEmail = new Map<string, PriorityZone | null>();
  for (const c of result.customers) byEmail.set(c.key, c.zone);
  return { result, lookup: (email) => byEmail.get(email) ?? null, reads };
});

export function zoneMethodNote(
  zones: Pick<ZonesResult, 'method' | 'activityUnavailable'>,
  locale: Locale = 'en',
): string {
  const t = translator(locale);
  const method = t(`zones.method.${zones.method}` as MessageKey);
  return zones.activityUnavailable
    ? t('zones.methodNoteWhy', { method, why: zones.activityUnavailable })
    : t('zones.methodNote', { method });
}

import type { PriorityZone, ZoneLookup } from '../analysis/priority/priority-filter.js';
import { tallyZones } from '../analysis/zones/compute-zones.js';
import type { ZonesResult, ZoneTally } from '../analysis/zones/zone-types.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';

export interface LoadedZones {
  readonly result: ZoneTally;
  readonly lookup: ZoneLookup;
  readonly reads: readonly TableReadReport[];
}

/** Zones by the method the data allows (activity score, or the value fallback), keyed by cleaned email. */
export function loadZones(warehouse: Warehouse, neededFor: string): LoadedZones {
  const { inputs, reads } = loadZoneInputs(warehouse, neededFor);
  // Only the zone of each customer is filtered on, so no reason sentences (tallyZones).
  const result = tallyZones(inputs);
  const byEmail = new Map<string, PriorityZone | null>();
  for (const c of result.customers) byEmail.set(c.key, c.zone);
  return { result, lookup: (email) => byEmail.get(email) ?? null, reads };
}

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

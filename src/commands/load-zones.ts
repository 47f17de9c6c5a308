import type { PriorityZone, ZoneLookup } from '../analysis/priority/priority-filter.js';
import { tallyActivityZoneColumns, ZONE_CODES } from '../analysis/zones/activity-zone-columns.js';
import { tallyZones } from '../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../analysis/zones/zone-rules.js';
import type { ZoneSummary, ZonesResult } from '../analysis/zones/zone-types.js';
import { oncePerWarehouse } from '../data/once-per-warehouse.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadActivityZoneColumns } from '../data/queries/zone-columns.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import type { SnapshotCache } from '../data/snapshot-cache/snapshot-cache.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';
import { tableGapText } from './table-gap-text.js';

export interface LoadedZones {
  /** Counts and figures; per-customer verdicts go through `lookup`. */
  readonly result: ZoneSummary;
  readonly lookup: ZoneLookup;
  /** The zones of several customers at once, as lookup gives them (cheaper for a long list on a fresh export). */
  readonly lookupAll: (emails: readonly string[]) => (PriorityZone | null)[];
  readonly reads: readonly TableReadReport[];
  /**
   * By the activity method from the snapshot cache: the zone of each of the cache's latest activity rows (an index
   * into ZONE_CODES), for callers that join customers to those rows by row number instead of by email.
   */
  readonly byCacheRow?: { readonly cache: SnapshotCache; readonly zones: Uint8Array };
}

/**
 * Zones by the method the data allows (activity score, or the value fallback), keyed by cleaned email, with `options`
 * (the thresholds in force: zoneOptionsFor(context)).
 */
export function loadZones(
  warehouse: Warehouse,
  neededFor: string,
  options: ZoneOptions = DEFAULT_ZONE_OPTIONS,
): LoadedZones {
  const built = zonesBuilt(warehouse);
  // Keyed on the options, so a threshold change is never answered with the zones of the old thresholds.
  const key = JSON.stringify(options);
  const cached = built.get(key);
  if (cached) return cached;
  const zones = zonesOf(warehouse, neededFor, options);
  built.set(key, zones);
  // Thresholds change rarely; the last few sets are enough (an admin trying values back and forth).
  if (built.size > MAX_OPTION_SETS) built.delete(built.keys().next().value as string);
  return zones;
}

const MAX_OPTION_SETS = 4;

/** Per open warehouse, the zones built for each set of options. */
const zonesBuilt = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, LoadedZones>());

/**
 * The activity method runs over typed columns (no object per customer); the value fallback, which ranks every
 * customer, keeps the row path.
 */
function zonesOf(warehouse: Warehouse, neededFor: string, options: ZoneOptions): LoadedZones {
  const columnar = loadActivityZoneColumns(warehouse, neededFor);
  if (columnar) {
    const { zones, scores: _scores, rules: _rules, ...result } = tallyActivityZoneColumns(columnar.columns, options);
    const lookup: ZoneLookup = (email) => {
      const row = columnar.rowOf(email);
      return row === undefined ? null : (ZONE_CODES[zones[row] as number] ?? null);
    };
    const lookupAll = (emails: readonly string[]) =>
      Array.from(columnar.rowsOf(emails), (row) => (row < 0 ? null : (ZONE_CODES[zones[row] as number] ?? null)));
    const byCacheRow = columnar.cache ? { byCacheRow: { cache: columnar.cache, zones } } : {};
    return { result, lookup, lookupAll, reads: [columnar.report], ...byCacheRow };
  }
  const { inputs, reads } = loadZoneInputs(warehouse, neededFor);
  // Only the zone of each customer is filtered on, so no reason sentences (tallyZones).
  const result = tallyZones(inputs, options);
  const byEmail = new Map<string, PriorityZone | null>();
  for (const c of result.customers) byEmail.set(c.key, c.zone);
  const lookup: ZoneLookup = (email) => byEmail.get(email) ?? null;
  return { result, lookup, lookupAll: (emails) => emails.map(lookup), reads };
}

export function zoneMethodNote(
  zones: Pick<ZonesResult, 'method' | 'activityUnavailable'>,
  locale: Locale = 'en',
): string {
  const t = translator(locale);
  const method = t(`zones.method.${zones.method}` as MessageKey);
  return zones.activityUnavailable
    ? t('zones.methodNoteWhy', { method, why: tableGapText(t, zones.activityUnavailable) })
    : t('zones.methodNote', { method });
}

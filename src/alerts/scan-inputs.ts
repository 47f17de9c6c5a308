import { computePriority, type PriorityResult } from '../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../analysis/value-segments/value-customer.js';
import { computeZones } from '../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../analysis/zones/zone-rules.js';
import type { ZonesResult } from '../analysis/zones/zone-types.js';
import { formatDataDate } from '../data/clean-values.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../data/queries/value-customers.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import { isRadarError } from '../errors.js';
import type { CustomerFigures, ScannedCustomer } from './alert-types.js';

export interface ScanInputs {
  readonly customers: readonly ScannedCustomer[];
  readonly zones: ZonesResult;
  /** Null when the value table cannot be read (alerts then carry no figures and rank by zone score). */
  readonly priority: PriorityResult | null;
  readonly valueCustomers: readonly ValueCustomer[];
  /** Why figures are missing, when they are. */
  readonly figuresUnavailable: string | null;
  /** The latest snapshot instant among the tables read (UTC), as every answer states it. */
  readonly dataDate: string | null;
}

const NO_FIGURES: CustomerFigures = {
  tier: null,
  stage: null,
  ltv: null,
  health: null,
  churn: null,
  priority: null,
  priorityRank: null,
  rankedOf: null,
};

/**
 * Every customer's zone (activity score, or the value fallback; see loadZoneInputs) with the reason and parts, and
 * the figures an alert shows: tier, stage, LTV, health, churn and the §4 priority with its rank.
 */
export function loadScanInputs(warehouse: Warehouse, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ScanInputs {
  const zoneLoad = loadZoneInputs(warehouse, 'red-zone alerts');
  const zones = computeZones(zoneLoad.inputs, options);
  const reads: TableReadReport[] = [...zoneLoad.reads];
  let priority: PriorityResult | null = null;
  let valueCustomers: readonly ValueCustomer[] = [];
  let figuresUnavailable: string | null = null;
  try {
    const loaded = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
      neededFor: 'red-zone alert figures',
      withPrevious: true,
    });
    valueCustomers = loaded.customers;
    reads.push(loaded.report);
    priority = computePriority(valueCustomers);
  } catch (error) {
    if (!isRadarError(error)) throw error;
    figuresUnavailable = error.userMessage;
  }
  const dates = reads.map((r) => r.dataDateMs).filter((d): d is number => d !== null);
  const dataDate = formatDataDate(dates.length > 0 ? Math.max(...dates) : null);
  const byEmail = new Map(valueCustomers.map((c) => [c.email, c]));
  const ranked = new Map((priority?.ranked ?? []).map((r) => [r.customer.email, r]));
  const customers = zones.customers.map((zone): ScannedCustomer => {
    const value = byEmail.get(zone.key);
    const scored = ranked.get(zone.key);
    const figures: CustomerFigures =
      value === undefined
        ? NO_FIGURES
        : {
            tier: value.tier,
            stage: value.stage,
            ltv: value.ltv,
            health: value.health,
            churn: value.churn,
            priority: scored?.priority ?? null,
            priorityRank: scored?.rank ?? null,
            rankedOf: priority?.n ?? null,
          };
    return {
      key: zone.key,
      organization: zone.organization ?? value?.organization ?? null,
      zone: zone.zone,
      method: zone.method,
      score: zone.score,
      rule: zone.rule,
      reason: zone.reason,
      parts: { ...zone.parts },
      figures,
      dataDate,
    };
  });
  return { customers, zones, priority, valueCustomers, figuresUnavailable, dataDate };
}

import { computePriority, type PriorityResult } from '../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../analysis/value-segments/value-customer.js';
import { tallyActivityZoneColumns } from '../analysis/zones/activity-zone-columns.js';
import { computeZones } from '../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../analysis/zones/zone-rules.js';
import type { CustomerZone, ZonesResult } from '../analysis/zones/zone-types.js';
import { type LoadedPriority, loadPriority } from '../commands/load-priority.js';
import { formatDataDate } from '../data/clean-values.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../data/queries/value-customers.js';
import { loadActivityZoneColumns } from '../data/queries/zone-columns.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import { isRadarError } from '../errors.js';
import type { ScannedCustomer } from './alert-types.js';
import {
  type FiguresLookup,
  figuresLookup,
  figuresOf,
  NO_FIGURES,
  type ScanFigureSources,
  scannedCustomer,
  scannedCustomersFromColumns,
} from './scanned-customer-columns.js';

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

const NEEDED_FOR = 'red-zone alerts';
const FIGURES_NEEDED_FOR = 'red-zone alert figures';

/**
 * Every customer's zone (activity score, or the value fallback; see loadZoneInputs) with the reason and parts, and
 * the figures an alert shows: tier, stage, LTV, health, churn and the §4 priority with its rank. The activity
 * method runs on typed columns (the email → row index and columns are built once per export and shared with
 * /priority and /investment-mismatch); the value fallback keeps the row path (loadScanInputsByRows).
 */
export function loadScanInputs(warehouse: Warehouse, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ScanInputs {
  const columnar = loadActivityZoneColumns(warehouse, NEEDED_FOR);
  if (!columnar) return loadScanInputsByRows(warehouse, options);
  const tally = tallyActivityZoneColumns(columnar.columns, options);
  const { zones: _zones, scores: _scores, rules: _rules, ...summary } = tally;
  let ranking: LoadedPriority | null = null;
  let figuresUnavailable: string | null = null;
  try {
    ranking = loadPriority(warehouse, FIGURES_NEEDED_FOR);
  } catch (error) {
    if (!isRadarError(error)) throw error;
    figuresUnavailable = error.userMessage;
  }
  const dataDate = dataDateOf([columnar.report, ...(ranking ? [ranking.report] : [])]);
  const rankedOf = ranking?.result.n ?? null;
  const figures: FiguresLookup = (key) => {
    if (!ranking) return { value: undefined, figures: NO_FIGURES };
    const { value, scored } = ranking.rowOf(key);
    return { value, figures: figuresOf(value, scored, rankedOf) };
  };
  const customers = scannedCustomersFromColumns(columnar.columns, tally, options, figures, dataDate);
  // Every scanned customer carries the CustomerZone fields (activity method), so it serves as the zones' list too.
  const zones: ZonesResult = { ...summary, customers: customers as unknown as CustomerZone[] };
  return {
    customers,
    zones,
    priority: ranking?.result ?? null,
    valueCustomers: ranking?.customers ?? [],
    figuresUnavailable,
    dataDate,
  };
}

/** loadScanInputs by the row method (a CustomerZone per customer, then a scanned customer each): the plain method. */
export function loadScanInputsByRows(warehouse: Warehouse, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ScanInputs {
  const zoneLoad = loadZoneInputs(warehouse, NEEDED_FOR);
  const zones = computeZones(zoneLoad.inputs, options);
  const figures = loadFigures(warehouse, zoneLoad.reads);
  const lookup = figuresLookup(figures);
  const customers = zones.customers.map((zone) => scannedCustomer(zone, lookup(zone.key), figures.dataDate));
  return { ...figures, customers, zones };
}

interface LoadedFigures extends ScanFigureSources {
  readonly priority: PriorityResult | null;
  readonly valueCustomers: readonly ValueCustomer[];
  readonly figuresUnavailable: string | null;
  readonly dataDate: string | null;
}

/** The value rows and their priority, and the data date over every table read (`zoneReads` and the value table). */
function loadFigures(warehouse: Warehouse, zoneReads: readonly TableReadReport[]): LoadedFigures {
  const reads: TableReadReport[] = [...zoneReads];
  let priority: PriorityResult | null = null;
  let valueCustomers: readonly ValueCustomer[] = [];
  let figuresUnavailable: string | null = null;
  try {
    const loaded = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
      neededFor: FIGURES_NEEDED_FOR,
      withPrevious: true,
    });
    valueCustomers = loaded.customers;
    reads.push(loaded.report);
    priority = computePriority(valueCustomers);
  } catch (error) {
    if (!isRadarError(error)) throw error;
    figuresUnavailable = error.userMessage;
  }
  return { priority, valueCustomers, figuresUnavailable, dataDate: dataDateOf(reads) };
}

function dataDateOf(reads: readonly TableReadReport[]): string | null {
  const dates = reads.map((r) => r.dataDateMs).filter((d): d is number => d !== null);
  return formatDataDate(dates.length > 0 ? Math.max(...dates) : null);
}

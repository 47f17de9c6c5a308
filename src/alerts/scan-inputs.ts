import { type CodedColumn, codedValue } from '../analysis/columns/coded-column.js';
import {
  computePriority,
  DEFAULT_PRIORITY_OPTIONS,
  type PriorityResult,
  type ScoredCustomer,
} from '../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../analysis/value-segments/value-customer.js';
import { tallyActivityZoneColumns } from '../analysis/zones/activity-zone-columns.js';
import { computeZones } from '../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../analysis/zones/zone-rules.js';
import type { CustomerZone, ZonesResult } from '../analysis/zones/zone-types.js';
import { loadPriority } from '../commands/load-priority.js';
import { rankedColumns } from '../commands/priority/priority-on-columns.js';
import { formatDataDate } from '../data/clean-values.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../data/queries/value-customers.js';
import { loadPriorityColumns } from '../data/queries/value-priority-columns.js';
import { loadActivityZoneColumns } from '../data/queries/zone-columns.js';
import { loadZoneInputs } from '../data/queries/zone-inputs.js';
import type { TableReadReport } from '../data/read-table.js';
import { isRadarError } from '../errors.js';
import type { ScannedCustomer } from './alert-types.js';
import { figuresFromColumns, topRankedRows } from './scan-figures-columns.js';
import {
  figuresLookup,
  figuresOf,
  NO_FIGURES,
  type RowFiguresLookup,
  type ScanFigureSources,
  scannedCustomer,
  scannedCustomersFromColumns,
} from './scanned-customer-columns.js';

export interface ScanInputs {
  readonly customers: readonly ScannedCustomer[];
  readonly zones: ZonesResult;
  /** Null when the value table cannot be read (alerts then carry no figures and rank by zone score). */
  readonly priority: ScanPriority | null;
  /** Why figures are missing, when they are. */
  readonly figuresUnavailable: string | null;
  /** The latest snapshot instant among the tables read (UTC), as every answer states it. */
  readonly dataDate: string | null;
}

/** What a scan's digest reads of the §4 ranking: its size and its first rows. */
export interface ScanPriority {
  readonly n: number;
  /** The first `count` ranked rows, as PriorityResult.ranked.slice(0, count). */
  top(count: number): readonly ScoredCustomer[];
}

const NEEDED_FOR = 'red-zone alerts';
const FIGURES_NEEDED_FOR = 'red-zone alert figures';

/**
 * Every customer's zone (activity score, or the value fallback; see loadZoneInputs) with the reason and parts, and
 * the figures an alert shows: tier, stage, LTV, health, churn and the §4 priority with its rank. The activity
 * method runs on typed columns (the email → row index and columns are built once per export and shared with
 * /priority and /investment-mismatch), and so do the figures when the snapshot cache holds the value columns (the
 * column ranking /priority keeps, joined to the activity rows by email code: no object per customer); the value
 * fallback keeps the row path (loadScanInputsByRows).
 */
export function loadScanInputs(warehouse: Warehouse, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ScanInputs {
  const columnar = loadActivityZoneColumns(warehouse, NEEDED_FOR);
  if (!columnar) return loadScanInputsByRows(warehouse, options);
  const tally = tallyActivityZoneColumns(columnar.columns, options);
  const { zones: _zones, scores: _scores, rules: _rules, ...summary } = tally;
  let figures: ColumnFigures | null = null;
  let figuresUnavailable: string | null = null;
  try {
    figures = columnFigures(warehouse, columnar.columns.key);
  } catch (error) {
    if (!isRadarError(error)) throw error;
    figuresUnavailable = error.userMessage;
  }
  const dataDate = dataDateOf([columnar.report, ...(figures ? [figures.report] : [])]);
  const lookup: RowFiguresLookup = figures ? figures.byRow : () => ({ value: undefined, figures: NO_FIGURES });
  const customers = scannedCustomersFromColumns(columnar.columns, tally, options, lookup, dataDate);
  // Every scanned customer carries the CustomerZone fields (activity method), so it serves as the zones' list too.
  const zones: ZonesResult = { ...summary, customers: customers as unknown as CustomerZone[] };
  return { customers, zones, priority: figures?.priority ?? null, figuresUnavailable, dataDate };
}

interface ColumnFigures {
  readonly report: TableReadReport;
  readonly byRow: RowFiguresLookup;
  readonly priority: ScanPriority;
}

/**
 * The figures of each activity row's customer: from the value columns and the column ranking /priority keeps when
 * the snapshot cache holds them, else from loadPriority's value rows and ranking (read by email).
 */
function columnFigures(warehouse: Warehouse, activityKey: CodedColumn): ColumnFigures {
  const value = loadPriorityColumns(warehouse, FIGURES_NEEDED_FOR);
  if (value) {
    const ranked = rankedColumns(warehouse, value, DEFAULT_PRIORITY_OPTIONS);
    return {
      report: value.report,
      byRow: figuresFromColumns(activityKey, value, ranked),
      priority: { n: ranked.n, top: (count) => topRankedRows(value, ranked, count) },
    };
  }
  const ranking = loadPriority(warehouse, FIGURES_NEEDED_FOR);
  const rankedOf = ranking.result.n;
  return {
    report: ranking.report,
    byRow: (row) => {
      const { value: found, scored } = ranking.rowOf(codedValue(activityKey, row) as string);
      return { value: found, figures: figuresOf(found, scored, rankedOf) };
    },
    priority: scanPriority(ranking.result),
  };
}

function scanPriority(result: PriorityResult): ScanPriority {
  return { n: result.n, top: (count) => result.ranked.slice(0, count) };
}

/** loadScanInputs by the row method (a CustomerZone per customer, then a scanned customer each): the plain method. */
export function loadScanInputsByRows(warehouse: Warehouse, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ScanInputs {
  const zoneLoad = loadZoneInputs(warehouse, NEEDED_FOR);
  const zones = computeZones(zoneLoad.inputs, options);
  const figures = loadFigures(warehouse, zoneLoad.reads);
  const lookup = figuresLookup(figures);
  const customers = zones.customers.map((zone) => scannedCustomer(zone, lookup(zone.key), figures.dataDate));
  const { priority, figuresUnavailable, dataDate } = figures;
  return { customers, zones, priority: priority && scanPriority(priority), figuresUnavailable, dataDate };
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

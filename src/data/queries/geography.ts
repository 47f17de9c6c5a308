import {
  type CodedColumn,
  codedValue,
  type KeySpace,
  levelCount,
  sharesKeys,
} from '../../analysis/columns/coded-column.js';
import { keyCodes } from '../../analysis/columns/join-rows.js';
import {
  type GeographyJoin,
  type KeyAttempt,
  SOURCE_ID_ORDER,
  type SourceIdColumn,
} from '../../analysis/conversion-cohort/cohort-geography.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { type TableReadReport, tableAvailability } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { MAPPING_COLUMNS } from './investment-mapping.js';

/** One customer as the row path (geography-rows.ts) takes it. */
export interface GeographyCustomer {
  readonly key: string;
  readonly zendeskUserId: string | null;
  readonly marketoLeadId: string | null;
  readonly stripeCustomerId: string | null;
}

export const ADDRESS_COLUMNS = ['customer360_id', 'priority', 'rank', 'country', 'state'] as const;

/** The join when it cannot run (a table or column missing) or has no customer to resolve. */
export function emptyGeographyJoin(missingTables: readonly string[], customers: number): GeographyJoin {
  return {
    missingTables,
    customers,
    attempts: [],
    mappingRows: 0,
    resolved: 0,
    addressRows: 0,
    addressIds: 0,
    matchedInAddress: 0,
    locations: [],
  };
}

/** The mapping and address tables, or their columns, that the export lacks (`table` or `table.column`). */
export function missingGeographyInputs(warehouse: Warehouse): string[] {
  const missing: string[] = [];
  for (const [table, columns] of [
    ['mapping', MAPPING_COLUMNS],
    ['address', ADDRESS_COLUMNS],
  ] as const) {
    const availability = tableAvailability(warehouse, table, columns);
    const name = WAREHOUSE_TABLES[table].name;
    if (!availability.present) missing.push(name);
    else for (const c of availability.missingColumns) missing.push(`${name}.${c}`);
  }
  return missing;
}

/**
 * Customers as the column path holds them: their keys, their rows in `ids`, and the source id columns of every row
 * of their table (the cohort's activity columns). Pass the same `ids` object for the same export: what is resolved
 * from it is built once.
 */
export interface GeographyCustomers {
  readonly keys: readonly string[];
  readonly rows: readonly number[];
  readonly ids: Readonly<Record<SourceIdColumn, CodedColumn>>;
}

/**
 * Customers → customer360__mapping → customer360__address on customer360_id. An id type
 * is tried only for customers the earlier types left unresolved; among mapping rows for one
 * id the organisation header wins, then the smallest customer360_id (ids compare as text).
 * The address row kept per customer360_id is the lowest priority, then rank, then rowid.
 */
export function loadCohortGeography(
  warehouse: Warehouse,
  customers: GeographyCustomers,
  neededFor = '/conversion-cohort geography',
): { join: GeographyJoin; reads: TableReadReport[] } {
  const missingTables = missingGeographyInputs(warehouse);
  const n = customers.keys.length;
  if (missingTables.length > 0 || n === 0) {
    return { join: emptyGeographyJoin(missingTables, n), reads: [] };
  }
  const lookups = resolvedGeography(warehouse, customers.ids, neededFor);
  // Per customer (by index), the customer360_id code it resolved to; `order` lists them as they resolve (id type,
  // then customer order), the order the row path's Map kept.
  const resolvedId = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const attempts: KeyAttempt[] = [];
  for (const column of SOURCE_ID_ORDER) {
    const ids = customers.ids[column];
    const through = lookups.customer360OfRow[column];
    let withId = 0;
    let matched = 0;
    for (let i = 0; i < n; i++) {
      if ((resolvedId[i] as number) >= 0) continue;
      const row = customers.rows[i] as number;
      if ((ids.indices[row] as number) < 0) continue;
      withId++;
      const id = through[row] as number;
      if (id < 0) continue;
      matched++;
      resolvedId[i] = id;
      order.push(i);
    }
    attempts.push({ column, customersWithId: withId, matchedInMapping: matched });
  }
  const { country, state } = lookups.address;
  const locations: { key: string; country: string | null; state: string | null }[] = [];
  for (const i of order) {
    const row = lookups.addressRowOf[resolvedId[i] as number] as number;
    if (row >= 0)
      locations.push({
        key: customers.keys[i] as string,
        country: codedValue(country, row),
        state: codedValue(state, row),
      });
  }
  return {
    join: {
      missingTables,
      customers: n,
      attempts,
      mappingRows: lookups.mappingRows,
      resolved: order.length,
      addressRows: lookups.addressRows,
      addressIds: lookups.addressIds,
      matchedInAddress: locations.length,
      locations,
    },
    reads: [lookups.mappingReport, lookups.addressReport],
  };
}

interface ResolvedGeography {
  /** Per source id column, per row of the customers' table: the customer360_id code its id maps to, -1 when none. */
  readonly customer360OfRow: Readonly<Record<SourceIdColumn, Int32Array>>;
  /** Per customer360_id code of the mapping: the row of its preferred address, -1 when it has none. */
  readonly addressRowOf: Int32Array;
  readonly address: { readonly country: CodedColumn; readonly state: CodedColumn };
  readonly mappingRows: number;
  readonly addressRows: number;
  /** Distinct customer360_ids among the address rows. */
  readonly addressIds: number;
  readonly mappingReport: TableReadReport;
  readonly addressReport: TableReadReport;
}

/** Per warehouse and customers' id columns, what resolvedGeography built. */
const resolvedByIds = oncePerWarehouse((_warehouse: Warehouse) => new WeakMap<object, ResolvedGeography>());

function resolvedGeography(
  warehouse: Warehouse,
  ids: Readonly<Record<SourceIdColumn, CodedColumn>>,
  neededFor: string,
): ResolvedGeography {
  const built = resolvedByIds(warehouse);
  let resolved = built.get(ids);
  if (!resolved) {
    resolved = buildResolvedGeography(warehouse, ids, neededFor);
    built.set(ids, resolved);
  }
  return resolved;
}

/**
 * The whole join but the per-request loop, once per export, as Int32Arrays: each customer row's id → the
 * customer360_id it maps to, each customer360_id → its preferred address row. The mapping's and the customers' id
 * strings (3.7M at a million customers) are only walked here, never kept: the row path held a Map entry and an
 * object per source id, and a per-request lookup of a large cohort's ids scanned the dictionaries each time.
 */
function buildResolvedGeography(
  warehouse: Warehouse,
  ids: Readonly<Record<SourceIdColumn, CodedColumn>>,
  neededFor: string,
): ResolvedGeography {
  const mapping = readTableColumns(warehouse, 'mapping', MAPPING_COLUMNS, { neededFor });
  const c360 = mapping.columns.customer360_id as CodedColumn;
  const header = mapping.columns.is_organization_header as Float64Array;
  const customer360OfRow = {} as Record<SourceIdColumn, Int32Array>;
  for (const column of SOURCE_ID_ORDER) {
    const mapped = mapping.columns[column] as CodedColumn;
    const choice = chooseCustomer360(mapped, c360, header);
    const ofCode = sharesKeys(ids[column], mapped) ? choice : choicePerCustomerCode(ids[column], mapped, choice);
    const indices = ids[column].indices;
    const ofRow = new Int32Array(indices.length);
    for (let r = 0; r < indices.length; r++) {
      const code = indices[r] as number;
      ofRow[r] = code < 0 ? -1 : (ofCode[code] as number);
    }
    customer360OfRow[column] = ofRow;
  }

  const address = readTableColumns(warehouse, 'address', ADDRESS_COLUMNS, { neededFor });
  const addressIds = address.columns.customer360_id as CodedColumn;
  const priority = address.columns.priority as Float64Array;
  const rank = address.columns.rank as Float64Array;
  // Rows come in rowid order, so on equal priority and rank the first row seen is the lowest rowid and stays.
  const best = new Int32Array(levelCount(addressIds)).fill(-1);
  for (let r = 0; r < address.length; r++) {
    const id = addressIds.indices[r] as number;
    if (id < 0) continue;
    const current = best[id] as number;
    if (current < 0 || addressBefore(priority, rank, r, current)) best[id] = r;
  }
  let distinct = 0;
  for (const row of best) if (row >= 0) distinct++;
  // In the cache's customer360_id key space both tables carry the same codes; otherwise one hash of the address ids.
  let addressRowOf = best;
  if (!sharesKeys(c360, addressIds)) {
    const addressCodes = keyCodes(addressIds);
    addressRowOf = new Int32Array(c360.dictionary.length).fill(-1);
    c360.dictionary.forEach((id, code) => {
      const addressCode = addressCodes.get(id);
      if (addressCode !== undefined) addressRowOf[code] = best[addressCode] as number;
    });
  }
  return {
    customer360OfRow,
    addressRowOf,
    address: { country: address.columns.country as CodedColumn, state: address.columns.state as CodedColumn },
    mappingRows: mapping.length,
    addressRows: address.length,
    addressIds: distinct,
    mappingReport: mapping.report,
    addressReport: address.report,
  };
}

/**
 * The customers' id codes ← the mapping's id codes → the chosen customer360_id code, for id columns coded apart
 * (read from SQLite): one hash of each of the customers' id strings.
 */
function choicePerCustomerCode(customers: CodedColumn, mapped: CodedColumn, choice: Int32Array): Int32Array {
  const customerCodes = keyCodes(customers);
  const ofCode = new Int32Array(customers.dictionary.length).fill(-1);
  mapped.dictionary.forEach((id, m) => {
    const code = customerCodes.get(id);
    if (code !== undefined) ofCode[code] = choice[m] as number;
  });
  return ofCode;
}

/**
 * Per source id code of the mapping, the customer360_id code its rows resolve to (-1: none with a customer360_id):
 * an organisation header first, then the smallest customer360_id as text; equal candidates keep the first row.
 */
function chooseCustomer360(ids: CodedColumn, c360: CodedColumn, header: Float64Array): Int32Array {
  const customer360 = new Int32Array(levelCount(ids)).fill(-1);
  const chosenHeader = new Uint8Array(customer360.length);
  // The customer360_id strings, compared only when two candidates tie on the header: a key space compares its
  // values' bytes without decoding its whole dictionary (2.8M ids at a million customers, ~1 s).
  const keys = c360.keys;
  const names = keys?.before ? null : c360.dictionary;
  const textBefore = (a: number, b: number): boolean =>
    names ? (names[a] as string) < (names[b] as string) : (keys as Required<KeySpace>).before(a, b);
  for (let r = 0; r < header.length; r++) {
    const id = c360.indices[r] as number;
    const code = ids.indices[r] as number;
    if (id < 0 || code < 0) continue;
    const current = customer360[code] as number;
    const isHeader = header[r] === 1 ? 1 : 0;
    const currentHeader = chosenHeader[code] as number;
    if (
      current < 0 ||
      (isHeader === 1 && currentHeader === 0) ||
      (isHeader === currentHeader && id !== current && textBefore(id, current))
    ) {
      customer360[code] = id;
      chosenHeader[code] = isHeader;
    }
  }
  return customer360;
}

/** NULL (NaN) priority or rank sorts after any number, so a ranked address is preferred. */
function addressBefore(priority: Float64Array, rank: Float64Array, a: number, b: number): boolean {
  const p = compareNaNLast(priority[a] as number, priority[b] as number);
  if (p !== 0) return p < 0;
  return compareNaNLast(rank[a] as number, rank[b] as number) < 0;
}

function compareNaNLast(a: number, b: number): number {
  const aMissing = Number.isNaN(a);
  const bMissing = Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return a === b ? 0 : a - b;
}

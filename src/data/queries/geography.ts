import { type CodedColumn, codedValue } from '../../analysis/columns/coded-column.js';
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
import { storedGeographyOf } from '../snapshot-cache/cohort-geography-store.js';
import type { SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import {
  ADDRESS_COLUMNS,
  buildResolvedGeography,
  NO_CUSTOMER360,
  type ResolvedGeography,
} from './geography-resolution.js';
import { MAPPING_COLUMNS } from './investment-mapping.js';

/** One customer as the row path (geography-rows.ts) takes it. */
export interface GeographyCustomer {
  readonly key: string;
  readonly zendeskUserId: string | null;
  readonly marketoLeadId: string | null;
  readonly stripeCustomerId: string | null;
}

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
  /** The snapshot cache `ids` were read from (its latest activity rows), whose stored join is then used. */
  readonly cache?: SnapshotCache;
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
  const lookups = resolvedGeography(warehouse, customers, neededFor);
  // Per customer (by index), whether it resolved to a customer360_id and that id's address row (NO_ADDRESS: none);
  // `order` lists them as they resolve (id type, then customer order), the order the row path's Map kept.
  const resolved = new Uint8Array(n);
  const addressRow = new Int32Array(n);
  const order: number[] = [];
  const attempts: KeyAttempt[] = [];
  for (const column of SOURCE_ID_ORDER) {
    const ids = customers.ids[column];
    const through = lookups.addressOfRow[column];
    let withId = 0;
    let matched = 0;
    for (let i = 0; i < n; i++) {
      if (resolved[i] === 1) continue;
      const row = customers.rows[i] as number;
      if ((ids.indices[row] as number) < 0) continue;
      withId++;
      const at = through[row] as number;
      if (at === NO_CUSTOMER360) continue;
      matched++;
      resolved[i] = 1;
      addressRow[i] = at;
      order.push(i);
    }
    attempts.push({ column, customersWithId: withId, matchedInMapping: matched });
  }
  const { country, state } = lookups.address;
  const locations: { key: string; country: string | null; state: string | null }[] = [];
  for (const i of order) {
    const row = addressRow[i] as number;
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

/** Per warehouse and customers' id columns, what resolvedGeography built or read. */
const resolvedByIds = oncePerWarehouse((_warehouse: Warehouse) => new WeakMap<object, ResolvedGeography>());

function resolvedGeography(warehouse: Warehouse, customers: GeographyCustomers, neededFor: string): ResolvedGeography {
  const built = resolvedByIds(warehouse);
  let resolved = built.get(customers.ids);
  if (!resolved) {
    resolved =
      storedResolution(warehouse, customers, neededFor) ?? buildResolvedGeography(warehouse, customers.ids, neededFor);
    built.set(customers.ids, resolved);
  }
  return resolved;
}

/**
 * The join the snapshot cache stored when it was built (write-cohort-geography.ts), with the address's country and
 * state read from the same cache; undefined when the ids were not read from a cache holding one.
 */
function storedResolution(
  warehouse: Warehouse,
  customers: GeographyCustomers,
  neededFor: string,
): ResolvedGeography | undefined {
  const cache = customers.cache;
  const stored = cache && storedGeographyOf(cache);
  if (!stored) return undefined;
  const rows = customers.ids[SOURCE_ID_ORDER[0] as SourceIdColumn].indices.length;
  if (SOURCE_ID_ORDER.some((column) => stored.addressOfRow[column].length !== rows)) return undefined;
  const address = readTableColumns(warehouse, 'address', ['country', 'state'], { neededFor });
  if (address.cache !== cache) return undefined;
  return {
    ...stored.figures,
    addressOfRow: stored.addressOfRow,
    address: { country: address.columns.country as CodedColumn, state: address.columns.state as CodedColumn },
  };
}

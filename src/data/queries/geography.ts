import type { CodedColumn } from '../../analysis/columns/coded-column.js';
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

export interface GeographyCustomer {
  readonly key: string;
  readonly zendeskUserId: string | null;
  readonly marketoLeadId: string | null;
  readonly stripeCustomerId: string | null;
}

export const ADDRESS_COLUMNS = ['customer360_id', 'priority', 'rank', 'country', 'state'] as const;

const ID_FIELD: Readonly<Record<SourceIdColumn, keyof GeographyCustomer>> = {
  zendesk_user_id: 'zendeskUserId',
  marketo_lead_id: 'marketoLeadId',
  stripe_customer_id: 'stripeCustomerId',
};

/**
 * Customers → customer360__mapping → customer360__address on customer360_id. An id type
 * is tried only for customers the earlier types left unresolved; among mapping rows for one
 * id the organisation header wins, then the smallest customer360_id (ids compare as text).
 * The address row kept per customer360_id is the lowest priority, then rank, then rowid.
 */
export function loadCohortGeography(
  warehouse: Warehouse,
  customers: readonly GeographyCustomer[],
  neededFor = '/conversion-cohort geography',
): { join: GeographyJoin; reads: TableReadReport[] } {
  const missingTables: string[] = [];
  for (const [table, columns] of [
    ['mapping', MAPPING_COLUMNS],
    ['address', ADDRESS_COLUMNS],
  ] as const) {
    const availability = tableAvailability(warehouse, table, columns);
    const name = WAREHOUSE_TABLES[table].name;
    if (!availability.present) missingTables.push(name);
    else for (const c of availability.missingColumns) missingTables.push(`${name}.${c}`);
  }
  if (missingTables.length > 0 || customers.length === 0) {
    const join: GeographyJoin = {
      missingTables,
      customers: customers.length,
      attempts: [],
      mappingRows: 0,
      resolved: 0,
      addressRows: 0,
      addressIds: 0,
      matchedInAddress: 0,
      locations: [],
    };
    return { join, reads: [] };
  }
  const lookups = geographyLookups(warehouse, neededFor);
  // customer key → customer360_id code, in the order customers resolve (id type, then customer order).
  const resolved = new Map<string, number>();
  const attempts: KeyAttempt[] = [];
  for (const column of SOURCE_ID_ORDER) {
    const choice = lookups.choices[column];
    const codeOf = codesOf(
      choice.dictionary,
      customers.map((c) => c[ID_FIELD[column]]),
    );
    let withId = 0;
    let matched = 0;
    for (const customer of customers) {
      if (resolved.has(customer.key)) continue;
      const sourceId = customer[ID_FIELD[column]];
      if (sourceId === null) continue;
      withId++;
      const code = codeOf.get(sourceId);
      const id = code === undefined ? -1 : (choice.customer360[code] as number);
      if (id < 0) continue;
      matched++;
      resolved.set(customer.key, id);
    }
    attempts.push({ column, customersWithId: withId, matchedInMapping: matched });
  }
  const { country, state } = lookups.address;
  const locations: { key: string; country: string | null; state: string | null }[] = [];
  for (const [key, id] of resolved) {
    const row = lookups.addressRowOf[id] as number;
    if (row >= 0) locations.push({ key, country: textAt(country, row), state: textAt(state, row) });
  }
  return {
    join: {
      missingTables,
      customers: customers.length,
      attempts,
      mappingRows: lookups.mappingRows,
      resolved: resolved.size,
      addressRows: lookups.addressRows,
      addressIds: lookups.addressIds,
      matchedInAddress: locations.length,
      locations,
    },
    reads: [lookups.mappingReport, lookups.addressReport],
  };
}

interface GeographyLookups {
  /** Per source id column: its dictionary, and per code the customer360_id code (mapping dictionary) it maps to. */
  readonly choices: Readonly<
    Record<SourceIdColumn, { readonly dictionary: readonly string[]; readonly customer360: Int32Array }>
  >;
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

/**
 * The mapping and address lookups, built once per open warehouse from typed columns: per source id code the
 * customer360_id code it resolves to, per customer360_id its preferred address row. At a million customers the row
 * path held a Map entry and an object per source id (3.7M rows in); these are Int32Arrays over the dictionaries.
 */
const geographyLookups = oncePerWarehouse((warehouse: Warehouse, neededFor: string): GeographyLookups => {
  const mapping = readTableColumns(warehouse, 'mapping', MAPPING_COLUMNS, { neededFor });
  const c360 = mapping.columns.customer360_id as CodedColumn;
  const header = mapping.columns.is_organization_header as Float64Array;
  const choices = {} as Record<SourceIdColumn, { dictionary: readonly string[]; customer360: Int32Array }>;
  for (const column of SOURCE_ID_ORDER) {
    const ids = mapping.columns[column] as CodedColumn;
    const customer360 = new Int32Array(ids.dictionary.length).fill(-1);
    const chosenHeader = new Uint8Array(ids.dictionary.length);
    for (let r = 0; r < mapping.length; r++) {
      const id = c360.indices[r] as number;
      const code = ids.indices[r] as number;
      if (id < 0 || code < 0) continue;
      const current = customer360[code] as number;
      const isHeader = header[r] === 1 ? 1 : 0;
      const currentHeader = chosenHeader[code] as number;
      if (
        current < 0 ||
        (isHeader === 1 && currentHeader === 0) ||
        (isHeader === currentHeader && (c360.dictionary[id] as string) < (c360.dictionary[current] as string))
      ) {
        customer360[code] = id;
        chosenHeader[code] = isHeader;
      }
    }
    choices[column] = { dictionary: ids.dictionary, customer360 };
  }

  const address = readTableColumns(warehouse, 'address', ADDRESS_COLUMNS, { neededFor });
  const addressIds = address.columns.customer360_id as CodedColumn;
  const priority = address.columns.priority as Float64Array;
  const rank = address.columns.rank as Float64Array;
  // Rows come in rowid order, so on equal priority and rank the first row seen is the lowest rowid and stays.
  const best = new Int32Array(addressIds.dictionary.length).fill(-1);
  for (let r = 0; r < address.length; r++) {
    const id = addressIds.indices[r] as number;
    if (id < 0) continue;
    const current = best[id] as number;
    if (current < 0 || addressBefore(priority, rank, r, current)) best[id] = r;
  }
  let distinct = 0;
  for (const row of best) if (row >= 0) distinct++;
  const addressCodeOf = codesOf(addressIds.dictionary, c360.dictionary);
  const addressRowOf = new Int32Array(c360.dictionary.length).fill(-1);
  c360.dictionary.forEach((id, code) => {
    const addressCode = addressCodeOf.get(id);
    if (addressCode !== undefined) addressRowOf[code] = best[addressCode] as number;
  });
  return {
    choices,
    addressRowOf,
    address: { country: address.columns.country as CodedColumn, state: address.columns.state as CodedColumn },
    mappingRows: mapping.length,
    addressRows: address.length,
    addressIds: distinct,
    mappingReport: mapping.report,
    addressReport: address.report,
  };
});

/** The codes in `dictionary` of the wanted values (only those): one pass over the dictionary, no map of all of it. */
function codesOf(dictionary: readonly string[], wanted: readonly (string | null)[]): Map<string, number> {
  const want = new Set<string>();
  for (const w of wanted) if (w !== null) want.add(w);
  const codes = new Map<string, number>();
  if (want.size === 0) return codes;
  for (let code = 0; code < dictionary.length; code++) {
    const value = dictionary[code] as string;
    if (want.has(value)) codes.set(value, code);
  }
  return codes;
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

function textAt(column: CodedColumn, r: number): string | null {
  const code = column.indices[r] as number;
  return code < 0 ? null : (column.dictionary[code] as string);
}

import {
  type GeographyJoin,
  type KeyAttempt,
  SOURCE_ID_ORDER,
  type SourceIdColumn,
} from '../../analysis/conversion-cohort/cohort-geography.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport } from '../read-table.js';
import { emptyGeographyJoin, type GeographyCustomer, missingGeographyInputs } from './geography.js';
import { ADDRESS_COLUMNS } from './geography-resolution.js';
import { MAPPING_COLUMNS } from './investment-mapping.js';

const ID_FIELD: Readonly<Record<SourceIdColumn, keyof GeographyCustomer>> = {
  zendesk_user_id: 'zendeskUserId',
  marketo_lead_id: 'marketoLeadId',
  stripe_customer_id: 'stripeCustomerId',
};

interface MappingChoice {
  id: string;
  header: boolean;
}

/**
 * The straightforward row-by-row join that loadCohortGeography (geography.ts) does on columns, kept as its reference:
 * test/data/geography-columns.test.ts checks both give the same join, figure by figure.
 *
 * Customers → customer360__mapping → customer360__address on customer360_id. An id type
 * is tried only for customers the earlier types left unresolved; among mapping rows for one
 * id the organisation header wins, then the smallest customer360_id (ids compare as text).
 * The address row kept per customer360_id is the lowest priority, then rank, then rowid.
 */
export function loadCohortGeographyFromRows(
  warehouse: Warehouse,
  customers: readonly GeographyCustomer[],
  neededFor = '/conversion-cohort geography',
): { join: GeographyJoin; reads: TableReadReport[] } {
  const missingTables = missingGeographyInputs(warehouse);
  const empty = emptyGeographyJoin(missingTables, customers.length);
  if (missingTables.length > 0 || customers.length === 0) return { join: empty, reads: [] };

  const { choices, mapping, address } = geographyLookups(warehouse, neededFor);
  const resolvedIds = new Map<string, string>();
  const attempts: KeyAttempt[] = [];
  for (const column of SOURCE_ID_ORDER) {
    const byId = choices.get(column) as ReadonlyMap<string, MappingChoice>;
    let withId = 0;
    let matched = 0;
    for (const customer of customers) {
      if (resolvedIds.has(customer.key)) continue;
      const sourceId = customer[ID_FIELD[column]];
      if (sourceId === null) continue;
      withId++;
      const choice = byId.get(sourceId);
      if (!choice) continue;
      matched++;
      resolvedIds.set(customer.key, choice.id);
    }
    attempts.push({ column, customersWithId: withId, matchedInMapping: matched });
  }

  const locations: { key: string; country: string | null; state: string | null }[] = [];
  for (const [key, id] of resolvedIds) {
    const place = address.best.get(id);
    if (place) locations.push({ key, ...place });
  }
  return {
    join: {
      missingTables,
      customers: customers.length,
      attempts,
      mappingRows: mapping.rows,
      resolved: resolvedIds.size,
      addressRows: address.rows,
      addressIds: address.best.size,
      matchedInAddress: locations.length,
      locations,
    },
    reads: [mapping.report, address.report],
  };
}

interface GeographyLookups {
  /** Per source id column: source id → the customer360_id it maps to. */
  readonly choices: ReadonlyMap<SourceIdColumn, ReadonlyMap<string, MappingChoice>>;
  readonly mapping: { readonly rows: number; readonly report: TableReadReport };
  /** customer360_id → its preferred address. */
  readonly address: {
    readonly rows: number;
    readonly best: ReadonlyMap<string, { country: string | null; state: string | null }>;
    readonly report: TableReadReport;
  };
}

/**
 * The mapping and address lookups, built once per open warehouse: at a million customers they come from 3.7M rows
 * and took 3.5–4.5 s per /conversion-cohort. The rows themselves are not kept (readTable's `keepRows: false`), so
 * they do not push the activity, funnel and value reads out of the row memo.
 */
const geographyLookups = oncePerWarehouse((warehouse: Warehouse, neededFor: string): GeographyLookups => {
  const mapping = readTable(warehouse, 'mapping', MAPPING_COLUMNS, { neededFor, keepRows: false });
  const choices = new Map<SourceIdColumn, Map<string, MappingChoice>>(SOURCE_ID_ORDER.map((c) => [c, new Map()]));
  for (const row of mapping.rows) {
    if (row.customer360_id === null) continue;
    for (const column of SOURCE_ID_ORDER) {
      const sourceId = row[column];
      if (sourceId === null) continue;
      const byId = choices.get(column) as Map<string, MappingChoice>;
      const current = byId.get(sourceId);
      const header = row.is_organization_header === 1;
      if (!current || (header && !current.header) || (header === current.header && row.customer360_id < current.id)) {
        byId.set(sourceId, { id: row.customer360_id, header });
      }
    }
  }
  const address = readTable(warehouse, 'address', ADDRESS_COLUMNS, { neededFor, keepRows: false });
  type AddressRow = (typeof address.rows)[number];
  const bestRows = new Map<string, AddressRow>();
  for (const row of address.rows) {
    if (row.customer360_id === null) continue;
    const current = bestRows.get(row.customer360_id);
    if (!current || addressBefore(row, current)) bestRows.set(row.customer360_id, row);
  }
  const best = new Map<string, { country: string | null; state: string | null }>();
  for (const [id, row] of bestRows) best.set(id, { country: row.country, state: row.state });
  const lookups: GeographyLookups = {
    choices,
    mapping: { rows: mapping.rows.length, report: mapping.report },
    address: { rows: address.rows.length, best, report: address.report },
  };
  return lookups;
});

/** NULL priority or rank sorts after any number, so a ranked address is preferred. */
function addressBefore(
  a: { priority: number | null; rank: number | null; rowid: number },
  b: { priority: number | null; rank: number | null; rowid: number },
): boolean {
  const p = compareNullableLast(a.priority, b.priority);
  if (p !== 0) return p < 0;
  const r = compareNullableLast(a.rank, b.rank);
  if (r !== 0) return r < 0;
  return a.rowid < b.rowid;
}

function compareNullableLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

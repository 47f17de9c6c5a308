import { type CodedColumn, type KeySpace, levelCount, sharesKeys } from '../../analysis/columns/coded-column.js';
import { keyCodes } from '../../analysis/columns/join-rows.js';
import { SOURCE_ID_ORDER, type SourceIdColumn } from '../../analysis/conversion-cohort/cohort-geography.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { MAPPING_COLUMNS } from './investment-mapping.js';

export const ADDRESS_COLUMNS = ['customer360_id', 'priority', 'rank', 'country', 'state'] as const;

/** In ResolvedGeography.addressOfRow: the row's id maps to no customer360_id (or the row has no id). */
export const NO_CUSTOMER360 = -1;
/** In ResolvedGeography.addressOfRow: the row's id maps to a customer360_id that has no address row. */
export const NO_ADDRESS = -2;

/** What the join resolves once per export, apart from the address columns it points into. */
export interface GeographyResolutionFigures {
  readonly mappingRows: number;
  readonly addressRows: number;
  /** Distinct customer360_ids among the address rows. */
  readonly addressIds: number;
  readonly mappingReport: TableReadReport;
  readonly addressReport: TableReadReport;
}

export interface ResolvedGeography extends GeographyResolutionFigures {
  /**
   * Per source id column, per row of the customers' table: the address row its id resolves to, NO_CUSTOMER360 when
   * the id maps to no customer360_id, NO_ADDRESS when its customer360_id has no address.
   */
  readonly addressOfRow: Readonly<Record<SourceIdColumn, ArrayLike<number>>>;
  readonly address: { readonly country: CodedColumn; readonly state: CodedColumn };
}

/**
 * The whole join but the per-request loop, once per export, as Int32Arrays: each customer row's id → the address
 * row of the customer360_id it maps to. The mapping's and the customers' id strings (3.7M at a million customers)
 * are only walked here, never kept: the row path held a Map entry and an object per source id, and a per-request
 * lookup of a large cohort's ids scanned the dictionaries each time.
 */
export function buildResolvedGeography(
  warehouse: Warehouse,
  ids: Readonly<Record<SourceIdColumn, CodedColumn>>,
  neededFor: string,
): ResolvedGeography {
  const mapping = readTableColumns(warehouse, 'mapping', MAPPING_COLUMNS, { neededFor });
  const c360 = mapping.columns.customer360_id as CodedColumn;
  const header = mapping.columns.is_organization_header as Float64Array;
  const customer360OfCode = {} as Record<SourceIdColumn, Int32Array>;
  for (const column of SOURCE_ID_ORDER) {
    const mapped = mapping.columns[column] as CodedColumn;
    const choice = chooseCustomer360(mapped, c360, header);
    customer360OfCode[column] = sharesKeys(ids[column], mapped)
      ? choice
      : choicePerCustomerCode(ids[column], mapped, choice);
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
  const addressOfRow = {} as Record<SourceIdColumn, Int32Array>;
  for (const column of SOURCE_ID_ORDER) {
    const ofCode = customer360OfCode[column];
    const indices = ids[column].indices;
    const ofRow = new Int32Array(indices.length);
    for (let r = 0; r < indices.length; r++) {
      const code = indices[r] as number;
      const id = code < 0 ? -1 : (ofCode[code] as number);
      const row = id < 0 ? -1 : (addressRowOf[id] as number);
      ofRow[r] = id < 0 ? NO_CUSTOMER360 : row < 0 ? NO_ADDRESS : row;
    }
    addressOfRow[column] = ofRow;
  }
  return {
    addressOfRow,
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

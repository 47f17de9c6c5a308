import { mkdirSync } from 'node:fs';
import type { Warehouse } from '../open-warehouse.js';
import { CUSTOMER_SALES_COLUMNS } from '../queries/customer-sales.js';
import { idTextOrCleanedBytesSql } from '../sql-cleaning.js';
import type { TableId } from '../warehouse-schema.js';
import { DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import { addMappedPairs, IdPairsPass, PairSet, SOURCE_ID_COLUMNS } from './customer-id-pairs.js';
import { idSalesColumnsSql } from './customer-id-sales.js';
import type { CachedCustomerLookup } from './customer-lookup-index.js';
import { CustomerNameTuples } from './customer-name-tuples.js';
import type { CustomerRowsAlongside } from './sales-by-email-pass.js';

/** The two halves of the index, built by separate tasks (on separate threads in a parallel build). */
export type LookupPart = 'ids' | 'names';

/**
 * Builds the /customer index with the cache, so a lookup by id or name is a binary search or a byte search in
 * memory instead of a scan of the 7.2M-row customer table:
 * - `id-key` / `id-email`: every (customer360_id, email) pair — from customer rows, and from value rows whose
 *   zendesk, marketo or stripe id a mapping row gives that customer360_id — sorted by the id's UTF-8 bytes;
 * - `name` / `organization` / `name-email`: each distinct (lower-cased full_name, organization_name, email) of the
 *   customer table, in the order of its first row.
 * Each half reads the customer table in its own pass here; a build usually feeds both from the sales pass instead
 * (startNameTuples, startIdPairs, customerLookupAlongside), which reads those rows anyway. Emails, ids and names are
 * cleaned in JavaScript by the cleaning rule's own functions (what cleanEmailSql, cleanIdSql and the lower-casing do
 * for text); rows stream to the files batch by batch.
 */
export function writeCustomerLookup(
  warehouse: Warehouse,
  directory: string,
  part: LookupPart,
  batchRows: number = DEFAULT_BATCH_ROWS,
  /** Where the id pass also writes sales per customer360_id for the build's investment join (customer-id-sales.ts). */
  idSalesDirectory?: string,
): CachedCustomerLookup | undefined {
  const covers = lookupCovers(warehouse);
  if (!covers) return undefined;
  const { customerTable: customer } = covers;
  mkdirSync(directory, { recursive: true });
  if (part === 'names') {
    writeNameTuples(warehouse, customer, directory, batchRows);
    return covers;
  }
  const ids = startIdPairs(warehouse, directory, batchRows, idSalesDirectory) as IdPairsPass;
  writeColumns(ids.writers, () => {
    if (customer) {
      const columns = `${idTextOrCleanedBytesSql('customer360_id')}, email${ids.withSales ? `, ${idSalesColumnsSql()}` : ''}`;
      warehouse.eachTableRow(customer, columns, undefined, (row) =>
        ids.customerRow(row[1], row[2], row[3], row[4], row[5]),
      );
    }
    ids.finish();
  });
  return covers;
}

/** Whether the customer table has what the name half reads (else its files are written empty). */
export function customerNamesReadable(warehouse: Warehouse): boolean {
  return lookupCovers(warehouse)?.customerTable != null;
}

/** The tables the index is built from: undefined when it cannot be built (neither the customers nor the mapping). */
function lookupCovers(warehouse: Warehouse): CachedCustomerLookup | undefined {
  const customer = tableName(warehouse, 'customer', ['customer360_id', 'email', 'full_name', 'organization_name']);
  const mapping = tableName(warehouse, 'mapping', ['customer360_id', ...SOURCE_ID_COLUMNS]);
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]);
  if (!customer && !(mapping && value)) return undefined;
  return { customerTable: customer, mappingTable: mapping && value ? mapping : null };
}

/** The name half in its own pass over the customer table (CustomerNameTuples); no customer table: empty files. */
function writeNameTuples(warehouse: Warehouse, customer: string | null, directory: string, batchRows: number): void {
  const tuples = new CustomerNameTuples(directory, batchRows);
  writeColumns(tuples.writers, () => {
    if (!customer) return;
    warehouse.eachTableRow(customer, 'full_name, organization_name, email', undefined, (row) =>
      tuples.add(row[1], row[2], row[3]),
    );
  });
}

/**
 * The name half for a pass that reads the customer table anyway (the sales pass), when the table has what it needs:
 * its tuples to feed `full_name, organization_name, email` row by row, in rowid order, and then complete with
 * writeColumns, and the index's manifest entry. Undefined otherwise (the build runs the 'names' task instead).
 */
export function startNameTuples(
  warehouse: Warehouse,
  directory: string,
  batchRows: number = DEFAULT_BATCH_ROWS,
): { tuples: CustomerNameTuples; covers: CachedCustomerLookup } | undefined {
  const covers = lookupCovers(warehouse);
  if (!covers?.customerTable) return undefined;
  mkdirSync(directory, { recursive: true });
  return { tuples: new CustomerNameTuples(directory, batchRows), covers };
}

/**
 * The id half for a pass that reads the customer table anyway (the sales pass, sales-by-email-pass.ts), or for its
 * own: the mapped pairs are added when it starts (their per-source maps are gone before the customer rows come in),
 * then `customerRow` takes each customer row in rowid order, and `finish` writes the pairs; undefined when the index
 * cannot be built. With `idSalesDirectory` and the customer table's sales columns it also keeps sales per
 * customer360_id for the build's investment join (customer-id-sales.ts).
 */
export function startIdPairs(
  warehouse: Warehouse,
  directory: string,
  batchRows: number = DEFAULT_BATCH_ROWS,
  idSalesDirectory?: string,
): IdPairsPass | undefined {
  const covers = lookupCovers(warehouse);
  if (!covers) return undefined;
  const { customerTable: customer, mappingTable: mapping } = covers;
  mkdirSync(directory, { recursive: true });
  const withSales =
    idSalesDirectory !== undefined &&
    customer !== null &&
    tableName(warehouse, 'customer', CUSTOMER_SALES_COLUMNS) !== null;
  const pairs = new PairSet();
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]) as string;
  if (mapping) addMappedPairs(warehouse, { mapping, value }, pairs);
  return new IdPairsPass(directory, batchRows, withSales ? idSalesDirectory : undefined, covers, pairs);
}

/**
 * The index's halves as reductions of the sales pass's rows (sales-by-email-pass.ts: `rowid, email, id, header
 * flag, sales, sales present`, then the names' `full_name, organization_name`); undefined when neither is asked.
 */
export function customerLookupAlongside(
  names: CustomerNameTuples | undefined,
  ids: IdPairsPass | undefined,
): CustomerRowsAlongside | undefined {
  if (!names && !ids) return undefined;
  return {
    writers: [...(names?.writers ?? []), ...(ids?.writers ?? [])],
    columns: names ? 'full_name, organization_name' : '',
    visitRow: (row) => {
      names?.add(row[6], row[7], row[1]);
      ids?.customerRow(row[2], row[1], row[3], row[4], row[5]);
    },
    finish: ids && (() => ids.finish()),
  };
}

/** The table's real name when it exists with these columns, else null. */
function tableName(warehouse: Warehouse, tableId: TableId, columns: readonly string[]): string | null {
  const info = warehouse.schema.tables.get(tableId);
  if (!info || columns.some((c) => !info.columns.has(c))) return null;
  return info.name;
}

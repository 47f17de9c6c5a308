import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEmail } from '../cleaning-rule.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { CUSTOMER_SALES_COLUMNS } from '../queries/customer-sales.js';
import { idTextOrCleanedBytesSql } from '../sql-cleaning.js';
import type { TableId } from '../warehouse-schema.js';
import { sortByCodePoints } from './code-point-sort.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import { CustomerIdSales, CustomerIdSalesWriter, idSalesColumnsSql } from './customer-id-sales.js';
import type { CachedCustomerLookup } from './customer-lookup-index.js';
import { CustomerNameTuples } from './customer-name-tuples.js';
import { idOfTextOrCleanedBytes } from './id-of-pass-value.js';

const SOURCE_ID_COLUMNS = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'] as const;

/** The two halves of the index, built by separate tasks (on separate threads in a parallel build). */
export type LookupPart = 'ids' | 'names';

/**
 * Builds the /customer index with the cache, so a lookup by id or name is a binary search or a byte search in
 * memory instead of a scan of the 7.2M-row customer table:
 * - `id-key` / `id-email`: every (customer360_id, email) pair — from customer rows, and from value rows whose
 *   zendesk, marketo or stripe id a mapping row gives that customer360_id — sorted by the id's UTF-8 bytes;
 * - `name` / `organization` / `name-email`: each distinct (lower-cased full_name, organization_name, email) of the
 *   customer table, in the order of its first row.
 * The customer table is read once per half (the names usually by the sales pass instead: startNameTuples), its
 * emails, ids and names cleaned in JavaScript by the cleaning rule's own functions (what cleanEmailSql, cleanIdSql
 * and the lower-casing do for text); rows stream to the files batch by batch.
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
  const { customerTable: customer, mappingTable: mapping } = covers;
  mkdirSync(directory, { recursive: true });
  if (part === 'names') {
    writeNameTuples(warehouse, customer, directory, batchRows);
    return covers;
  }
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]) as string;
  const writer = (base: string) => new ColumnWriter(join(directory, `${base}.arrow`), 'string', 'plain', batchRows);
  const withSales =
    idSalesDirectory !== undefined && customer !== null && tableName(warehouse, 'customer', CUSTOMER_SALES_COLUMNS);
  writeIdPairs(warehouse, customer, mapping ? { mapping, value } : undefined, writer, {
    batchRows,
    idSalesDirectory: withSales ? idSalesDirectory : undefined,
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
 * Distinct (id, email) pairs in code-point (UTF-8 byte) order, what SQLite's BINARY `ORDER BY id, email` gives: the
 * customer table's pairs, and for each mapping row the emails of the value rows carrying one of its source ids
 * (joined through per-source maps of the value table's ids, instead of three SQL joins and a sort of every pair).
 */
function writeIdPairs(
  warehouse: Warehouse,
  customer: string | null,
  mapped: { mapping: string; value: string } | undefined,
  writer: (base: string) => ColumnWriter,
  options: { readonly batchRows: number; readonly idSalesDirectory: string | undefined },
): void {
  const idKeys = writer('id-key');
  const idEmails = writer('id-email');
  const pairs = new PairSet();
  const sales = options.idSalesDirectory === undefined ? undefined : new CustomerIdSales();
  const salesWriter = sales && new CustomerIdSalesWriter(options.idSalesDirectory as string, sales, options.batchRows);
  writeColumns([idKeys, idEmails, ...(salesWriter?.writers ?? [])], () => {
    // Mapped pairs first: each source's map of the value table's ids is gone before the customer pairs come in.
    if (mapped) addMappedPairs(warehouse, mapped, pairs);
    if (customer) {
      const columns = `${idTextOrCleanedBytesSql('customer360_id')}, email${sales ? `, ${idSalesColumnsSql()}` : ''}`;
      let previous: unknown[] = [];
      let previousSlot = -1;
      warehouse.eachTableRow(customer, columns, undefined, (row) => {
        // The same raw id and email as the row before: the same pair, added already (its sales still count).
        if (row[1] !== previous[1] || row[2] !== previous[2]) {
          previous = row;
          const id = idOfTextOrCleanedBytes(row[1]);
          const email = id === null ? null : cleanEmail(row[2]);
          previousSlot = id === null ? -1 : email === null ? (sales ? pairs.slotOf(id) : -1) : pairs.add(id, email);
        }
        if (sales && previousSlot >= 0) sales.add(previousSlot, row[3] as number, row[4], row[5] as number);
      });
    }
    pairs.each(
      (id, email, slot) => {
        idKeys.push(id);
        idEmails.push(email);
        salesWriter?.pair(slot);
      },
      salesWriter && ((id, slot) => salesWriter.orphan(id, slot)),
    );
  });
}

/**
 * One pass over the value table for all three source columns — per source, its ids → their emails (maps of about a
 * million entries each at a million customers) — then one pass over the mapping rows carrying any source id. Three
 * passes per table, one source at a time, read each table three times (about 6 s more CPU at a million customers)
 * for a third of the maps' memory, which is gone before the customer pairs come in.
 */
function addMappedPairs(warehouse: Warehouse, mapped: { mapping: string; value: string }, pairs: PairSet): void {
  const sources = SOURCE_ID_COLUMNS.map((column) => idTextOrCleanedBytesSql(column)).join(', ');
  const present = SOURCE_ID_COLUMNS.map((column) => `${quoteIdentifier(column)} IS NOT NULL`).join(' OR ');
  const emailsBySource = SOURCE_ID_COLUMNS.map(() => new Map<string, string | string[]>());
  // Rows are `rowid, primary_email, <source ids>…` and `rowid, customer360_id, <source ids>…`.
  warehouse.eachTableRow(mapped.value, `primary_email, ${sources}`, present, (row) => {
    const email = cleanEmail(row[1]);
    if (email === null) return;
    emailsBySource.forEach((emails, s) => {
      const source = idOfTextOrCleanedBytes(row[2 + s]);
      if (source === null) return;
      const known = emails.get(source);
      if (known === undefined) emails.set(source, email);
      else if (typeof known === 'string') emails.set(source, [known, email]);
      else known.push(email);
    });
  });
  const id360 = idTextOrCleanedBytesSql('customer360_id');
  warehouse.eachTableRow(mapped.mapping, `${id360}, ${sources}`, present, (row) => {
    let id: string | null | undefined;
    emailsBySource.forEach((emails, s) => {
      const source = idOfTextOrCleanedBytes(row[2 + s]);
      const found = source === null ? undefined : emails.get(source);
      if (found === undefined) return;
      id ??= idOfTextOrCleanedBytes(row[1]);
      if (id === null) return;
      if (typeof found === 'string') pairs.add(id, found);
      else for (const email of found) pairs.add(id, email);
    });
  });
}

/**
 * Distinct (id, email) pairs: per id a slot (numbered as ids are first met) and its email, or its emails when it
 * has several; no pair string per row. An id may have a slot and no email yet (slotOf: sales of customer rows
 * without an email, customer-id-sales.ts).
 */
class PairSet {
  private readonly byId = new Map<string, number>();
  private readonly emails: (string | Set<string> | undefined)[] = [];

  /** Adds the pair; returns the id's slot. */
  add(id: string, email: string): number {
    const slot = this.slotOf(id);
    const known = this.emails[slot];
    if (known === undefined) this.emails[slot] = email;
    else if (typeof known === 'string') {
      if (known !== email) this.emails[slot] = new Set([known, email]);
    } else known.add(email);
    return slot;
  }

  slotOf(id: string): number {
    let slot = this.byId.get(id);
    if (slot === undefined) {
      slot = this.emails.length;
      this.byId.set(id, slot);
      this.emails.push(undefined);
    }
    return slot;
  }

  /** Every pair, by id and then email in code-point order; ids without an email to `visitAlone`. */
  each(
    visit: (id: string, email: string, slot: number) => void,
    visitAlone?: (id: string, slot: number) => void,
  ): void {
    for (const id of sortByCodePoints([...this.byId.keys()])) {
      const slot = this.byId.get(id) as number;
      const emails = this.emails[slot];
      if (emails === undefined) visitAlone?.(id, slot);
      else if (typeof emails === 'string') visit(id, emails, slot);
      else for (const email of sortByCodePoints([...emails])) visit(id, email, slot);
    }
  }
}

/** The table's real name when it exists with these columns, else null. */
function tableName(warehouse: Warehouse, tableId: TableId, columns: readonly string[]): string | null {
  const info = warehouse.schema.tables.get(tableId);
  if (!info || columns.some((c) => !info.columns.has(c))) return null;
  return info.name;
}

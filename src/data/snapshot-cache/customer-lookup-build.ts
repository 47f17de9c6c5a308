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
import type { CustomerRowsAlongside } from './sales-by-email-pass.js';

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
  const pass = new IdPairsPass(directory, batchRows, withSales ? idSalesDirectory : undefined, covers);
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]) as string;
  if (mapping) addMappedPairs(warehouse, { mapping, value }, pass.pairs);
  return pass;
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

/**
 * Distinct (id, email) pairs in code-point (UTF-8 byte) order, what SQLite's BINARY `ORDER BY id, email` gives: the
 * customer table's pairs, and for each mapping row the emails of the value rows carrying one of its source ids
 * (joined through per-source maps of the value table's ids, instead of three SQL joins and a sort of every pair).
 */
export class IdPairsPass {
  readonly pairs = new PairSet();
  readonly writers: readonly ColumnWriter[];
  private readonly idKeys: ColumnWriter;
  private readonly idEmails: ColumnWriter;
  private readonly sales: CustomerIdSales | undefined;
  private readonly salesWriter: CustomerIdSalesWriter | undefined;
  private previousId: unknown;
  private previousEmail: unknown;
  private previousSlot = -1;
  private started = false;

  constructor(
    directory: string,
    batchRows: number,
    idSalesDirectory: string | undefined,
    readonly covers: CachedCustomerLookup,
  ) {
    const writer = (base: string) => new ColumnWriter(join(directory, `${base}.arrow`), 'string', 'plain', batchRows);
    this.idKeys = writer('id-key');
    this.idEmails = writer('id-email');
    this.sales = idSalesDirectory === undefined ? undefined : new CustomerIdSales();
    this.salesWriter = this.sales && new CustomerIdSalesWriter(idSalesDirectory as string, this.sales, batchRows);
    this.writers = [this.idKeys, this.idEmails, ...(this.salesWriter?.writers ?? [])];
  }

  /** Whether customerRow wants the sales columns (idSalesColumnsSql: header flag, raw sales, sales present). */
  get withSales(): boolean {
    return this.sales !== undefined;
  }

  /** The next customer row: its id as idTextOrCleanedBytesSql selects it, its raw email, and its sales columns. */
  customerRow(rawId: unknown, rawEmail: unknown, header: unknown, sales: unknown, present: unknown): void {
    // The same raw id and email as the row before: the same pair, added already (its sales still count).
    if (!this.started || rawId !== this.previousId || rawEmail !== this.previousEmail) {
      this.started = true;
      this.previousId = rawId;
      this.previousEmail = rawEmail;
      const id = idOfTextOrCleanedBytes(rawId);
      const email = id === null ? null : cleanEmail(rawEmail);
      this.previousSlot =
        id === null ? -1 : email === null ? (this.sales ? this.pairs.slotOf(id) : -1) : this.pairs.add(id, email);
    }
    if (this.sales && this.previousSlot >= 0)
      this.sales.add(this.previousSlot, header as number, sales, present as number);
  }

  /** Writes every pair (and the id sales), after the last customer row. */
  finish(): void {
    const { salesWriter } = this;
    this.pairs.each(
      (id, email, slot) => {
        this.idKeys.push(id);
        this.idEmails.push(email);
        salesWriter?.pair(slot);
      },
      salesWriter && ((id, slot) => salesWriter.orphan(id, slot)),
    );
  }
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

import { join } from 'node:path';
import { cleanEmail } from '../cleaning-rule.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { idTextOrCleanedBytesSql } from '../sql-cleaning.js';
import { sortByCodePoints } from './code-point-sort.js';
import { ColumnWriter } from './column-writer.js';
import { CustomerIdSales, CustomerIdSalesWriter } from './customer-id-sales.js';
import type { CachedCustomerLookup } from './customer-lookup-index.js';
import { idOfTextOrCleanedBytes } from './id-of-pass-value.js';

/** The value and mapping columns that carry a customer's ids in the source systems. */
export const SOURCE_ID_COLUMNS = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'] as const;

/**
 * Distinct (id, email) pairs in code-point (UTF-8 byte) order, what SQLite's BINARY `ORDER BY id, email` gives: the
 * customer table's pairs, and for each mapping row the emails of the value rows carrying one of its source ids
 * (joined through per-source maps of the value table's ids, instead of three SQL joins and a sort of every pair).
 */
export class IdPairsPass {
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
    /** The mapped pairs, added before the pass opens its files (a failed read then leaves none open). */
    private readonly pairs: PairSet,
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
export function addMappedPairs(warehouse: Warehouse, mapped: { mapping: string; value: string }, pairs: PairSet): void {
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
export class PairSet {
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

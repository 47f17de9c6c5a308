import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '../../analysis/code-point-order.js';
import { toNumber, type ValueIssueCounter } from '../clean-values.js';
import { cleanEmail } from '../cleaning-rule.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { isHeaderSql, salesPresentSql } from '../queries/customer-sales.js';
import { idTextOrCleanedBytesSql } from '../sql-cleaning.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { sortByCodePoints } from './code-point-sort.js';
import { ColumnWriter, writeColumns } from './column-writer.js';
import { idOfTextOrCleanedBytes } from './id-of-pass-value.js';
import type { CachedSalesByEmail } from './snapshot-manifest.js';

/**
 * Another reduction fed by the sales pass's rows (the /customer index's names and id pairs): its files are completed
 * with the pass's own, `finish` runs after the last row.
 */
export interface CustomerRowsAlongside {
  readonly writers: readonly ColumnWriter[];
  /** Selected after the pass's own six (`rowid, email, id, header flag, sales, sales present`); may be empty. */
  readonly columns: string;
  /** Every customer row, in rowid order. */
  readonly visitRow: (row: readonly unknown[]) => void;
  readonly finish?: () => void;
}

/** The sales reduction's files; with `alongside`, the same pass over the customer table feeds other reductions. */
export function writeSalesByEmail(
  warehouse: Warehouse,
  directory: string,
  batchRows: number,
  alongside: CustomerRowsAlongside | undefined,
): CachedSalesByEmail {
  mkdirSync(directory, { recursive: true });
  const emails = new ColumnWriter(join(directory, 'email.arrow'), 'string', 'plain', batchRows);
  const amounts = new ColumnWriter(join(directory, 'sales.arrow'), 'number', 'plain', batchRows);
  const customerTable = warehouse.schema.tables.get('customer')?.name ?? WAREHOUSE_TABLES.customer.name;
  let summary: CachedSalesByEmail | undefined;
  writeColumns([emails, amounts, ...(alongside?.writers ?? [])], () => {
    summary = eachSalesByEmailInOnePass(
      warehouse,
      customerTable,
      (email, amount) => {
        emails.push(email);
        amounts.push(amount);
      },
      alongside,
    );
    alongside?.finish?.();
  });
  return summary as CachedSalesByEmail;
}

/**
 * customer-sales.ts's one-sales-figure-per-email reduction (reduceSalesByEmail, the reference) in one unsorted pass
 * over the customer table: per cleaned email, its row count and its chosen row — among rows whose sales is a
 * number, the organisation header, else the smallest customer360_id (code-point order: SQLite's BINARY), then the
 * smallest rowid. Emails are cleaned by the rule's cleanEmail and text ids by cleanLabel (what cleanEmailSql and
 * cleanIdSql do for text); SQL keeps the sales tests and the number-to-text ids. Visits the emails in code-point
 * order, as the window statement returns them. At a million customers: a hash lookup per row instead of
 * materialising and sorting 7.2M rows.
 */
export function eachSalesByEmailInOnePass(
  warehouse: Warehouse,
  tableName: string,
  visit: (email: string, sales: number | null) => void,
  /**
   * More columns of the same rows for another reduction (the /customer index's names, customer-name-tuples.ts):
   * selected after the pass's own six, and every row handed to `visitRow` in rowid order.
   */
  alongside?: Pick<CustomerRowsAlongside, 'columns' | 'visitRow'>,
): CachedSalesByEmail {
  const id = idTextOrCleanedBytesSql('customer360_id');
  const columns = `${quoteIdentifier('email')}, ${id}, ${isHeaderSql('is_organization_header')},
    ${quoteIdentifier('total_sales_amount')}, ${salesPresentSql('total_sales_amount')}${
      alongside?.columns ? `, ${alongside.columns}` : ''
    }`;
  const visitRow = alongside?.visitRow;
  const chosen = new ChosenRows();
  let rowsInTable = 0;
  // Exports often hold an email's rows one after the other: the same raw text as the row before is the same email.
  let previousRawEmail: unknown;
  let previousSlot = -1;
  warehouse.eachTableRow(tableName, columns, undefined, (row) => {
    rowsInTable++;
    visitRow?.(row);
    const rawEmail = row[1];
    let k: number;
    if (typeof rawEmail === 'string' && rawEmail === previousRawEmail) {
      if (previousSlot < 0) return;
      k = previousSlot;
    } else {
      previousRawEmail = rawEmail;
      const email = cleanEmail(rawEmail);
      previousSlot = email === null ? -1 : chosen.slotOf(email);
      if (previousSlot < 0) return;
      k = previousSlot;
      if (chosen.count[k] === 0) {
        chosen.take(k, row);
        chosen.count[k] = 1;
        return;
      }
    }
    chosen.count[k] = (chosen.count[k] as number) + 1;
    if (chosen.before(row, k)) chosen.take(k, row);
  });
  const { emails, count } = chosen;
  const issues: ValueIssueCounter = { unreadable: 0 };
  let emailsWithSeveralRows = 0;
  let maxRowsPerEmail = 0;
  for (const email of sortByCodePoints(emails.slice())) {
    const k = chosen.slotOf(email);
    const n = count[k] as number;
    if (n > 1) emailsWithSeveralRows++;
    if (n > maxRowsPerEmail) maxRowsPerEmail = n;
    visit(email, toNumber(chosen.sales[k], issues));
  }
  return {
    rowsInTable,
    distinctEmails: emails.length,
    emailsWithSeveralRows,
    maxRowsPerEmail,
    unreadableSales: issues.unreadable,
  };
}

/**
 * Per cleaned email (in the order first met) its row count and its chosen row, in arrays rather than an object per
 * row: rows are `rowid, email, id (text, or SQL's cleaned id as bytes), header flag, sales, sales present` (the pass's statement).
 */
class ChosenRows {
  private readonly index = new Map<string, number>();
  readonly emails: string[] = [];
  count = new Int32Array(1024);
  private rowid = new Float64Array(1024);
  /** isHeaderSql: 1 for the organisation header row, else 0. */
  private header = new Uint8Array(1024);
  /** salesPresentSql: 1 when the sales value is a number. */
  private present = new Uint8Array(1024);
  /** The id as read (idTextOrCleanedBytesSql), cleaned only when two rows tie up to the id. */
  private readonly id: unknown[] = [];
  readonly sales: unknown[] = [];

  /** The email's slot; a new one has count 0. */
  slotOf(email: string): number {
    let k = this.index.get(email);
    if (k === undefined) {
      k = this.emails.length;
      this.index.set(email, k);
      this.emails.push(email);
      if (k === this.count.length) this.grow();
    }
    return k;
  }

  take(k: number, row: readonly unknown[]): void {
    this.rowid[k] = row[0] as number;
    this.id[k] = row[2];
    this.header[k] = row[3] as number;
    this.sales[k] = row[4];
    this.present[k] = row[5] as number;
  }

  /** Whether `row` comes before slot k's chosen row in the window's order: `present DESC, header DESC, id IS NULL, id, rowid`. */
  before(row: readonly unknown[], k: number): boolean {
    const present = row[5] as number;
    if (present !== this.present[k]) return present > (this.present[k] as number);
    const header = row[3] as number;
    if (header !== this.header[k]) return header > (this.header[k] as number);
    const a = idOfTextOrCleanedBytes(row[2]);
    const b = idOfTextOrCleanedBytes(this.id[k]);
    if ((a === null) !== (b === null)) return b === null;
    if (a !== null && b !== null && a !== b) return compareCodePoints(a, b) < 0;
    return (row[0] as number) < (this.rowid[k] as number);
  }

  private grow(): void {
    const length = this.count.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(length);
      next.set(array);
      return next;
    };
    this.count = grown(this.count);
    this.rowid = grown(this.rowid);
    this.header = grown(this.header);
    this.present = grown(this.present);
  }
}

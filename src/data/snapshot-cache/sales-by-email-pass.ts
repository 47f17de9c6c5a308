import { compareCodePoints } from '../../analysis/code-point-order.js';
import { toNumber, type ValueIssueCounter } from '../clean-values.js';
import { cleanEmail, cleanLabel } from '../cleaning-rule.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { isHeaderSql, salesPresentSql } from '../queries/customer-sales.js';
import { idTextOrCleanedSql } from '../sql-cleaning.js';
import type { CachedSalesByEmail } from './snapshot-manifest.js';

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
): CachedSalesByEmail {
  const [idText, idCleaned] = idTextOrCleanedSql('customer360_id');
  const sql = `SELECT rowid, ${quoteIdentifier('email')}, ${idText}, ${idCleaned},
      ${isHeaderSql('is_organization_header')}, ${quoteIdentifier('total_sales_amount')},
      ${salesPresentSql('total_sales_amount')}
    FROM ${quoteIdentifier(tableName)}`;
  const index = new Map<string, number>();
  const emails: string[] = [];
  const count: number[] = [];
  const chosen: Chosen[] = [];
  let rowsInTable = 0;
  warehouse.eachRawRow(sql, (row) => {
    rowsInTable++;
    const email = cleanEmail(row[1]);
    if (email === null) return;
    const candidate: Chosen = {
      rowid: row[0] as number,
      id: row[2] === null ? (row[3] as string | null) : cleanLabel(row[2]),
      header: row[4] as number,
      sales: row[5],
      present: row[6] as number,
    };
    const k = index.get(email);
    if (k === undefined) {
      index.set(email, emails.length);
      emails.push(email);
      count.push(1);
      chosen.push(candidate);
      return;
    }
    count[k] = (count[k] as number) + 1;
    if (chosenBefore(candidate, chosen[k] as Chosen)) chosen[k] = candidate;
  });
  const order = Array.from(emails.keys()).sort((a, b) => compareCodePoints(emails[a] as string, emails[b] as string));
  const issues: ValueIssueCounter = { unreadable: 0 };
  let emailsWithSeveralRows = 0;
  let maxRowsPerEmail = 0;
  for (const k of order) {
    const n = count[k] as number;
    if (n > 1) emailsWithSeveralRows++;
    if (n > maxRowsPerEmail) maxRowsPerEmail = n;
    visit(emails[k] as string, toNumber((chosen[k] as Chosen).sales, issues));
  }
  return {
    rowsInTable,
    distinctEmails: emails.length,
    emailsWithSeveralRows,
    maxRowsPerEmail,
    unreadableSales: issues.unreadable,
  };
}

interface Chosen {
  readonly rowid: number;
  readonly id: string | null;
  /** isHeaderSql: 1 for the organisation header row, else 0. */
  readonly header: number;
  readonly sales: unknown;
  /** salesPresentSql: 1 when the sales value is a number. */
  readonly present: number;
}

/** The window's order: `present DESC, header DESC, id IS NULL, id, rowid`. */
function chosenBefore(a: Chosen, b: Chosen): boolean {
  if (a.present !== b.present) return a.present > b.present;
  if (a.header !== b.header) return a.header > b.header;
  if ((a.id === null) !== (b.id === null)) return b.id === null;
  if (a.id !== null && b.id !== null && a.id !== b.id) return compareCodePoints(a.id, b.id) < 0;
  return a.rowid < b.rowid;
}

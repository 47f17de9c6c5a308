import { toNumber, type ValueIssueCounter } from '../clean-values.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { cleanEmailSql, cleanIdSql } from '../sql-cleaning.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';

/**
 * customer360__customer repeats emails (≈7 rows each in DB-055), so it is reduced to one row
 * per key before any join (analyses.md §1): among the rows whose total_sales_amount is a
 * number, the `is_organization_header = 1` row, else the smallest customer360_id (as text),
 * then the smallest rowid. A key whose rows all lack sales keeps a row with NULL sales, so
 * "the email is there but has no sales" stays distinguishable from "no row carries it".
 */

export const CUSTOMER_SALES_COLUMNS = [
  'customer360_id',
  'email',
  'is_organization_header',
  'total_sales_amount',
] as const;

const WHITESPACE = 'char(32, 9, 10, 13, 11, 12, 160)';

/**
 * SQL's view of "sales is a number", matching clean-values' toNumber for every value an export
 * plausibly holds; the TypeScript converter re-checks the chosen row and counts any disagreement.
 */
export function salesPresentSql(column: string): string {
  const c = quoteIdentifier(column);
  const t = `trim(${c}, ${WHITESPACE})`;
  return `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN 1 WHEN typeof(${c}) = 'text' AND ${t} GLOB '*[0-9]*' AND ${t} NOT GLOB '*[^0-9.eE+-]*' THEN 1 ELSE 0 END)`;
}

/** A 0/1 flag stored as a number or as text; anything else is not a header. */
export function isHeaderSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} = 1 WHEN typeof(${c}) = 'text' THEN trim(${c}, ${WHITESPACE}) = '1' ELSE 0 END)`;
}

export interface CustomerSalesByEmail {
  /** Cleaned email → sales of its chosen row (null when no row of the email has sales). */
  readonly sales: ReadonlyMap<string, number | null>;
  readonly rowsInTable: number;
  readonly distinctEmails: number;
  readonly emailsWithSeveralRows: number;
  readonly maxRowsPerEmail: number;
  /** Chosen sales values SQL took for numbers that did not read as one (set to NULL). */
  readonly unreadableSales: number;
}

/**
 * `keys` narrows the rows before they are materialised and ranked. Every row of a key is in or out together, so
 * narrowing first picks the same row per key as ranking all rows and filtering after; at a million customers the
 * latter materialised and sorted all 7.2M customer rows for a few hundred thousand ids (over 20 s of CPU).
 */
function reduceSql(table: string, keyExpression: string, keys: 'all' | 'listed'): string {
  const narrow = keys === 'listed' ? `WHERE ${keyExpression} IN (SELECT value FROM json_each(?))` : '';
  return `WITH c AS MATERIALIZED (
      SELECT rowid AS rid, ${keyExpression} AS k, ${cleanIdSql('customer360_id')} AS id,
        ${isHeaderSql('is_organization_header')} AS h, ${quoteIdentifier('total_sales_amount')} AS s,
        ${salesPresentSql('total_sales_amount')} AS ok
      FROM ${table} ${narrow})
    SELECT k, s, n FROM (
      SELECT k, s, COUNT(*) OVER (PARTITION BY k) AS n,
        ROW_NUMBER() OVER (PARTITION BY k ORDER BY ok DESC, h DESC, id IS NULL, id, rid) AS rk
      FROM c WHERE k IS NOT NULL
    ) WHERE rk = 1`;
}

function tableName(warehouse: Warehouse): string {
  return quoteIdentifier(warehouse.schema.tables.get('customer')?.name ?? WAREHOUSE_TABLES.customer.name);
}

/**
 * One sales figure per cleaned email. The caller checks the columns exist first. The snapshot cache holds this
 * reduction when it was built (a window over every customer row: tens of seconds at 1M customers).
 */
export function loadSalesByEmail(warehouse: Warehouse): CustomerSalesByEmail {
  try {
    const cached = warehouse.snapshotCache?.salesByEmail();
    if (cached) return cached;
  } catch {
    warehouse.snapshotCache = undefined;
  }
  return reduceSalesByEmail(warehouse);
}

/** loadSalesByEmail in SQLite, always (the statement's rows memoised per export, as every read is). */
export function reduceSalesByEmail(warehouse: Warehouse): CustomerSalesByEmail {
  const sales = new Map<string, number | null>();
  const tally = salesTally(warehouse, (email, amount) => {
    sales.set(email, amount);
  });
  for (const row of warehouse.rawRows(reduceByEmailSql(warehouse))) tally.add(row);
  return { sales, ...tally.summary() };
}

function reduceByEmailSql(warehouse: Warehouse): string {
  return reduceSql(tableName(warehouse), cleanEmailSql('email'), 'all');
}

function salesTally(warehouse: Warehouse, visit: (email: string, sales: number | null) => void) {
  const issues: ValueIssueCounter = { unreadable: 0 };
  let distinctEmails = 0;
  let emailsWithSeveralRows = 0;
  let maxRowsPerEmail = 0;
  return {
    add(row: readonly unknown[]): void {
      const count = row[2] as number;
      if (count > 1) emailsWithSeveralRows++;
      if (count > maxRowsPerEmail) maxRowsPerEmail = count;
      distinctEmails++;
      visit(row[0] as string, toNumber(row[1], issues));
    },
    summary: (): Omit<CustomerSalesByEmail, 'sales'> => ({
      rowsInTable: warehouse.rowCount('customer'),
      distinctEmails,
      emailsWithSeveralRows,
      maxRowsPerEmail,
      unreadableSales: issues.unreadable,
    }),
  };
}

/** One sales figure per customer360_id (same one-row rule), for the ids the mapping resolved. */
export function loadSalesByCustomerId(warehouse: Warehouse, ids: readonly string[]): Map<string, number | null> {
  if (ids.length === 0) return new Map();
  return salesById(warehouse, reduceSql(tableName(warehouse), cleanIdSql('customer360_id'), 'listed'), [
    JSON.stringify(ids),
  ]);
}

/** The same reduction for every customer360_id of the table: the plain method loadSalesByCustomerId must agree with. */
export function reduceSalesByCustomerId(warehouse: Warehouse): Map<string, number | null> {
  return salesById(warehouse, reduceSql(tableName(warehouse), cleanIdSql('customer360_id'), 'all'), []);
}

function salesById(warehouse: Warehouse, sql: string, params: unknown[]): Map<string, number | null> {
  const result = new Map<string, number | null>();
  const issues: ValueIssueCounter = { unreadable: 0 };
  for (const row of warehouse.rawRows(sql, params)) result.set(row[0] as string, toNumber(row[1], issues));
  return result;
}

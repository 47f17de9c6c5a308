import { type CodedColumn, codedValue } from '../../analysis/columns/coded-column.js';
import type { TableGap } from '../../analysis/table-gap.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import type { TypedColumn } from '../snapshot-cache/column-store.js';
import { columnReader } from './column-reader.js';
import { loadSalesByCustomerId, loadSalesByEmail } from './customer-sales.js';
import { resolveThroughMapping, type SourceIdColumn, type SourceIds } from './investment-mapping.js';

/**
 * §1's sales join: each latest value row's total_sales_amount, by email from the customer table's reduction, else
 * through the mapping's source ids. investment-customers.ts makes it when reading, the snapshot cache build stores it.
 */

export interface SalesJoinStats {
  readonly valueRows: number;
  readonly byEmail: number;
  /** Email found, but none of its customer rows has sales. */
  readonly byEmailWithoutSales: number;
  readonly viaMapping: Readonly<Record<SourceIdColumn, number>>;
  readonly viaMappingWithoutSales: number;
  readonly unmatched: number;
  /** Why the mapping fallback could not be used; null when it could. */
  readonly mappingUnavailable: TableGap | null;
  readonly customerRows: number;
  readonly customerEmails: number;
  readonly emailsWithSeveralRows: number;
  readonly maxRowsPerEmail: number;
  readonly unreadableSales: number;
}

/** Sales per latest value row (NaN = none), with the join's figures and the value read's report. */
export interface InvestmentSales {
  readonly sales: Float64Array;
  readonly join: SalesJoinStats;
  readonly valueReport: TableReadReport;
}

/** Per asked customer360_id with a customer row, its reduced sales (customer-sales.ts's one-row rule). */
export type SalesByCustomerId = (warehouse: Warehouse, ids: readonly string[]) => Map<string, number | null>;

/**
 * Sales per value row: by email from the customer table's reduction, else through the mapping (from the snapshot
 * cache when it holds the mapped sales, else from SQLite). NaN where the row path has null.
 */
export function joinSales(
  warehouse: Warehouse,
  mappingUnavailable: TableGap | null,
  columns: Readonly<Record<string, TypedColumn>>,
  length: number,
  valueReport: TableReadReport,
  salesById: SalesByCustomerId = loadSalesByCustomerId,
): InvestmentSales {
  const email = textColumn(columns, 'primary_email', length);
  const byEmailSales = loadSalesByEmail(warehouse);
  const sales = new Float64Array(length).fill(Number.NaN);
  const at = columnReader(columns);
  const fallbackIndex: number[] = [];
  let byEmail = 0;
  let byEmailWithoutSales = 0;
  for (let i = 0; i < length; i++) {
    const emailSales = byEmailSales.sales.get(codedValue(email, i) as string);
    if (emailSales !== undefined) {
      byEmail++;
      if (emailSales === null) byEmailWithoutSales++;
      else sales[i] = emailSales;
    } else if (mappingUnavailable === null) fallbackIndex.push(i);
  }
  const entries: SourceIds[] = fallbackIndex.map((i) => ({
    zendesk_user_id: at.text('zendesk_user_id', i),
    marketo_lead_id: at.text('marketo_lead_id', i),
    stripe_customer_id: at.text('stripe_customer_id', i),
  }));
  const viaMapping: Record<SourceIdColumn, number> = { zendesk_user_id: 0, marketo_lead_id: 0, stripe_customer_id: 0 };
  let viaMappingWithoutSales = 0;
  salesThroughMapping(warehouse, entries, salesById).forEach((match, k) => {
    if (match === null) return;
    viaMapping[match.via]++;
    if (match.sales === null) viaMappingWithoutSales++;
    else sales[fallbackIndex[k] as number] = match.sales;
  });
  const mapped = viaMapping.zendesk_user_id + viaMapping.marketo_lead_id + viaMapping.stripe_customer_id;
  return {
    sales,
    valueReport,
    join: {
      valueRows: length,
      byEmail,
      byEmailWithoutSales,
      viaMapping,
      viaMappingWithoutSales,
      unmatched: length - byEmail - mapped,
      mappingUnavailable,
      customerRows: byEmailSales.rowsInTable,
      customerEmails: byEmailSales.distinctEmails,
      emailsWithSeveralRows: byEmailSales.emailsWithSeveralRows,
      maxRowsPerEmail: byEmailSales.maxRowsPerEmail,
      unreadableSales: byEmailSales.unreadableSales,
    },
  };
}

/** Each entry's sales through the mapping (null = resolved, but no sales), or null when no id resolves. */
function salesThroughMapping(
  warehouse: Warehouse,
  entries: readonly SourceIds[],
  salesById: SalesByCustomerId,
): ({ via: SourceIdColumn; sales: number | null } | null)[] {
  if (entries.length === 0) return [];
  const resolved = resolveThroughMapping(warehouse, entries);
  const ids = [...new Set(resolved.flatMap((m) => (m ? [m.customerId] : [])))];
  const sales = ids.length === 0 ? new Map<string, number | null>() : salesById(warehouse, ids);
  return resolved.map((m) => (m === null ? null : { via: m.via, sales: sales.get(m.customerId) ?? null }));
}

/** A text column as read, or all NULL when the export lacks it. */
export function textColumn(columns: Readonly<Record<string, TypedColumn>>, name: string, length: number): CodedColumn {
  const column = columns[name];
  return column === undefined || column instanceof Float64Array
    ? { indices: new Int32Array(length).fill(-1), dictionary: [] }
    : column;
}

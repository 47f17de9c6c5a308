import type { InvestmentInputRow } from '../../analysis/investment-mismatch/mismatch-types.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { type TableReadReport, tableAvailability } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import type { ColumnOf } from '../warehouse-schema.js';
import { columnReader } from './column-reader.js';
import { CUSTOMER_SALES_COLUMNS, loadSalesByCustomerId, loadSalesByEmail } from './customer-sales.js';
import {
  MAPPING_COLUMNS,
  resolveThroughMapping,
  SOURCE_ID_ORDER,
  type SourceIdColumn,
  type SourceIds,
} from './investment-mapping.js';

/**
 * §1 input: the latest value row per cleaned email, with total_sales_amount joined from
 * customer360__customer by email, or through the mapping when no customer row carries the
 * email. Only columns the export has are read: the DB-055 columns exist in some exports only.
 */

/** Without these the mismatch itself cannot be computed. */
export const INVESTMENT_CORE_COLUMNS = [
  'investment_priority_score',
  'product_adoption_rate',
  'support_resolution_efficiency',
] as const;

/** Without these only the bullets that need them are unavailable. */
export const INVESTMENT_DETAIL_COLUMNS = [
  'customer_lifetime_value',
  'acquisition_cost',
  'customer_onboarding_score',
  'team_size',
  'decision_maker_level',
  'industry_vertical',
  'company_size_tier',
  'lifecycle_stage',
  'primary_organization',
] as const;

export interface MissingColumns {
  readonly table: string;
  /** Empty when the whole table is missing. */
  readonly columns: readonly string[];
  readonly tableMissing: boolean;
}

export interface SalesJoinStats {
  readonly valueRows: number;
  readonly byEmail: number;
  /** Email found, but none of its customer rows has sales. */
  readonly byEmailWithoutSales: number;
  readonly viaMapping: Readonly<Record<SourceIdColumn, number>>;
  readonly viaMappingWithoutSales: number;
  readonly unmatched: number;
  /** Why the mapping fallback could not be used; null when it could. */
  readonly mappingUnavailable: string | null;
  readonly customerRows: number;
  readonly customerEmails: number;
  readonly emailsWithSeveralRows: number;
  readonly maxRowsPerEmail: number;
  readonly unreadableSales: number;
}

export type InvestmentLoad =
  | { readonly kind: 'missing-columns'; readonly missing: readonly MissingColumns[] }
  | {
      readonly kind: 'loaded';
      readonly rows: InvestmentInputRow[];
      readonly valueReport: TableReadReport;
      readonly join: SalesJoinStats;
      readonly missingDetailColumns: readonly string[];
    };

type ValueColumn = ColumnOf<'value'>;

/**
 * The value rows /investment-mismatch scores, joined to sales, built once per open warehouse (one export): at a
 * million customers the build is ~0.8 s a call. Rows are readonly and shared; each caller gets its own array.
 */
export function loadInvestmentCustomers(warehouse: Warehouse, neededFor: string): InvestmentLoad {
  const load = investmentCustomersOf(warehouse, neededFor);
  return load.kind === 'loaded' ? { ...load, rows: load.rows.slice() } : load;
}

const investmentCustomersOf = oncePerWarehouse((warehouse: Warehouse, neededFor: string): InvestmentLoad => {
  const value = tableAvailability(warehouse, 'value', [...INVESTMENT_CORE_COLUMNS, ...INVESTMENT_DETAIL_COLUMNS]);
  const customer = tableAvailability(warehouse, 'customer', CUSTOMER_SALES_COLUMNS);
  const missing: MissingColumns[] = [];
  const coreMissing = value.missingColumns.filter((c) => (INVESTMENT_CORE_COLUMNS as readonly string[]).includes(c));
  // A missing value table is the caller's typed MissingTableError, raised by readTable below.
  if (value.present && coreMissing.length > 0) {
    missing.push({ table: 'customer360__customer_value_analysis', columns: value.missingColumns, tableMissing: false });
  }
  if (!customer.present || customer.missingColumns.length > 0) {
    missing.push({ table: 'customer360__customer', columns: customer.missingColumns, tableMissing: !customer.present });
  }
  if (missing.length > 0) return { kind: 'missing-columns', missing };

  const mapping = tableAvailability(warehouse, 'mapping', MAPPING_COLUMNS);
  const ids = SOURCE_ID_ORDER.filter((c) => !value.missingColumns.includes(c));
  const missingDetailColumns = value.missingColumns;
  const columns = [
    'primary_email',
    ...INVESTMENT_CORE_COLUMNS,
    ...INVESTMENT_DETAIL_COLUMNS.filter((c) => !missingDetailColumns.includes(c)),
    ...ids,
  ] as ValueColumn[];
  // Typed columns (straight from the snapshot cache's Arrow files when it has them): one object per customer is
  // built below, instead of a row object per value row first and the customer object from it.
  const read = readTableColumns(warehouse, 'value', columns, { neededFor });
  const sales = loadSalesByEmail(warehouse);

  const mappingUnavailable = !mapping.present
    ? 'the warehouse has no customer360__mapping table'
    : mapping.missingColumns.length > 0
      ? `customer360__mapping lacks ${mapping.missingColumns.join(', ')}`
      : ids.length === 0
        ? 'the value table has none of zendesk_user_id, marketo_lead_id, stripe_customer_id'
        : null;

  const at = columnReader(read.columns);
  const rows = new Array<InvestmentInputRow>(read.length);
  const fallbackIndex: number[] = [];
  const fallbackIds: SourceIds[] = [];
  let byEmail = 0;
  let byEmailWithoutSales = 0;
  for (let i = 0; i < read.length; i++) {
    const email = at.text('primary_email', i) as string;
    const emailSales = sales.sales.get(email);
    if (emailSales !== undefined) {
      byEmail++;
      if (emailSales === null) byEmailWithoutSales++;
    } else if (mappingUnavailable === null) {
      fallbackIndex.push(i);
      fallbackIds.push({
        zendesk_user_id: at.text('zendesk_user_id', i),
        marketo_lead_id: at.text('marketo_lead_id', i),
        stripe_customer_id: at.text('stripe_customer_id', i),
      });
    }
    rows[i] = {
      email,
      priority: at.number('investment_priority_score', i),
      sales: emailSales ?? null,
      adoption: at.number('product_adoption_rate', i),
      support: at.number('support_resolution_efficiency', i),
      lifetimeValue: at.number('customer_lifetime_value', i),
      acquisitionCost: at.number('acquisition_cost', i),
      onboarding: at.number('customer_onboarding_score', i),
      teamSize: at.number('team_size', i),
      decisionLevel: at.text('decision_maker_level', i),
      industry: at.text('industry_vertical', i),
      sizeTier: at.text('company_size_tier', i),
      lifecycleStage: at.text('lifecycle_stage', i),
      organization: at.text('primary_organization', i),
    };
  }

  const viaMapping: Record<SourceIdColumn, number> = { zendesk_user_id: 0, marketo_lead_id: 0, stripe_customer_id: 0 };
  let viaMappingWithoutSales = 0;
  if (fallbackIndex.length > 0) {
    const resolved = resolveThroughMapping(warehouse, fallbackIds);
    const customerIds = [...new Set(resolved.flatMap((m) => (m ? [m.customerId] : [])))];
    const salesById = loadSalesByCustomerId(warehouse, customerIds);
    resolved.forEach((match, k) => {
      if (match === null) return;
      const index = fallbackIndex[k] as number;
      const idSales = salesById.get(match.customerId) ?? null;
      viaMapping[match.via]++;
      if (idSales === null) viaMappingWithoutSales++;
      rows[index] = { ...(rows[index] as InvestmentInputRow), sales: idSales };
    });
  }
  const mapped = viaMapping.zendesk_user_id + viaMapping.marketo_lead_id + viaMapping.stripe_customer_id;
  return {
    kind: 'loaded',
    rows,
    valueReport: read.report,
    missingDetailColumns,
    join: {
      valueRows: rows.length,
      byEmail,
      byEmailWithoutSales,
      viaMapping,
      viaMappingWithoutSales,
      unmatched: rows.length - byEmail - mapped,
      mappingUnavailable,
      customerRows: sales.rowsInTable,
      customerEmails: sales.distinctEmails,
      emailsWithSeveralRows: sales.emailsWithSeveralRows,
      maxRowsPerEmail: sales.maxRowsPerEmail,
      unreadableSales: sales.unreadableSales,
    },
  };
});

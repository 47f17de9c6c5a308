import { type InvestmentColumns, investmentRowAt } from '../../analysis/investment-mismatch/investment-columns.js';
import type { InvestmentInputRow } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { TableGap } from '../../analysis/table-gap.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { type TableReadReport, tableAvailability } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import type { TypedColumn } from '../snapshot-cache/column-store.js';
import { investmentSalesOf } from '../snapshot-cache/investment-sales.js';
import type { SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import type { ColumnOf } from '../warehouse-schema.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { CUSTOMER_SALES_COLUMNS, loadSalesByCustomerId } from './customer-sales.js';
import { MAPPING_COLUMNS, SOURCE_ID_ORDER } from './investment-mapping.js';
import {
  type InvestmentSales,
  joinSales,
  type SalesByCustomerId,
  type SalesJoinStats,
  textColumn,
} from './investment-sales-join.js';

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

/** What a load reports besides its customers (the provenance's figures). */
export interface LoadedInvestment {
  readonly kind: 'loaded';
  readonly valueReport: TableReadReport;
  readonly join: SalesJoinStats;
  readonly missingDetailColumns: readonly string[];
  /** The snapshot cache whose latest value rows the columns are (row r is its row r); undefined when from SQLite. */
  readonly cache?: SnapshotCache;
}

export type InvestmentLoad =
  | { readonly kind: 'missing-columns'; readonly missing: readonly MissingColumns[] }
  | (LoadedInvestment & { readonly columns: InvestmentColumns });

/** The same load with one row object per customer: the row path, which the column path is checked against. */
export type InvestmentRowsLoad =
  | { readonly kind: 'missing-columns'; readonly missing: readonly MissingColumns[] }
  | (LoadedInvestment & { readonly rows: InvestmentInputRow[] });

type ValueColumn = ColumnOf<'value'>;

/**
 * The value rows /investment-mismatch scores, as typed columns joined to sales, built once per open warehouse (one
 * export) and shared read-only by every answer: a million customers are a few typed arrays, not a million objects.
 * When the snapshot cache holds the join (written with it: investment-sales.ts), the source ids are not read at all.
 */
export const loadInvestmentColumns = oncePerWarehouse((warehouse: Warehouse, neededFor: string): InvestmentLoad => {
  const shape = investmentShape(warehouse);
  if (shape.kind === 'missing-columns') return shape;
  const cached = cachedInvestmentSales(warehouse);
  const read = readTableColumns(warehouse, 'value', cached ? shape.analysed : [...shape.analysed, ...shape.ids], {
    neededFor,
  });
  const email = textColumn(read.columns, 'primary_email', read.length);
  const joined =
    cached && cached.sales.length === read.length
      ? cached
      : joinSales(warehouse, shape.mappingUnavailable, read.columns, read.length, read.report);
  const number = (column: string) => numberColumn(read.columns, column, read.length);
  const text = (column: string) => textColumn(read.columns, column, read.length);
  return {
    kind: 'loaded',
    columns: {
      length: read.length,
      email,
      priority: number('investment_priority_score'),
      sales: joined.sales,
      adoption: number('product_adoption_rate'),
      support: number('support_resolution_efficiency'),
      lifetimeValue: number('customer_lifetime_value'),
      acquisitionCost: number('acquisition_cost'),
      onboarding: number('customer_onboarding_score'),
      teamSize: number('team_size'),
      decisionLevel: text('decision_maker_level'),
      industry: text('industry_vertical'),
      sizeTier: text('company_size_tier'),
      lifecycleStage: text('lifecycle_stage'),
      organization: text('primary_organization'),
    },
    valueReport: joined.valueReport,
    missingDetailColumns: shape.missingDetailColumns,
    join: joined.join,
    ...(read.cache ? { cache: read.cache } : {}),
  };
});

/**
 * The join loadInvestmentColumns makes without a cached one, from the value columns as it reads them: what the snapshot
 * cache build writes (investment-sales.ts). Undefined when the export lacks what /investment-mismatch needs.
 */
export function joinInvestmentSales(
  warehouse: Warehouse,
  neededFor: string,
  /** loadSalesByCustomerId's answer from elsewhere (the build's id pass, customer-id-sales.ts) instead of SQLite. */
  salesById: SalesByCustomerId = loadSalesByCustomerId,
): InvestmentSales | undefined {
  const shape = investmentShape(warehouse);
  if (shape.kind === 'missing-columns') return undefined;
  const read = readTableColumns(warehouse, 'value', [...shape.analysed, ...shape.ids], { neededFor });
  return joinSales(warehouse, shape.mappingUnavailable, read.columns, read.length, read.report, salesById);
}

type InvestmentShape =
  | { readonly kind: 'missing-columns'; readonly missing: readonly MissingColumns[] }
  | {
      readonly kind: 'ok';
      /** The value columns the analysis reads (those the export has). */
      readonly analysed: readonly ValueColumn[];
      /** The value table's source id columns, for the mapping fallback. */
      readonly ids: readonly ValueColumn[];
      readonly missingDetailColumns: readonly string[];
      readonly mappingUnavailable: TableGap | null;
    };

/** What the export has of what §1 reads. */
function investmentShape(warehouse: Warehouse): InvestmentShape {
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
  return {
    kind: 'ok',
    analysed: [
      'primary_email',
      ...INVESTMENT_CORE_COLUMNS,
      ...INVESTMENT_DETAIL_COLUMNS.filter((c) => !missingDetailColumns.includes(c)),
    ] as ValueColumn[],
    ids: ids as ValueColumn[],
    missingDetailColumns,
    mappingUnavailable: !mapping.present
      ? { code: 'no-table', table: WAREHOUSE_TABLES.mapping.name }
      : mapping.missingColumns.length > 0
        ? { code: 'missing-columns', table: WAREHOUSE_TABLES.mapping.name, columns: mapping.missingColumns }
        : ids.length === 0
          ? { code: 'missing-columns', table: WAREHOUSE_TABLES.value.name, columns: SOURCE_ID_ORDER }
          : null,
  };
}

/** The cache's join, when it was built with one and can be read (else the join is made here). */
function cachedInvestmentSales(warehouse: Warehouse): InvestmentSales | undefined {
  try {
    return warehouse.snapshotCache && investmentSalesOf(warehouse.snapshotCache);
  } catch {
    // Cache files gone or unreadable (a newer export's build removed them): SQLite still has the truth.
    warehouse.snapshotCache = undefined;
    return undefined;
  }
}

/** loadInvestmentColumns with one InvestmentInputRow per customer, for the row path (each caller its own array). */
export function loadInvestmentCustomers(warehouse: Warehouse, neededFor: string): InvestmentRowsLoad {
  const load = loadInvestmentColumns(warehouse, neededFor);
  if (load.kind !== 'loaded') return load;
  const { columns, ...rest } = load;
  return { ...rest, rows: Array.from({ length: columns.length }, (_, r) => investmentRowAt(columns, r)) };
}

/** A number column as read, or all NULL when the export lacks it (what the row path's null was). */
function numberColumn(columns: Readonly<Record<string, TypedColumn>>, name: string, length: number): Float64Array {
  const column = columns[name];
  return column instanceof Float64Array ? column : new Float64Array(length).fill(Number.NaN);
}

import type { PriorityInputs, ValueCustomer } from '../../analysis/value-segments/value-customer.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import { readTable, type TableReadReport } from '../read-table.js';
import { readCachedColumns } from '../read-table-columns.js';
import type { CachedColumns, SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import type { ColumnOf, TableRow } from '../warehouse-schema.js';
import { type ColumnReader, columnReader } from './column-reader.js';

/** What /priority and /customer read: the score inputs and the figures a row shows. */
export const VALUE_PRIORITY_COLUMNS = [
  'primary_email',
  'primary_organization',
  'customer_tier',
  'portfolio_contribution_pct',
  'lifecycle_stage',
  'recency_score',
  'frequency_score',
  'monetary_score',
  'customer_health_score',
  'churn_probability',
  'estimated_customer_ltv',
] as const;

/** What /value-segments reads: the priority columns plus the group means and distributions of §3. */
export const VALUE_SEGMENT_COLUMNS = [
  ...VALUE_PRIORITY_COLUMNS,
  'expected_annual_revenue',
  'account_age_days',
  'days_since_last_activity',
  'rfm_segment',
  'recommended_engagement_model',
] as const;

type ValueColumn = (typeof VALUE_SEGMENT_COLUMNS)[number];
type AnyValueRow = Partial<TableRow<'value', ValueColumn>> & { readonly snapshotRank: number };

export interface LoadedValueCustomers {
  readonly customers: ValueCustomer[];
  readonly report: TableReadReport;
  /** When read from the snapshot cache: each customer's row among the cache's latest value rows, for joins by row. */
  readonly cacheRows?: CacheRows;
}

/** Rows of the snapshot cache's latest rows of a table, one per item of a list (customers, ranked rows). */
export interface CacheRows {
  readonly cache: SnapshotCache;
  readonly rows: Int32Array;
}

const LATEST_EMAIL = { tableId: 'value', rank: 1, column: 'primary_email' } as const;

/**
 * The latest value row per cleaned email, each carrying its second-latest row's priority
 * inputs when `withPrevious` (one SQL pass ranks both; the previous row is the next in
 * timestamp-desc, rowid-desc order).
 */
export function loadValueCustomers(
  warehouse: Warehouse,
  columns: readonly ColumnOf<'value'>[],
  options: { readonly neededFor: string; readonly withPrevious: boolean },
): LoadedValueCustomers {
  const perWarehouse = loadedByWarehouse(warehouse);
  const key = `${options.withPrevious}\u0000${columns.join('\u0000')}`;
  let loaded = perWarehouse.get(key);
  if (loaded) {
    perWarehouse.delete(key);
  } else {
    loaded = buildValueCustomers(warehouse, columns, options);
    if (perWarehouse.size >= KEPT_PER_WAREHOUSE) perWarehouse.delete(perWarehouse.keys().next().value as string);
  }
  perWarehouse.set(key, loaded);
  // A fresh array per caller (callers sort and filter it); the customers are readonly and shared.
  return { ...loaded, customers: loaded.customers.slice() };
}

/**
 * Built customers per open warehouse (one export), instead of the rows they come from: at a million customers the
 * build is ~1 s a call and /priority, /customer, /value-segments and the scan all start with it. Two column sets
 * are in use (priority and segments), so two are kept, least recently used out.
 */
const loadedByWarehouse = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, LoadedValueCustomers>());
const KEPT_PER_WAREHOUSE = 2;

function buildValueCustomers(
  warehouse: Warehouse,
  columns: readonly ColumnOf<'value'>[],
  options: { readonly neededFor: string; readonly withPrevious: boolean },
): LoadedValueCustomers {
  const cached = readCachedColumns(
    warehouse,
    'value',
    columns,
    { neededFor: options.neededFor, requireRows: true },
    options.withPrevious,
  );
  if (cached) {
    // The previous row of each latest row by email, joined on the stored bytes (no Map of a million emails).
    const previousRows = options.withPrevious
      ? cached.cache.joinedRows(LATEST_EMAIL, { ...LATEST_EMAIL, rank: 2 })
      : undefined;
    const { customers, rows } = customersFromColumns(cached.ranks, previousRows);
    return { customers, report: cached.report, cacheRows: { cache: cached.cache, rows } };
  }
  const { rows, report } = readTable(warehouse, 'value', columns, {
    snapshot: options.withPrevious ? 'previous' : 'latest',
    neededFor: options.neededFor,
    requireRows: true,
    keepRows: false,
  });
  const typed = rows as unknown as AnyValueRow[];
  const previous = new Map<string, PriorityInputs>();
  if (options.withPrevious) {
    for (const row of typed) {
      if (row.snapshotRank === 2 && row.primary_email) previous.set(row.primary_email, priorityInputs(row));
    }
  }
  const customers: ValueCustomer[] = [];
  for (const row of typed) {
    if (row.snapshotRank !== 1 || !row.primary_email) continue;
    customers.push(toValueCustomer(row, previous.get(row.primary_email) ?? null));
  }
  return { customers, report };
}

function priorityInputs(row: AnyValueRow): PriorityInputs {
  return {
    recency: row.recency_score ?? null,
    frequency: row.frequency_score ?? null,
    monetary: row.monetary_score ?? null,
    health: row.customer_health_score ?? null,
    churn: row.churn_probability ?? null,
  };
}

function toValueCustomer(row: AnyValueRow, previous: PriorityInputs | null): ValueCustomer {
  return {
    email: row.primary_email as string,
    organization: row.primary_organization ?? null,
    tier: row.customer_tier ?? null,
    portfolioPct: row.portfolio_contribution_pct ?? null,
    stage: row.lifecycle_stage ?? null,
    ...priorityInputs(row),
    ltv: row.estimated_customer_ltv ?? null,
    revenue: row.expected_annual_revenue ?? null,
    accountAgeDays: row.account_age_days ?? null,
    daysSinceLastActivity: row.days_since_last_activity ?? null,
    rfmSegment: row.rfm_segment ?? null,
    engagementModel: row.recommended_engagement_model ?? null,
    previous,
  };
}

/**
 * The same customers straight from the cache's columns (latest rank, and the second-latest for `previous`): no row
 * object per snapshot row in between, which at a million customers was two million short-lived objects. With
 * `previousRows` (each latest row's second-latest row by email) only the previous inputs that are used are built.
 * Also gives each customer's latest row.
 */
function customersFromColumns(
  ranks: readonly CachedColumns[],
  previousRows: Int32Array | undefined,
): { customers: ValueCustomer[]; rows: Int32Array } {
  const [latest, second] = ranks as [CachedColumns, CachedColumns | undefined];
  const secondAt = second && columnReader(second.columns);
  let previousOf: (email: string, r: number) => PriorityInputs | null = () => null;
  if (secondAt && previousRows) {
    previousOf = (_email, r) => {
      const p = previousRows[r] as number;
      return p < 0 ? null : priorityInputsAt(secondAt, p);
    };
  } else if (secondAt && second) {
    const previous = new Map<string, PriorityInputs>();
    for (let r = 0; r < second.rowids.length; r++) {
      const email = secondAt.text('primary_email', r);
      if (email) previous.set(email, priorityInputsAt(secondAt, r));
    }
    previousOf = (email) => previous.get(email) ?? null;
  }
  const at = columnReader(latest.columns);
  const customers: ValueCustomer[] = [];
  const rows = new Int32Array(latest.rowids.length);
  for (let r = 0; r < latest.rowids.length; r++) {
    const email = at.text('primary_email', r);
    if (!email) continue;
    rows[customers.length] = r;
    customers.push(cachedValueCustomer(at, r, email, previousOf(email, r)));
  }
  return { customers, rows: rows.subarray(0, customers.length) };
}

/** The customer of latest row r of the cache's columns (`at`), as loadValueCustomers builds it. */
export function cachedValueCustomer(
  at: ColumnReader,
  r: number,
  email: string,
  previous: PriorityInputs | null,
): ValueCustomer {
  return {
    email,
    organization: at.text('primary_organization', r),
    tier: at.text('customer_tier', r),
    portfolioPct: at.number('portfolio_contribution_pct', r),
    stage: at.text('lifecycle_stage', r),
    ...priorityInputsAt(at, r),
    ltv: at.number('estimated_customer_ltv', r),
    revenue: at.number('expected_annual_revenue', r),
    accountAgeDays: at.number('account_age_days', r),
    daysSinceLastActivity: at.number('days_since_last_activity', r),
    rfmSegment: at.text('rfm_segment', r),
    engagementModel: at.text('recommended_engagement_model', r),
    previous,
  };
}

export function priorityInputsAt(at: ColumnReader, r: number): PriorityInputs {
  return {
    recency: at.number('recency_score', r),
    frequency: at.number('frequency_score', r),
    monetary: at.number('monetary_score', r),
    health: at.number('customer_health_score', r),
    churn: at.number('churn_probability', r),
  };
}

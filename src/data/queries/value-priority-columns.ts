import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import type { PriorityColumnsInput, PriorityInputColumns } from '../../analysis/priority/priority-columns.js';
import type { ValueCustomer } from '../../analysis/value-segments/value-customer.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import { readCachedColumns } from '../read-table-columns.js';
import type { TypedColumn } from '../snapshot-cache/column-store.js';
import type { CachedColumns, SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import { type ColumnReader, columnReader } from './column-reader.js';
import { type CacheRows, cachedValueCustomer, priorityInputsAt, VALUE_PRIORITY_COLUMNS } from './value-customers.js';

/** What /priority reads of each value customer, as columns, with the customers built one at a time on demand. */
export interface LoadedPriorityColumns {
  readonly input: PriorityColumnsInput;
  readonly stage: CodedColumn;
  readonly report: TableReadReport;
  /** Each customer's row among the cache's latest value rows (the same rows as `input.rows`). */
  readonly cacheRows: CacheRows;
  /** Customer i: the object loadValueCustomers' customers[i] is, built when asked for. */
  readonly customerAt: (i: number) => ValueCustomer;
  /** The latest value columns, for figures of rows not built as customers (the list of every match). */
  readonly latest: ColumnReader;
}

const LATEST_EMAIL = { tableId: 'value', rank: 1, column: 'primary_email' } as const;

/** Built per open warehouse; a cache that could not serve them is not asked again. */
const loaded = new WeakMap<Warehouse, LoadedPriorityColumns>();
const refused = new WeakSet<SnapshotCache>();

/**
 * loadValueCustomers(VALUE_PRIORITY_COLUMNS, withPrevious) as columns, once per open warehouse, from the snapshot
 * cache: the same customers in the same order (a latest row with an email each) and the same report, without an
 * object per customer. Null when the cache cannot serve it (no cache yet, or its email columns cannot be joined by
 * bytes); /priority then takes the row path. A cache attached later (serve builds one in the background) is used
 * from then on.
 */
export function loadPriorityColumns(warehouse: Warehouse, neededFor: string): LoadedPriorityColumns | null {
  const known = loaded.get(warehouse);
  if (known) return known;
  const cache = warehouse.snapshotCache;
  if (!cache || refused.has(cache)) return null;
  const built = buildPriorityColumns(warehouse, neededFor);
  if (built) loaded.set(warehouse, built);
  else refused.add(cache);
  return built;
}

function buildPriorityColumns(warehouse: Warehouse, neededFor: string): LoadedPriorityColumns | null {
  const cached = readCachedColumns(warehouse, 'value', VALUE_PRIORITY_COLUMNS, { neededFor, requireRows: true }, true);
  if (!cached) return null;
  const { cache } = cached;
  const [latest, second] = cached.ranks as [CachedColumns, CachedColumns | undefined];
  const previousRow = second ? cache.joinedRows(LATEST_EMAIL, { ...LATEST_EMAIL, rank: 2 }) : null;
  if (previousRow === undefined) return null;
  const at = columnReader(latest.columns);
  const emails = textColumn(latest.columns.primary_email, latest.rowids.length);
  const rows = new Int32Array(latest.rowids.length);
  let customers = 0;
  for (let r = 0; r < rows.length; r++) {
    const code = emails.indices[r] as number;
    // A customer per latest row with an email, as loadValueCustomers skips rows without one.
    if (code >= 0 && emails.dictionary[code] !== '') rows[customers++] = r;
  }
  const customerRows = rows.subarray(0, customers);
  const secondAt = second ? columnReader(second.columns) : null;
  const input: PriorityColumnsInput = {
    rows: customerRows,
    emails,
    tier: textColumn(latest.columns.customer_tier, rows.length),
    portfolioPct: numberColumn(latest.columns.portfolio_contribution_pct, rows.length),
    latest: inputColumns(latest),
    previous: second ? inputColumns(second) : null,
    previousRow,
  };
  return {
    input,
    stage: textColumn(latest.columns.lifecycle_stage, rows.length),
    report: cached.report,
    cacheRows: { cache, rows: customerRows },
    customerAt(i) {
      const r = customerRows[i] as number;
      const q = previousRow ? (previousRow[r] as number) : -1;
      const previous = secondAt && q >= 0 ? priorityInputsAt(secondAt, q) : null;
      return cachedValueCustomer(at, r, at.text('primary_email', r) as string, previous);
    },
    latest: at,
  };
}

function inputColumns(rank: CachedColumns): PriorityInputColumns {
  const length = rank.rowids.length;
  return {
    recency: numberColumn(rank.columns.recency_score, length),
    frequency: numberColumn(rank.columns.frequency_score, length),
    monetary: numberColumn(rank.columns.monetary_score, length),
    health: numberColumn(rank.columns.customer_health_score, length),
    churn: numberColumn(rank.columns.churn_probability, length),
  };
}

/** A number column as columnReader reads it: anything but numbers (a missing or text column) is all NULL. */
function numberColumn(column: TypedColumn | undefined, length: number): Float64Array {
  return column instanceof Float64Array ? column : new Float64Array(length).fill(Number.NaN);
}

/** A text column as columnReader reads it: a missing or number column is all NULL. */
function textColumn(column: TypedColumn | undefined, length: number): CodedColumn {
  return column === undefined || column instanceof Float64Array
    ? { indices: new Int32Array(length).fill(-1), dictionary: [] }
    : column;
}

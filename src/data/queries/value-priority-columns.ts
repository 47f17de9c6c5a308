import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import type { PriorityColumnsInput, PriorityInputColumns } from '../../analysis/priority/priority-columns.js';
import type { PriorityInputs, ValueCustomer } from '../../analysis/value-segments/value-customer.js';
import { oncePerWarehouse } from '../once-per-warehouse.js';
import type { Warehouse } from '../open-warehouse.js';
import type { TableReadReport } from '../read-table.js';
import { readCachedColumns } from '../read-table-columns.js';
import type { TypedColumn } from '../snapshot-cache/column-store.js';
import { codesOfValues, valuesOfCodes } from '../snapshot-cache/key-space-store.js';
import type { CachedColumns, SnapshotCache } from '../snapshot-cache/snapshot-cache.js';
import { type ColumnReader, columnReader } from './column-reader.js';
import { type CacheRows, cachedValueCustomer, priorityInputsAt, VALUE_PRIORITY_COLUMNS } from './value-customers.js';

/** What /priority reads of each value customer, as columns, with the customers built one at a time on demand. */
export interface LoadedPriorityColumns {
  /** The ranking's input; its previous-row join (every latest email against the previous rows') is made on first read. */
  readonly input: PriorityColumnsInput;
  /** The input's latest-row columns alone (no join): what one customer's lookup, rank and tier medians read. */
  readonly customers: Omit<PriorityColumnsInput, 'previous' | 'previousRow'>;
  readonly stage: CodedColumn;
  /** estimated_customer_ltv of the latest rows (NaN: NULL). */
  readonly ltv: Float64Array;
  /** primary_organization of the latest rows. */
  readonly organizations: CodedColumn;
  readonly report: TableReadReport;
  /** Each customer's row among the cache's latest value rows (the same rows as `input.rows`). */
  readonly cacheRows: CacheRows;
  /** Customer i: the object loadValueCustomers' customers[i] is, built when asked for. */
  readonly customerAt: (i: number) => ValueCustomer;
  /** The latest value columns, for figures of rows not built as customers (the list of every match). */
  readonly latest: ColumnReader;
  /** Per code of `input.emails` (distinct values), the index in `values` of its value (-1: none). */
  readonly emailCodesOf: (values: readonly string[]) => Int32Array;
  /** The emails of some codes of `input.emails`, decoding only those. */
  readonly emailsOf: (codes: ArrayLike<number>) => string[];
}

const LATEST_EMAIL = { tableId: 'value', rank: 1, column: 'primary_email' } as const;
const PREVIOUS_EMAIL = { ...LATEST_EMAIL, rank: 2 } as const;

/**
 * Built per open warehouse and snapshot cache, kept within the export memory budget (export-memory.ts) like every
 * per-export structure; null for a cache that could not serve them, so it is not asked again.
 */
const builtPerCache = oncePerWarehouse(
  (_warehouse: Warehouse) => new WeakMap<SnapshotCache, LoadedPriorityColumns | null>(),
);

/**
 * loadValueCustomers(VALUE_PRIORITY_COLUMNS, withPrevious) as columns, once per open warehouse, from the snapshot
 * cache: the same customers in the same order (a latest row with an email each) and the same report, without an
 * object per customer. Null when the cache cannot serve it (no cache yet); /priority then takes the row path. A
 * cache attached later (serve builds one in the background) is used from then on.
 */
export function loadPriorityColumns(warehouse: Warehouse, neededFor: string): LoadedPriorityColumns | null {
  const cache = warehouse.snapshotCache;
  if (!cache) return null;
  const built = builtPerCache(warehouse);
  let loaded = built.get(cache);
  if (loaded === undefined) {
    loaded = buildPriorityColumns(warehouse, neededFor);
    built.set(cache, loaded);
  }
  return loaded;
}

function buildPriorityColumns(warehouse: Warehouse, neededFor: string): LoadedPriorityColumns | null {
  const cached = readCachedColumns(warehouse, 'value', VALUE_PRIORITY_COLUMNS, { neededFor, requireRows: true }, true);
  if (!cached) return null;
  const { cache } = cached;
  const [latest, second] = cached.ranks as [CachedColumns, CachedColumns | undefined];
  const at = columnReader(latest.columns);
  const emails = textColumn(latest.columns.primary_email, latest.rowids.length);
  // Codes of the empty email without decoding every email (a key space's values are hashed as bytes).
  const emptyOfCode = codesOfValues(emails, ['']);
  const rows = new Int32Array(latest.rowids.length);
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const code = emails.indices[r] as number;
    // A customer per latest row with an email, as loadValueCustomers skips rows without one.
    if (code >= 0 && emptyOfCode[code] !== 0) rows[count++] = r;
  }
  const customerRows = rows.subarray(0, count);
  const secondAt = second ? columnReader(second.columns) : null;
  let previousRow: Int32Array | null | undefined;
  /** Each latest row's previous row: joined on the stored bytes, else by the decoded emails. */
  const previousRows = (): Int32Array | null => {
    if (previousRow === undefined) {
      previousRow = second
        ? (cache.joinedRows(LATEST_EMAIL, PREVIOUS_EMAIL) ??
          previousRowsByText(emails, textColumn(second.columns.primary_email, second.rowids.length)))
        : null;
    }
    return previousRow;
  };
  /** One latest row's previous row: the join's answer, found for that email alone while there is no join. */
  const previousRowOf = (r: number): number => {
    if (!second) return -1;
    if (previousRow === undefined) {
      const alone = cache.lastRowWithValue(PREVIOUS_EMAIL, at.text('primary_email', r) as string);
      if (alone !== undefined) return alone;
    }
    return (previousRows() as Int32Array)[r] as number;
  };
  const customers = {
    rows: customerRows,
    emails,
    tier: textColumn(latest.columns.customer_tier, rows.length),
    portfolioPct: numberColumn(latest.columns.portfolio_contribution_pct, rows.length),
    latest: inputColumns(latest),
  };
  let input: PriorityColumnsInput | undefined;
  return {
    get input() {
      input ??= { ...customers, previous: second ? inputColumns(second) : null, previousRow: previousRows() };
      return input;
    },
    customers,
    stage: textColumn(latest.columns.lifecycle_stage, rows.length),
    ltv: numberColumn(latest.columns.estimated_customer_ltv, rows.length),
    organizations: textColumn(latest.columns.primary_organization, rows.length),
    report: cached.report,
    cacheRows: { cache, rows: customerRows },
    customerAt(i) {
      const r = customerRows[i] as number;
      const q = previousRowOf(r);
      const previous: PriorityInputs | null = secondAt && q >= 0 ? priorityInputsAt(secondAt, q) : null;
      return cachedValueCustomer(at, r, at.text('primary_email', r) as string, previous);
    },
    latest: at,
    emailCodesOf: (values) => codesOfValues(emails, values),
    emailsOf: (codes) => valuesOfCodes(emails, codes),
  };
}

/** joinedRows by decoded strings, for emails the cache did not store as plain bytes: the last previous row wins. */
function previousRowsByText(latest: CodedColumn, previous: CodedColumn): Int32Array {
  const rowOf = new Map<string, number>();
  for (let q = 0; q < previous.indices.length; q++) {
    const code = previous.indices[q] as number;
    if (code >= 0) rowOf.set(previous.dictionary[code] as string, q);
  }
  return Int32Array.from(latest.indices, (code) =>
    code < 0 ? -1 : (rowOf.get(latest.dictionary[code] as string) ?? -1),
  );
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

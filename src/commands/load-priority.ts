import {
  computePriority,
  DEFAULT_PRIORITY_OPTIONS,
  type PriorityOptions,
  type PriorityResult,
  type ScoredCustomer,
} from '../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../analysis/value-segments/value-customer.js';
import { oncePerWarehouse } from '../data/once-per-warehouse.js';
import type { Warehouse } from '../data/open-warehouse.js';
import { type CacheRows, loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../data/queries/value-customers.js';
import type { TableReadReport } from '../data/read-table.js';

export interface LoadedPriority {
  /** The latest value row per customer (shared: never mutate). */
  readonly customers: readonly ValueCustomer[];
  readonly report: TableReadReport;
  readonly result: PriorityResult;
  /** When read from the snapshot cache: each customer's row among the cache's latest value rows. */
  readonly cacheRows?: CacheRows;
  /** A customer's value row and scored row by cleaned email; the email → row index is built on first use. */
  readonly rowOf: (email: string) => {
    readonly value: ValueCustomer | undefined;
    readonly scored: ScoredCustomer | undefined;
  };
}

/**
 * The §4 ranking of every customer, once per open export and set of options: /priority and the red-zone scan (and
 * its digest) all rank the same million customers, and the sort alone took ~1.5 s of CPU a call at 1M.
 */
export function loadPriority(
  warehouse: Warehouse,
  neededFor: string,
  options: PriorityOptions = DEFAULT_PRIORITY_OPTIONS,
): LoadedPriority {
  const built = rankingsBuilt(warehouse);
  const key = JSON.stringify(options);
  const cached = built.get(key);
  if (cached) return cached;
  const { customers, report, cacheRows } = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
    neededFor,
    withPrevious: true,
  });
  const result = computePriority(customers, options);
  const loaded: LoadedPriority = {
    customers,
    report,
    result,
    ...(cacheRows ? { cacheRows } : {}),
    rowOf: rowIndex(customers, result),
  };
  built.set(key, loaded);
  // Weights change rarely (a CSM trying a few); the defaults and the last other set are enough.
  if (built.size > MAX_OPTION_SETS) built.delete(built.keys().next().value as string);
  return loaded;
}

const MAX_OPTION_SETS = 2;

const rankingsBuilt = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, LoadedPriority>());

/**
 * Email → value row and ranked row, as Maps filled in row order would answer (the last row of an email wins), but
 * held as one Map to a row number and a typed array of ranked positions instead of two maps of a million entries.
 * The latest value rows are one per cleaned email, so a customer's ranked row is found by its index (rankedFrom).
 */
function rowIndex(customers: readonly ValueCustomer[], result: PriorityResult): LoadedPriority['rowOf'] {
  let index: Map<string, number> | undefined;
  let rankedAt: Int32Array | undefined;
  return (email) => {
    if (!index || !rankedAt) {
      index = new Map();
      for (let i = 0; i < customers.length; i++) index.set((customers[i] as ValueCustomer).email, i);
      rankedAt = new Int32Array(customers.length).fill(-1);
      const { rankedFrom } = result;
      for (let p = 0; p < rankedFrom.length; p++) rankedAt[rankedFrom[p] as number] = p;
    }
    const row = index.get(email);
    if (row === undefined) return { value: undefined, scored: undefined };
    const at = rankedAt[row] as number;
    return { value: customers[row], scored: at < 0 ? undefined : result.ranked[at] };
  };
}

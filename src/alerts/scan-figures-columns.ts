import { type CodedColumn, sharesKeys } from '../analysis/columns/coded-column.js';
import { type RankedPriorityColumns, scoredRowAt } from '../analysis/priority/priority-columns.js';
import type { ScoredCustomer } from '../analysis/priority/priority-score.js';
import type { LoadedPriorityColumns } from '../data/queries/value-priority-columns.js';
import type { CustomerFigures } from './alert-types.js';
import { NO_FIGURES, type RowFiguresLookup } from './scanned-customer-columns.js';

interface CustomerJoin {
  /** Per activity row, its value customer (-1: none). */
  readonly customerOfRow: Int32Array;
  /** Per value customer, its rank position (-1: not ranked). */
  readonly positionOf: Int32Array;
}

/** Per ranking and activity key column: the join is the same for every scan of an export. */
const joins = new WeakMap<RankedPriorityColumns, WeakMap<CodedColumn, CustomerJoin>>();

/**
 * The figures of an activity row's customer from the value columns and their column ranking, as figuresOf gives them
 * from the value row and ranked row found by email (loadPriority's rowOf: the last value row of the email). The
 * activity and value emails are joined once by code (one key space), or by their decoded values otherwise.
 */
export function figuresFromColumns(
  activityKey: CodedColumn,
  value: LoadedPriorityColumns,
  ranked: RankedPriorityColumns,
): RowFiguresLookup {
  const { customerOfRow, positionOf } = customerJoin(activityKey, value, ranked);
  const { latest } = value;
  const rows = value.cacheRows.rows;
  return (row) => {
    const i = customerOfRow[row] as number;
    if (i < 0) return { value: undefined, figures: NO_FIGURES };
    const r = rows[i] as number;
    const p = positionOf[i] as number;
    const figures: CustomerFigures = {
      tier: latest.text('customer_tier', r),
      stage: latest.text('lifecycle_stage', r),
      ltv: latest.number('estimated_customer_ltv', r),
      health: latest.number('customer_health_score', r),
      churn: latest.number('churn_probability', r),
      priority: p < 0 ? null : (ranked.priority[p] as number),
      priorityRank: p < 0 ? null : p + 1,
      rankedOf: ranked.n,
    };
    return { value: { organization: latest.text('primary_organization', r) }, figures };
  };
}

/** The first `count` rows of a column ranking, as PriorityResult.ranked.slice(0, count) holds them. */
export function topRankedRows(
  value: LoadedPriorityColumns,
  ranked: RankedPriorityColumns,
  count: number,
): ScoredCustomer[] {
  return Array.from({ length: Math.min(count, ranked.n) }, (_, p) =>
    scoredRowAt(ranked, p, value.customerAt(ranked.rankedFrom[p] as number)),
  );
}

function customerJoin(
  activityKey: CodedColumn,
  value: LoadedPriorityColumns,
  ranked: RankedPriorityColumns,
): CustomerJoin {
  let perKey = joins.get(ranked);
  if (!perKey) {
    perKey = new WeakMap();
    joins.set(ranked, perKey);
  }
  let join = perKey.get(activityKey);
  if (!join) {
    const { rows, emails } = value.customers;
    const positionOf = new Int32Array(rows.length).fill(-1);
    for (let p = 0; p < ranked.n; p++) positionOf[ranked.rankedFrom[p] as number] = p;
    join = { customerOfRow: customerOfActivityRow(activityKey, rows, emails), positionOf };
    perKey.set(activityKey, join);
  }
  return join;
}

/** Per activity row, the last value customer with its email (-1: none). */
function customerOfActivityRow(activityKey: CodedColumn, rows: Int32Array, emails: CodedColumn): Int32Array {
  const out = new Int32Array(activityKey.indices.length).fill(-1);
  if (sharesKeys(activityKey, emails)) {
    const customerOfCode = new Int32Array((emails.keys as { size: number }).size).fill(-1);
    for (let i = 0; i < rows.length; i++) customerOfCode[emails.indices[rows[i] as number] as number] = i;
    for (let r = 0; r < out.length; r++) {
      const code = activityKey.indices[r] as number;
      if (code >= 0) out[r] = customerOfCode[code] as number;
    }
    return out;
  }
  const customerOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    customerOf.set(emails.dictionary[emails.indices[rows[i] as number] as number] as string, i);
  }
  for (let r = 0; r < out.length; r++) {
    const code = activityKey.indices[r] as number;
    if (code >= 0) out[r] = customerOf.get(activityKey.dictionary[code] as string) ?? -1;
  }
  return out;
}

import { nativeAscendingOrder } from '../stats/radix-order.js';
import { CoMoments } from './co-moments.js';
import {
  SEGMENT_GROUPS,
  type SegmentGroupResult,
  segmentAccumulators,
  segmentGroupResult,
} from './compute-value-segments.js';
import type { GroupAccumulator } from './group-accumulator.js';
import { ALL_GROUP, addLevelsToGroup, addRowsToGroups, type LevelCounts, levelCounts } from './segment-row-pass.js';
import type { FunnelColumnsInput, ValueSegmentColumns } from './value-segment-columns.js';

/**
 * What /value-segments compares every cut with and what no option changes: the 'All' group (every customer), the
 * RFM × LTV co-moments, and the customers in churn order. Worked out once per export (a caller keeps it), so an
 * answer only splits the customers by its cut: at a million customers the 'All' group was half of each answer's
 * accumulation and its churn sort the largest of the box plots' sorts. Pure.
 */
export interface ValuePopulation {
  /** Customers: rows with an email. */
  readonly n: number;
  /** The 'All' group's figures, as computeValueSegments gives them for any cut. */
  readonly all: SegmentGroupResult;
  /** Customers whose funnel row joined (0 when the funnel has no rows). */
  readonly funnelJoined: number;
  /** RFM (column 0) and LTV (column 1) over every customer having both, in row order. */
  readonly rfmLtv: CoMoments;
  /**
   * Customer rows with a churn value, in the order the native numeric sort puts their churn values (-0 before 0;
   * equal values in row order): a group's churn values read in this order are already sorted.
   */
  readonly churnOrder: Int32Array;
  /** Their churn values in that order (sorted): a group's values are picked out of it, reading no row's column. */
  readonly churnSorted: Float64Array;
}

export function valuePopulationOf(columns: ValueSegmentColumns, funnel: FunnelColumnsInput): ValuePopulation {
  const accumulators = segmentAccumulators();
  const byGroup = SEGMENT_GROUPS.map((g) => accumulators.get(g) as GroupAccumulator);
  const levels = SEGMENT_GROUPS.map(() => levelCounts(columns));
  const funnelJoined = new Int32Array(SEGMENT_GROUPS.length);
  addRowsToGroups(columns, funnel, null, { accumulators: byGroup, levels, funnelJoined });
  const all = byGroup[ALL_GROUP] as GroupAccumulator;
  addLevelsToGroup(all, levels[ALL_GROUP] as LevelCounts, columns);
  const joined = funnelJoined[ALL_GROUP] as number;
  return {
    n: all.n,
    all: segmentGroupResult('All', all, funnel.available ? joined : null),
    funnelJoined: joined,
    rfmLtv: rfmLtvMoments(columns),
    ...churnOrderOf(columns),
  };
}

/**
 * Per group (indexed like SEGMENT_GROUPS; `groupOfRow[r]` is row r's), its churn values sorted as
 * Float64Array.prototype.sort sorts them, picked in churn order out of the population's sorted values.
 */
export function sortedChurnByGroup(
  population: Pick<ValuePopulation, 'churnOrder' | 'churnSorted'>,
  groupOfRow: Uint8Array,
): Float64Array[] {
  const { churnOrder, churnSorted } = population;
  const sizes = new Int32Array(SEGMENT_GROUPS.length);
  for (let k = 0; k < churnOrder.length; k++) {
    const g = groupOfRow[churnOrder[k] as number] as number;
    sizes[g] = (sizes[g] as number) + 1;
  }
  const out = SEGMENT_GROUPS.map((_, g) => new Float64Array(sizes[g] as number));
  const filled = new Int32Array(SEGMENT_GROUPS.length);
  for (let k = 0; k < churnOrder.length; k++) {
    const g = groupOfRow[churnOrder[k] as number] as number;
    (out[g] as Float64Array)[filled[g] as number] = churnSorted[k] as number;
    filled[g] = (filled[g] as number) + 1;
  }
  return out;
}

function rfmLtvMoments(c: ValueSegmentColumns): CoMoments {
  const pair = new CoMoments(2);
  const xy = new Float64Array(2);
  const emails = c.email.indices;
  for (let r = 0; r < emails.length; r++) {
    if ((emails[r] as number) < 0) continue;
    const rfm = ((c.recency[r] as number) + (c.frequency[r] as number) + (c.monetary[r] as number)) / 3;
    const ltv = c.ltv[r] as number;
    if (Number.isNaN(rfm) || Number.isNaN(ltv)) continue;
    xy[0] = rfm;
    xy[1] = ltv;
    pair.add(xy);
  }
  return pair;
}

/**
 * The customer rows with a churn value, ordered by it as the native sort orders the values (-0 before 0), equal
 * values in row order: one stable radix order over the rows' values.
 */
function churnOrderOf(c: ValueSegmentColumns): { churnOrder: Int32Array; churnSorted: Float64Array } {
  const emails = c.email.indices;
  const churn = c.churn;
  let k = 0;
  for (let r = 0; r < emails.length; r++) if ((emails[r] as number) >= 0 && !Number.isNaN(churn[r])) k++;
  const rows = new Int32Array(k);
  const values = new Float64Array(k);
  k = 0;
  for (let r = 0; r < emails.length; r++) {
    if ((emails[r] as number) < 0 || Number.isNaN(churn[r])) continue;
    rows[k] = r;
    values[k++] = churn[r] as number;
  }
  const byValue = nativeAscendingOrder(values);
  const order = new Int32Array(k);
  const sorted = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const j = byValue[i] as number;
    order[i] = rows[j] as number;
    sorted[i] = values[j] as number;
  }
  return { churnOrder: order, churnSorted: sorted };
}

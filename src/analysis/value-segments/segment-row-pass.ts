import { type CodedColumn, levelCount } from '../columns/coded-column.js';
import { FUNNEL_CONSISTENCY_SLOT, FUNNEL_VELOCITY_SLOT, SEGMENT_GROUPS, SLOTS } from './compute-value-segments.js';
import type { GroupAccumulator } from './group-accumulator.js';
import { DAYS_PER_MONTH, PROXY_METRICS, VALUE_METRICS } from './value-metrics.js';
import type { FunnelColumnsInput, ValueSegmentColumns } from './value-segment-columns.js';

/**
 * The per-row half of computeValueSegmentsColumns: each customer row's values, as the row path's formulas give them
 * (value-metrics.ts, on NaN-for-NULL numbers: NaN propagates where the row path returns NULL), added to its group's
 * accumulator in row order, so every sum, mean and co-moment takes the same values in the same order as the row
 * path and comes out as the same bits. Category counts are kept per code. Pure.
 */

/** Per group, rows per code of the three categories (the last slot: NULL). */
export interface LevelCounts {
  readonly stage: Int32Array;
  readonly rfmSegment: Int32Array;
  readonly engagementModel: Int32Array;
}

/** What a pass adds to, indexed like SEGMENT_GROUPS. */
export interface GroupSinks {
  readonly accumulators: readonly GroupAccumulator[];
  readonly levels: readonly LevelCounts[];
  /** Per group, the rows whose funnel row joined. */
  readonly funnelJoined: Int32Array;
}

export const ALL_GROUP = SEGMENT_GROUPS.indexOf('All');

export function levelCounts(c: ValueSegmentColumns): LevelCounts {
  return {
    stage: new Int32Array(levelCount(c.stage) + 1),
    rfmSegment: new Int32Array(levelCount(c.rfmSegment) + 1),
    engagementModel: new Int32Array(levelCount(c.engagementModel) + 1),
  };
}

/**
 * Adds every customer row (rows without an email are not customers) to the sinks of its group: `groupOfRow[r]`, an
 * index into SEGMENT_GROUPS, or the 'All' group for every row when null.
 */
export function addRowsToGroups(
  c: ValueSegmentColumns,
  funnel: FunnelColumnsInput,
  groupOfRow: Uint8Array | null,
  sinks: GroupSinks,
): void {
  const emails = c.email.indices;
  const rowOf = funnel.available ? funnel.rowOf : null;
  const funnelConsistency = funnel.available ? funnel.consistency : null;
  const funnelVelocity = funnel.available ? funnel.velocity : null;
  const values = new Float64Array(SLOTS);
  for (let r = 0; r < emails.length; r++) {
    if ((emails[r] as number) < 0) continue;
    const g = groupOfRow === null ? ALL_GROUP : (groupOfRow[r] as number);
    const recency = c.recency[r] as number;
    const frequency = c.frequency[r] as number;
    const monetary = c.monetary[r] as number;
    const ltv = c.ltv[r] as number;
    const age = c.accountAgeDays[r] as number;
    const inactiveDays = c.daysSinceLastActivity[r] as number;
    values[RECENCY] = recency;
    values[FREQUENCY] = frequency;
    values[MONETARY] = monetary;
    values[RFM] = (recency + frequency + monetary) / 3;
    values[LTV] = ltv;
    values[REVENUE] = c.revenue[r] as number;
    values[HEALTH] = c.health[r] as number;
    values[CHURN] = c.churn[r] as number;
    values[AGE] = age;
    values[DAYS] = inactiveDays;
    // consistencyProxy, ltvVelocityProxy and inactivityProxy (value-metrics.ts), same operations in the same order.
    const mean = (recency + frequency + monetary) / 3;
    const variance = ((recency - mean) ** 2 + (frequency - mean) ** 2 + (monetary - mean) ** 2) / 3;
    values[CONSISTENCY] = 1 / (1 + variance);
    values[LTV_VELOCITY] = age === 0 ? Number.NaN : ltv / (age / DAYS_PER_MONTH);
    values[INACTIVITY] = age === 0 ? Number.NaN : inactiveDays / age;
    const f = rowOf === null ? -1 : (rowOf[r] as number);
    values[FUNNEL_CONSISTENCY_SLOT] = f < 0 ? Number.NaN : ((funnelConsistency as Float64Array)[f] as number);
    values[FUNNEL_VELOCITY_SLOT] = f < 0 ? Number.NaN : ((funnelVelocity as Float64Array)[f] as number);
    if (f >= 0) sinks.funnelJoined[g] = (sinks.funnelJoined[g] as number) + 1;
    (sinks.accumulators[g] as GroupAccumulator).addValues(values);
    const counts = sinks.levels[g] as LevelCounts;
    countCode(counts.stage, c.stage.indices[r] as number);
    countCode(counts.rfmSegment, c.rfmSegment.indices[r] as number);
    countCode(counts.engagementModel, c.engagementModel.indices[r] as number);
  }
}

/** The category counts of group `g` as its accumulator's labelled counts. */
export function addLevelsToGroup(acc: GroupAccumulator, counts: LevelCounts, c: ValueSegmentColumns): void {
  addLevels(acc, acc.lifecycle, counts.stage, c.stage);
  addLevels(acc, acc.rfmSegment, counts.rfmSegment, c.rfmSegment);
  addLevels(acc, acc.engagementModel, counts.engagementModel, c.engagementModel);
}

const RECENCY = VALUE_METRICS.indexOf('recency');
const FREQUENCY = VALUE_METRICS.indexOf('frequency');
const MONETARY = VALUE_METRICS.indexOf('monetary');
const RFM = VALUE_METRICS.indexOf('rfm');
const LTV = VALUE_METRICS.indexOf('ltv');
const REVENUE = VALUE_METRICS.indexOf('revenue');
const HEALTH = VALUE_METRICS.indexOf('health');
const CHURN = VALUE_METRICS.indexOf('churn');
const AGE = VALUE_METRICS.indexOf('accountAgeDays');
const DAYS = VALUE_METRICS.indexOf('daysSinceLastActivity');
const CONSISTENCY = VALUE_METRICS.length + PROXY_METRICS.indexOf('consistency');
const LTV_VELOCITY = VALUE_METRICS.length + PROXY_METRICS.indexOf('ltvVelocity');
const INACTIVITY = VALUE_METRICS.length + PROXY_METRICS.indexOf('inactivity');

/** One more row with `code` (-1: NULL, counted in the last slot). */
function countCode(counts: Int32Array, code: number): void {
  const at = code < 0 ? counts.length - 1 : code;
  counts[at] = (counts[at] as number) + 1;
}

function addLevels(acc: GroupAccumulator, into: Map<string, number>, counts: Int32Array, column: CodedColumn): void {
  const missing = counts.length - 1;
  for (let code = 0; code < counts.length; code++) {
    const k = counts[code] as number;
    if (k > 0) acc.addLevel(into, code === missing ? null : codedLevel(column, code), k);
  }
}

function codedLevel(column: CodedColumn, code: number): string {
  return column.keys ? column.keys.value(code) : (column.dictionary[code] as string);
}

import { type CodedColumn, levelCount } from '../columns/coded-column.js';
import type { TableGap } from '../table-gap.js';
import { CoMoments } from './co-moments.js';
import {
  FUNNEL_CONSISTENCY_SLOT,
  FUNNEL_VELOCITY_SLOT,
  SEGMENT_GROUPS,
  SLOTS,
  segmentAccumulators,
  type ValueSegmentsResult,
  valueSegmentsResult,
} from './compute-value-segments.js';
import type { GroupAccumulator } from './group-accumulator.js';
import { DAYS_PER_MONTH, PROXY_METRICS, VALUE_METRICS } from './value-metrics.js';
import { DEFAULT_PORTFOLIO_CUT, HIGH_TIERS, LOW_TIERS, type ValueSegment } from './value-segment.js';

/** §3's inputs column by column: row r is one customer's latest value row (numbers NaN = NULL, text coded). */
export interface ValueSegmentColumns {
  readonly email: CodedColumn;
  readonly organization: CodedColumn;
  readonly tier: CodedColumn;
  readonly portfolioPct: Float64Array;
  readonly stage: CodedColumn;
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly health: Float64Array;
  readonly churn: Float64Array;
  readonly ltv: Float64Array;
  readonly revenue: Float64Array;
  readonly accountAgeDays: Float64Array;
  readonly daysSinceLastActivity: Float64Array;
  readonly rfmSegment: CodedColumn;
  readonly engagementModel: CodedColumn;
}

/** The funnel figures as columns, joined to the value rows once: FunnelInput without a Map entry per email. */
export type FunnelColumnsInput =
  | {
      readonly available: true;
      /** Per funnel row (NaN = NULL). */
      readonly consistency: Float64Array;
      readonly velocity: Float64Array;
      /** Per value row, its funnel row (same email), -1 when none. */
      readonly rowOf: Int32Array;
      /** Distinct emails among the funnel rows. */
      readonly customers: number;
    }
  | { readonly available: false; readonly gap: TableGap };

/**
 * computeValueSegments over columns, figure by figure: one loop over typed arrays in row order (so every sum, mean
 * and co-moment takes the same values in the same order, and comes out as the same bits), category counts per code
 * turned into labels once at the end. The row path's formulas (value-metrics.ts, value-segment.ts) are written out
 * here on NaN-for-NULL numbers: NaN propagates where the row path returns NULL, so a NULL in any input still gives
 * NULL (NaN) for the figure. Rows without an email are not customers (the row path never builds them). Pure.
 */
export function computeValueSegmentsColumns(
  columns: ValueSegmentColumns,
  funnel: FunnelColumnsInput,
  portfolioCut: number = DEFAULT_PORTFOLIO_CUT,
): ValueSegmentsResult {
  const c = columns;
  const emails = c.email.indices;
  let n = 0;
  for (let r = 0; r < emails.length; r++) if ((emails[r] as number) >= 0) n++;
  const accumulators = segmentAccumulators();
  const byGroup = SEGMENT_GROUPS.map((g) => accumulators.get(g) as GroupAccumulator);
  const all = byGroup[ALL] as GroupAccumulator;
  const levels = SEGMENT_GROUPS.map(
    (): LevelCounts => ({
      stage: new Int32Array(levelCount(c.stage) + 1),
      rfmSegment: new Int32Array(levelCount(c.rfmSegment) + 1),
      engagementModel: new Int32Array(levelCount(c.engagementModel) + 1),
    }),
  );
  const tierOf = tierClasses(c.tier);
  const joinedPerGroup = new Int32Array(SEGMENT_GROUPS.length);
  const rowOf = funnel.available ? funnel.rowOf : null;
  const funnelConsistency = funnel.available ? funnel.consistency : null;
  const funnelVelocity = funnel.available ? funnel.velocity : null;
  const points: { rfm: number; ltv: number; segment: ValueSegment }[] = [];
  const pair = new CoMoments(2);
  const xy = new Float64Array(2);
  const segments: ValueSegment[] = new Array(n);
  const days = new Float64Array(n);
  const values = new Float64Array(SLOTS);
  let i = 0;
  for (let r = 0; r < emails.length; r++) {
    if ((emails[r] as number) < 0) continue;
    const recency = c.recency[r] as number;
    const frequency = c.frequency[r] as number;
    const monetary = c.monetary[r] as number;
    const rfm = (recency + frequency + monetary) / 3;
    const ltv = c.ltv[r] as number;
    const age = c.accountAgeDays[r] as number;
    const inactiveDays = c.daysSinceLastActivity[r] as number;
    days[i] = inactiveDays;
    const g = groupOf(tierOf, c.tier.indices[r] as number, c.portfolioPct[r] as number, portfolioCut);
    const segment = SEGMENT_GROUPS[g] as ValueSegment;
    segments[i] = segment;
    values[RECENCY] = recency;
    values[FREQUENCY] = frequency;
    values[MONETARY] = monetary;
    values[RFM] = rfm;
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
    if (f >= 0) {
      joinedPerGroup[g] = (joinedPerGroup[g] as number) + 1;
      joinedPerGroup[ALL] = (joinedPerGroup[ALL] as number) + 1;
    }
    (byGroup[g] as GroupAccumulator).addValues(values);
    all.addValues(values);
    countLevels(levels[g] as LevelCounts, c, r);
    countLevels(levels[ALL] as LevelCounts, c, r);
    if (!Number.isNaN(rfm) && !Number.isNaN(ltv)) {
      points.push({ rfm, ltv, segment });
      xy[0] = rfm;
      xy[1] = ltv;
      pair.add(xy);
    }
    i++;
  }
  SEGMENT_GROUPS.forEach((group, k) => {
    const acc = accumulators.get(group) as GroupAccumulator;
    const counts = levels[k] as LevelCounts;
    addLevels(acc, acc.lifecycle, counts.stage, c.stage);
    addLevels(acc, acc.rfmSegment, counts.rfmSegment, c.rfmSegment);
    addLevels(acc, acc.engagementModel, counts.engagementModel, c.engagementModel);
  });
  const funnelJoined = new Map(SEGMENT_GROUPS.map((g, k) => [g, joinedPerGroup[k] as number]));
  return valueSegmentsResult({
    n,
    portfolioCut,
    accumulators,
    funnel,
    funnelJoined,
    points,
    pair,
    days,
    segments,
  });
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

const HV = SEGMENT_GROUPS.indexOf('HV');
const SMB = SEGMENT_GROUPS.indexOf('SMB');
const OTHER = SEGMENT_GROUPS.indexOf('Other');
const ALL = SEGMENT_GROUPS.indexOf('All');
const HIGH = 1;
const LOW = 2;

/** Per group, rows per code of the three categories (the last slot: NULL). */
interface LevelCounts {
  readonly stage: Int32Array;
  readonly rfmSegment: Int32Array;
  readonly engagementModel: Int32Array;
}

/** Per tier code: HIGH for Gold/Platinum, LOW for Basic/Bronze/Silver, 0 for any other tier. */
function tierClasses(tier: CodedColumn): Uint8Array {
  const classes = new Uint8Array(levelCount(tier));
  tier.dictionary.forEach((label, code) => {
    classes[code] = HIGH_TIERS.includes(label) ? HIGH : LOW_TIERS.includes(label) ? LOW : 0;
  });
  return classes;
}

/** valueSegmentOf on a tier code (-1: NULL) and a share (NaN: NULL), as the segment's index in SEGMENT_GROUPS. */
function groupOf(tierOf: Uint8Array, tierCode: number, share: number, cut: number): number {
  if (tierCode < 0 || Number.isNaN(share)) return OTHER;
  const tier = tierOf[tierCode] as number;
  if (tier === HIGH) return share > cut ? HV : OTHER;
  if (tier === LOW) return share <= cut ? SMB : OTHER;
  return OTHER;
}

function countLevels(counts: LevelCounts, c: ValueSegmentColumns, r: number): void {
  countCode(counts.stage, c.stage.indices[r] as number);
  countCode(counts.rfmSegment, c.rfmSegment.indices[r] as number);
  countCode(counts.engagementModel, c.engagementModel.indices[r] as number);
}

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

import { type CodedColumn, levelCount } from '../columns/coded-column.js';
import type { TableGap } from '../table-gap.js';
import {
  SEGMENT_GROUPS,
  segmentAccumulators,
  type ValueSegmentsResult,
  valueSegmentsResult,
} from './compute-value-segments.js';
import type { GroupAccumulator } from './group-accumulator.js';
import { addLevelsToGroup, addRowsToGroups, type LevelCounts, levelCounts } from './segment-row-pass.js';
import { sortedChurnByGroup, type ValuePopulation, valuePopulationOf } from './value-population.js';
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
 * computeValueSegments over columns, figure by figure: each customer row's values go to its group's accumulator in
 * row order (segment-row-pass.ts: every sum, mean and co-moment takes the same values in the same order, so the same
 * bits), category counts per code turned into labels once at the end. What no cut changes (the 'All' group, the
 * RFM × LTV line, the churn order) comes from `population` (valuePopulationOf), which a caller keeps per export; a
 * group's churn values are read in churn order, already sorted. Rows without an email are not customers (the row
 * path never builds them). Pure.
 */
export function computeValueSegmentsColumns(
  columns: ValueSegmentColumns,
  funnel: FunnelColumnsInput,
  portfolioCut: number = DEFAULT_PORTFOLIO_CUT,
  population: ValuePopulation = valuePopulationOf(columns, funnel),
): ValueSegmentsResult {
  const c = columns;
  const emails = c.email.indices;
  const n = population.n;
  const tierOf = tierClasses(c.tier);
  const groupOfRow = new Uint8Array(emails.length);
  const points: { rfm: number; ltv: number; segment: ValueSegment }[] = [];
  const segments: ValueSegment[] = new Array(n);
  const days = new Float64Array(n);
  let i = 0;
  for (let r = 0; r < emails.length; r++) {
    if ((emails[r] as number) < 0) continue;
    const g = groupOf(tierOf, c.tier.indices[r] as number, c.portfolioPct[r] as number, portfolioCut);
    groupOfRow[r] = g;
    const segment = SEGMENT_GROUPS[g] as ValueSegment;
    segments[i] = segment;
    days[i] = c.daysSinceLastActivity[r] as number;
    const rfm = ((c.recency[r] as number) + (c.frequency[r] as number) + (c.monetary[r] as number)) / 3;
    const ltv = c.ltv[r] as number;
    if (!Number.isNaN(rfm) && !Number.isNaN(ltv)) points.push({ rfm, ltv, segment });
    i++;
  }
  const accumulators = segmentAccumulators(true);
  const byGroup = SEGMENT_GROUPS.map((g) => accumulators.get(g) as GroupAccumulator);
  const levels = SEGMENT_GROUPS.map(() => levelCounts(c));
  const joinedPerGroup = new Int32Array(SEGMENT_GROUPS.length);
  addRowsToGroups(c, funnel, groupOfRow, { accumulators: byGroup, levels, funnelJoined: joinedPerGroup });
  const churn = sortedChurnByGroup(population, groupOfRow);
  for (const g of [HV, SMB, OTHER]) {
    const acc = byGroup[g] as GroupAccumulator;
    acc.useSortedChurn(churn[g] as Float64Array);
    addLevelsToGroup(acc, levels[g] as LevelCounts, c);
  }
  const funnelJoined = new Map(SEGMENT_GROUPS.map((g, k) => [g, joinedPerGroup[k] as number]));
  funnelJoined.set('All', population.funnelJoined);
  return valueSegmentsResult({
    n,
    portfolioCut,
    accumulators,
    funnel,
    funnelJoined,
    points,
    pair: population.rfmLtv,
    days,
    segments,
    worked: new Map([['All', population.all]]),
  });
}

const HV = SEGMENT_GROUPS.indexOf('HV');
const SMB = SEGMENT_GROUPS.indexOf('SMB');
const OTHER = SEGMENT_GROUPS.indexOf('Other');
const HIGH = 1;
const LOW = 2;

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

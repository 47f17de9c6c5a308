import type { CodedColumn } from '../columns/coded-column.js';
import type { ValueCustomer } from '../value-segments/value-customer.js';
import { VALUE_SEGMENTS, valueSegmentOf } from '../value-segments/value-segment.js';
import { rankingOrder } from './priority-ranking-order.js';
import { PRIORITY_ROUTES, type PriorityRoute } from './priority-routes.js';
import { priorityScaling } from './priority-scaling.js';
import {
  type PriorityInput,
  type PriorityOptions,
  type PriorityResult,
  routeOf,
  type ScoredCustomer,
} from './priority-score.js';

/** The five §4 inputs of some rows, NaN for NULL. */
export type PriorityInputColumns = Readonly<Record<PriorityInput, Float64Array>>;

/**
 * The value customers of computePriority as columns: customer i is row `rows[i]` of the latest columns, and its
 * previous snapshot is row `previousRow[rows[i]]` of the previous columns (-1: none).
 */
export interface PriorityColumnsInput {
  readonly rows: Int32Array;
  readonly emails: CodedColumn;
  readonly tier: CodedColumn;
  readonly portfolioPct: Float64Array;
  readonly latest: PriorityInputColumns;
  readonly previous: PriorityInputColumns | null;
  readonly previousRow: Int32Array | null;
}

/** computePriority's figures, with each ranked row's fields in typed arrays by rank position instead of objects. */
export interface RankedPriorityColumns extends Omit<PriorityResult, 'ranked'> {
  readonly rfm: Float64Array;
  readonly priority: Float64Array;
  readonly cumeDist: Float64Array;
  /** The previous snapshot's priority; meaningful where `comparable[p]` is 1. */
  readonly previousPriority: Float64Array;
  readonly hasPreviousPriority: Uint8Array;
  /** Index into VALUE_SEGMENTS and PRIORITY_ROUTES. */
  readonly segment: Uint8Array;
  readonly route: Uint8Array;
  readonly normRfm: (x: number) => number;
  readonly normHealth: (x: number) => number;
}

const ROUTE_CODE = Object.fromEntries(PRIORITY_ROUTES.map((route, i) => [route, i])) as Record<PriorityRoute, number>;

/**
 * computePriority over columns: the same scale, priorities, ranks, cume_dists, changes and routes, computed with
 * the same arithmetic in the same order, without a ScoredCustomer (and its value row) per customer. scoredRowAt
 * builds the row of one rank position, for the rows an answer shows.
 */
export function rankPriorityColumns(input: PriorityColumnsInput, options: PriorityOptions): RankedPriorityColumns {
  const { rows, latest } = input;
  const missingInputs: Record<PriorityInput, number> = { recency: 0, frequency: 0, monetary: 0, health: 0, churn: 0 };
  // Sized for every row: at a million customers growing plain arrays by push cost copies and collections.
  const members = new Int32Array(rows.length);
  const rfms = new Float64Array(rows.length);
  let n = 0;
  let rfmMin = Number.POSITIVE_INFINITY;
  let rfmMax = Number.NEGATIVE_INFINITY;
  let healthMin = Number.POSITIVE_INFINITY;
  let healthMax = Number.NEGATIVE_INFINITY;
  const { recency, frequency, monetary, health: healths, churn } = latest;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    // Counted one input at a time (not through a list of names): this loop runs over every customer.
    const missingRecency = Number.isNaN(recency[r] as number);
    const missingFrequency = Number.isNaN(frequency[r] as number);
    const missingMonetary = Number.isNaN(monetary[r] as number);
    const missingHealth = Number.isNaN(healths[r] as number);
    const missingChurn = Number.isNaN(churn[r] as number);
    if (missingRecency) missingInputs.recency++;
    if (missingFrequency) missingInputs.frequency++;
    if (missingMonetary) missingInputs.monetary++;
    if (missingHealth) missingInputs.health++;
    if (missingChurn) missingInputs.churn++;
    if (missingRecency || missingFrequency || missingMonetary || missingHealth || missingChurn) continue;
    const rfm = ((latest.recency[r] as number) + (latest.frequency[r] as number) + (latest.monetary[r] as number)) / 3;
    const health = latest.health[r] as number;
    if (rfm < rfmMin) rfmMin = rfm;
    if (rfm > rfmMax) rfmMax = rfm;
    if (health < healthMin) healthMin = health;
    if (health > healthMax) healthMax = health;
    members[n] = i;
    rfms[n] = rfm;
    n++;
  }
  const { weights } = options;
  const { normRfm, normHealth, scoreOf } = priorityScaling(weights, rfmMin, rfmMax, healthMin, healthMax);

  const scored = new Float64Array(n);
  const emails = new Array<string>(n);
  // Read once: a key space's dictionary is a getter.
  const { dictionary: emailValues, indices: emailCodes } = input.emails;
  for (let k = 0; k < n; k++) {
    const r = rows[members[k] as number] as number;
    scored[k] = scoreOf(rfms[k] as number, healths[r] as number, churn[r] as number);
    emails[k] = emailValues[emailCodes[r] as number] as string;
  }
  const order = rankingOrder({ priorities: scored, emails });

  // Per scored customer in input order (the columns read in order): previous score and segment. Reading the
  // columns in rank order instead jumps across a dozen arrays of a million values, which cost more than the ranking.
  const previousOf = new Float64Array(n);
  // 0: no previous row; 1: a previous row without every input; 2: a previous score.
  const previousKind = new Uint8Array(n);
  const segmentOf = new Uint8Array(n);
  const segmentCode = segmentCoder(input);
  for (let k = 0; k < n; k++) {
    const r = rows[members[k] as number] as number;
    const previous = previousScore(input, r, scoreOf);
    if (previous !== undefined) previousKind[k] = previous === null ? 1 : 2;
    if (previous !== undefined && previous !== null) previousOf[k] = previous;
    segmentOf[k] = segmentCode(r);
  }

  const rankedFrom = new Uint32Array(n);
  const rfm = new Float64Array(n);
  const priority = new Float64Array(n);
  const cumeDist = new Float64Array(n);
  const previousPriority = new Float64Array(n);
  const hasPreviousPriority = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const route = new Uint8Array(n);
  const routeCounts = Object.fromEntries(PRIORITY_ROUTES.map((r) => [r, 0])) as Record<PriorityRoute, number>;
  let withPrevious = 0;
  let comparable = 0;
  let runStart = 0;
  for (let p = 0; p < n; p++) {
    const k = order[p] as number;
    if (p > 0 && scored[k] !== scored[order[p - 1] as number]) runStart = p;
    const value = scored[k] as number;
    rankedFrom[p] = members[k] as number;
    rfm[p] = rfms[k] as number;
    priority[p] = value;
    cumeDist[p] = (n - runStart) / n;
    const kind = previousKind[k] as number;
    if (kind > 0) withPrevious++;
    const change = kind === 2 ? value - (previousOf[k] as number) : null;
    if (change !== null) {
      comparable++;
      previousPriority[p] = previousOf[k] as number;
      hasPreviousPriority[p] = 1;
    }
    segment[p] = segmentOf[k] as number;
    const routeName = routeOf(
      VALUE_SEGMENTS[segment[p] as number] as (typeof VALUE_SEGMENTS)[number],
      cumeDist[p] as number,
      change,
      options,
    );
    route[p] = ROUTE_CODE[routeName];
    routeCounts[routeName]++;
  }
  return {
    options,
    n,
    excluded: rows.length - n,
    missingInputs,
    scale: {
      rfm: n > 0 ? { min: rfmMin, max: rfmMax } : null,
      health: n > 0 ? { min: healthMin, max: healthMax } : null,
    },
    withPrevious,
    comparable,
    routeCounts,
    rankedFrom,
    rfm,
    priority,
    cumeDist,
    previousPriority,
    hasPreviousPriority,
    segment,
    route,
    normRfm,
    normHealth,
  };
}

/** The previous snapshot's score of latest row r: undefined without a previous row, null when not computable. */
function previousScore(
  input: PriorityColumnsInput,
  r: number,
  scoreOf: (rfm: number, health: number, churn: number) => number,
): number | null | undefined {
  const { previous, previousRow } = input;
  if (!previous || !previousRow) return undefined;
  const q = previousRow[r] as number;
  if (q < 0) return undefined;
  const recency = previous.recency[q] as number;
  const frequency = previous.frequency[q] as number;
  const monetary = previous.monetary[q] as number;
  const health = previous.health[q] as number;
  const churn = previous.churn[q] as number;
  if (
    Number.isNaN(recency) ||
    Number.isNaN(frequency) ||
    Number.isNaN(monetary) ||
    Number.isNaN(health) ||
    Number.isNaN(churn)
  ) {
    return null;
  }
  return scoreOf((recency + frequency + monetary) / 3, health, churn);
}

/** Each row's §3 segment code, worked out as valueSegmentOf does from its tier and portfolio share. */
function segmentCoder(input: PriorityColumnsInput): (r: number) => number {
  const { tier, portfolioPct } = input;
  const { indices, dictionary } = tier;
  return (r) => {
    const code = indices[r] as number;
    const pct = portfolioPct[r] as number;
    const segment = valueSegmentOf(code < 0 ? null : (dictionary[code] as string), Number.isNaN(pct) ? null : pct);
    return VALUE_SEGMENTS.indexOf(segment);
  };
}

/** The ScoredCustomer computePriority ranks at position p (0-based), for `customer`, the value row it ranks. */
export function scoredRowAt(ranked: RankedPriorityColumns, p: number, customer: ValueCustomer): ScoredCustomer {
  const priority = ranked.priority[p] as number;
  const previousPriority = ranked.hasPreviousPriority[p] === 1 ? (ranked.previousPriority[p] as number) : null;
  const rfm = ranked.rfm[p] as number;
  return {
    customer,
    segment: VALUE_SEGMENTS[ranked.segment[p] as number] as ScoredCustomer['segment'],
    rank: p + 1,
    rfm,
    normRfm: ranked.normRfm(rfm),
    normHealth: ranked.normHealth(customer.health as number),
    priority,
    cumeDist: ranked.cumeDist[p] as number,
    previousPriority,
    change: previousPriority === null ? null : priority - previousPriority,
    route: PRIORITY_ROUTES[ranked.route[p] as number] as PriorityRoute,
  };
}

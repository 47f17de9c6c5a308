import { type PriorityInputs, rfmComposite, type ValueCustomer } from '../value-segments/value-customer.js';
import { type ValueSegment, valueSegmentOf } from '../value-segments/value-segment.js';
import { compareScored, rankingOrder } from './priority-ranking-order.js';
import { PRIORITY_ROUTES, type PriorityRoute } from './priority-routes.js';
import { priorityScaling } from './priority-scaling.js';

/**
 * §4 priority = w_rfm·norm(RFM composite) + w_health·norm(health) − w_churn·churn, normalised
 * (min-max) over every latest value row having R, F, M, health and churn. Filters are applied
 * afterwards, so a customer's priority and rank do not change with the view asked for.
 */

export interface PriorityWeights {
  readonly rfm: number;
  readonly health: number;
  readonly churn: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { rfm: 0.4, health: 0.4, churn: 0.2 };

/** A fall in priority larger than this since the previous snapshot routes to manual intervention. */
export const DEFAULT_DROP_THRESHOLD = 0.1;

/** HV customers at or above this priority cume_dist (the top 20%) get dedicated acceleration. */
export const DEFAULT_ACCELERATION_CUME_DIST = 0.8;

export interface PriorityOptions {
  readonly weights: PriorityWeights;
  readonly dropThreshold: number;
  readonly accelerationCumeDist: number;
}

export const DEFAULT_PRIORITY_OPTIONS: PriorityOptions = {
  weights: DEFAULT_PRIORITY_WEIGHTS,
  dropThreshold: DEFAULT_DROP_THRESHOLD,
  accelerationCumeDist: DEFAULT_ACCELERATION_CUME_DIST,
};

export const PRIORITY_INPUTS = ['recency', 'frequency', 'monetary', 'health', 'churn'] as const;
export type PriorityInput = (typeof PRIORITY_INPUTS)[number];

export interface ScoredCustomer {
  readonly customer: ValueCustomer;
  readonly segment: ValueSegment;
  /** 1 = highest priority; ties by email ascending. */
  readonly rank: number;
  readonly rfm: number;
  readonly normRfm: number;
  readonly normHealth: number;
  readonly priority: number;
  readonly cumeDist: number;
  /** The same formula on the previous snapshot with this population's min-max; null if not computable. */
  readonly previousPriority: number | null;
  /** priority − previousPriority (negative = fell). */
  readonly change: number | null;
  readonly route: PriorityRoute;
}

export interface MinMax {
  readonly min: number;
  readonly max: number;
}

export interface PriorityResult {
  readonly options: PriorityOptions;
  /** Customers scored (latest rows with all five inputs). */
  readonly n: number;
  /** Latest rows left out for a missing input, and how often each input was missing. */
  readonly excluded: number;
  readonly missingInputs: Readonly<Record<PriorityInput, number>>;
  readonly scale: { readonly rfm: MinMax | null; readonly health: MinMax | null };
  /** Scored customers with a previous snapshot, and those whose previous snapshot had every input. */
  readonly withPrevious: number;
  readonly comparable: number;
  readonly routeCounts: Readonly<Record<PriorityRoute, number>>;
  /** Sorted by priority descending, then email ascending. */
  readonly ranked: readonly ScoredCustomer[];
  /** Index into the input customers of each ranked row: `ranked[p].customer === customers[rankedFrom[p]]`. */
  readonly rankedFrom: Uint32Array;
}
/** The scoring pass both computePriority and priorityStanding share, so one customer's figures match the full ranking. */
interface ScoredPopulation {
  readonly missingInputs: Record<PriorityInput, number>;
  /** Indices into `customers` of the scored ones; the arrays below are parallel to it. */
  readonly members: number[];
  readonly rfms: number[];
  readonly priorities: Float64Array;
  readonly emails: string[];
  readonly rfmMin: number;
  readonly rfmMax: number;
  readonly healthMin: number;
  readonly healthMax: number;
  readonly normRfm: (x: number) => number;
  readonly normHealth: (x: number) => number;
  readonly scoreOf: (rfm: number, health: number, churn: number) => number;
}

function scorePopulation(customers: readonly ValueCustomer[], options: PriorityOptions): ScoredPopulation {
  const missingInputs: Record<PriorityInput, number> = { recency: 0, frequency: 0, monetary: 0, health: 0, churn: 0 };
  // Column arrays over the scored customers: no per-row wrapper objects before the result rows.
  const members: number[] = [];
  const rfms: number[] = [];
  let rfmMin = Number.POSITIVE_INFINITY;
  let rfmMax = Number.NEGATIVE_INFINITY;
  let healthMin = Number.POSITIVE_INFINITY;
  let healthMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i] as ValueCustomer;
    if (customer.recency === null) missingInputs.recency++;
    if (customer.frequency === null) missingInputs.frequency++;
    if (customer.monetary === null) missingInputs.monetary++;
    if (customer.health === null) missingInputs.health++;
    if (customer.churn === null) missingInputs.churn++;
    if (
      customer.recency === null ||
      customer.frequency === null ||
      customer.monetary === null ||
      customer.health === null ||
      customer.churn === null
    ) {
      continue;
    }
    const rfm = rfmComposite(customer) as number;
    const health = customer.health as number;
    if (rfm < rfmMin) rfmMin = rfm;
    if (rfm > rfmMax) rfmMax = rfm;
    if (health < healthMin) healthMin = health;
    if (health > healthMax) healthMax = health;
    members.push(i);
    rfms.push(rfm);
  }

  const { weights } = options;
  const { normRfm, normHealth, scoreOf } = priorityScaling(weights, rfmMin, rfmMax, healthMin, healthMax);

  const n = members.length;
  const priorities = new Float64Array(n);
  const emails = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const c = customers[members[k] as number] as ValueCustomer;
    priorities[k] = scoreOf(rfms[k] as number, c.health as number, c.churn as number);
    emails[k] = c.email;
  }
  return {
    missingInputs,
    members,
    rfms,
    priorities,
    emails,
    rfmMin,
    rfmMax,
    healthMin,
    healthMax,
    normRfm,
    normHealth,
    scoreOf,
  };
}

/** The result row of the k-th scored customer, given its rank and the count of priorities above its own. */
function scoredRow(
  customers: readonly ValueCustomer[],
  scored: ScoredPopulation,
  k: number,
  rank: number,
  above: number,
  options: PriorityOptions,
): ScoredCustomer {
  const n = scored.members.length;
  const priority = scored.priorities[k] as number;
  // Every priority ≤ this one is at or after the start of its tie run in descending order.
  const cumeDist = (n - above) / n;
  const customer = customers[scored.members[k] as number] as ValueCustomer;
  const rfm = scored.rfms[k] as number;
  const previousPriority = previousScore(customer.previous, scored.scoreOf);
  const change = previousPriority === null ? null : priority - previousPriority;
  const segment = valueSegmentOf(customer.tier, customer.portfolioPct);
  return {
    customer,
    segment,
    rank,
    rfm,
    normRfm: scored.normRfm(rfm),
    normHealth: scored.normHealth(customer.health as number),
    priority,
    cumeDist,
    previousPriority,
    change,
    route: routeOf(segment, cumeDist, change, options),
  };
}

export function computePriority(
  customers: readonly ValueCustomer[],
  options: PriorityOptions = DEFAULT_PRIORITY_OPTIONS,
): PriorityResult {
  const scored = scorePopulation(customers, options);
  const { priorities } = scored;
  const n = scored.members.length;
  const order = rankingOrder(scored);

  const routeCounts: Record<PriorityRoute, number> = Object.fromEntries(PRIORITY_ROUTES.map((r) => [r, 0])) as Record<
    PriorityRoute,
    number
  >;
  // Rank and tie-run start of each scored customer, then the rows built in input order: building
  // them in rank order read the customers at random, which at 1M cost more than the ranking.
  const rankOf = new Uint32Array(n);
  const runStartOf = new Uint32Array(n);
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const k = order[i] as number;
    if (i > 0 && priorities[k] !== priorities[order[i - 1] as number]) runStart = i;
    rankOf[k] = i + 1;
    runStartOf[k] = runStart;
  }
  const rows = new Array<ScoredCustomer>(n);
  let withPrevious = 0;
  let comparable = 0;
  for (let k = 0; k < n; k++) {
    const row = scoredRow(customers, scored, k, rankOf[k] as number, runStartOf[k] as number, options);
    if (row.customer.previous !== null) withPrevious++;
    if (row.previousPriority !== null) comparable++;
    routeCounts[row.route]++;
    rows[k] = row;
  }
  const ranked = new Array<ScoredCustomer>(n);
  const rankedFrom = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i] as number;
    ranked[i] = rows[k] as ScoredCustomer;
    rankedFrom[i] = scored.members[k] as number;
  }

  return {
    options,
    n,
    excluded: customers.length - n,
    missingInputs: scored.missingInputs,
    scale: {
      rfm: n > 0 ? { min: scored.rfmMin, max: scored.rfmMax } : null,
      health: n > 0 ? { min: scored.healthMin, max: scored.healthMax } : null,
    },
    withPrevious,
    comparable,
    routeCounts,
    ranked,
    rankedFrom,
  };
}

/**
 * One customer's row of `computePriority(customers, options).ranked` (the first with that email in
 * ranking order), without sorting or building a row for everyone: its rank and cume_dist are counts
 * over the population's priorities. /customer needs just this; the full ranking took seconds at 1M.
 */
export function priorityStanding(
  customers: readonly ValueCustomer[],
  email: string,
  options: PriorityOptions = DEFAULT_PRIORITY_OPTIONS,
): { readonly n: number; readonly row: ScoredCustomer | null } {
  const scored = scorePopulation(customers, options);
  const { priorities, emails } = scored;
  const n = scored.members.length;
  let target = -1;
  for (let k = 0; k < n; k++) {
    if (emails[k] === email && (target < 0 || compareScored(scored, k, target) < 0)) target = k;
  }
  if (target < 0) return { n, row: null };
  const priority = priorities[target] as number;
  let before = 0;
  let above = 0;
  for (let k = 0; k < n; k++) {
    const order = compareScored(scored, k, target);
    // The stable sort keeps input order among rows the comparator calls equal.
    if (order < 0 || (order === 0 && k < target)) before++;
    if ((priorities[k] as number) > priority) above++;
  }
  return { n, row: scoredRow(customers, scored, target, before + 1, above, options) };
}

export function routeOf(
  segment: ValueSegment,
  cumeDist: number,
  change: number | null,
  options: Pick<PriorityOptions, 'dropThreshold' | 'accelerationCumeDist'>,
): PriorityRoute {
  if (change !== null && -change > options.dropThreshold) return 'manual-intervention';
  if (segment === 'HV' && cumeDist >= options.accelerationCumeDist) return 'dedicated-acceleration';
  if (segment === 'SMB') return 'automated-nurture';
  return 'standard';
}

/** The previous snapshot's score under this population's scale; null when it lacks an input. */
export function previousScore(
  previous: PriorityInputs | null,
  scoreOf: (rfm: number, health: number, churn: number) => number,
): number | null {
  if (previous === null) return null;
  const rfm = rfmComposite(previous);
  if (rfm === null || previous.health === null || previous.churn === null) return null;
  return scoreOf(rfm, previous.health, previous.churn);
}

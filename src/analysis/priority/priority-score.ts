import { minMaxScaler } from '../stats/scaling.js';
import { type PriorityInputs, rfmComposite, type ValueCustomer } from '../value-segments/value-customer.js';
import { type ValueSegment, valueSegmentOf } from '../value-segments/value-segment.js';
import { PRIORITY_ROUTES, type PriorityRoute } from './priority-routes.js';

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
}

export function computePriority(
  customers: readonly ValueCustomer[],
  options: PriorityOptions = DEFAULT_PRIORITY_OPTIONS,
): PriorityResult {
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
  const normRfm = minMaxScaler(rfmMin, rfmMax);
  const normHealth = minMaxScaler(healthMin, healthMax);
  const scoreOf = (rfm: number, health: number, churn: number): number =>
    weights.rfm * normRfm(rfm) + weights.health * normHealth(health) - weights.churn * churn;

  const n = members.length;
  const priorities = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = customers[members[k] as number] as ValueCustomer;
    priorities[k] = scoreOf(rfms[k] as number, c.health as number, c.churn as number);
  }
  const emails = new Array<string>(n);
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    emails[k] = (customers[members[k] as number] as ValueCustomer).email;
    order[k] = k;
  }
  order.sort(
    (a, b) =>
      (priorities[b] as number) - (priorities[a] as number) || compareText(emails[a] as string, emails[b] as string),
  );

  const routeCounts: Record<PriorityRoute, number> = Object.fromEntries(PRIORITY_ROUTES.map((r) => [r, 0])) as Record<
    PriorityRoute,
    number
  >;
  const ranked = new Array<ScoredCustomer>(n);
  let withPrevious = 0;
  let comparable = 0;
  // Sorted descending: every value from the start of a tie run to the end is ≤ it, so
  // cume_dist = (n − start of the run) / n.
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const k = order[i] as number;
    const priority = priorities[k] as number;
    if (i > 0 && priority !== priorities[order[i - 1] as number]) runStart = i;
    const cumeDist = (n - runStart) / n;
    const customer = customers[members[k] as number] as ValueCustomer;
    const rfm = rfms[k] as number;
    const previous = customer.previous;
    if (previous !== null) withPrevious++;
    const previousPriority = previousScore(previous, scoreOf);
    if (previousPriority !== null) comparable++;
    const change = previousPriority === null ? null : priority - previousPriority;
    const segment = valueSegmentOf(customer.tier, customer.portfolioPct);
    const route = routeOf(segment, cumeDist, change, options);
    routeCounts[route]++;
    ranked[i] = {
      customer,
      segment,
      rank: i + 1,
      rfm,
      normRfm: normRfm(rfm),
      normHealth: normHealth(customer.health as number),
      priority,
      cumeDist,
      previousPriority,
      change,
      route,
    };
  }

  return {
    options,
    n,
    excluded: customers.length - n,
    missingInputs,
    scale: {
      rfm: n > 0 ? { min: rfmMin, max: rfmMax } : null,
      health: n > 0 ? { min: healthMin, max: healthMax } : null,
    },
    withPrevious,
    comparable,
    routeCounts,
    ranked,
  };
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

function previousScore(
  previous: PriorityInputs | null,
  scoreOf: (rfm: number, health: number, churn: number) => number,
): number | null {
  if (previous === null) return null;
  const rfm = rfmComposite(previous);
  if (rfm === null || previous.health === null || previous.churn === null) return null;
  return scoreOf(rfm, previous.health, previous.churn);
}

/** Code-unit order, so ties break the same way on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

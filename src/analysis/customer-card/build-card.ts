import { type NextAction, nextAction } from '../next-action/next-action.js';
import type { PriorityRoute } from '../priority/priority-routes.js';
import { PRIORITY_INPUTS, type PriorityResult } from '../priority/priority-score.js';
import { median } from '../stats/descriptive.js';
import { rfmComposite, type ValueCustomer } from '../value-segments/value-customer.js';
import { type ValueSegment, valueSegmentOf } from '../value-segments/value-segment.js';
import type { ZoneMethod, ZoneName } from '../zones/zone-rules.js';
import type { CustomerZone, ZoneRule } from '../zones/zone-types.js';

/** The figures the card's chart compares with the tier's medians. */
export const CARD_METRICS = ['health', 'churn', 'ltv', 'rfm'] as const;
export type CardMetric = (typeof CARD_METRICS)[number];

export type CardPriority =
  | {
      readonly kind: 'ranked';
      readonly rank: number;
      readonly of: number;
      readonly priority: number;
      readonly cumeDist: number;
      readonly change: number | null;
      readonly route: PriorityRoute;
    }
  | {
      readonly kind: 'unavailable';
      readonly reason: string;
      /** The ranking inputs the customer's latest value row lacks; empty when it has them all. */
      readonly missing: readonly string[];
    };

export type CardZone =
  | {
      readonly kind: 'zoned';
      readonly zone: ZoneName;
      readonly score: number | null;
      readonly reason: string;
      readonly method: ZoneMethod;
      /** The rule that decided the zone, so a presenter can say the reason in another language. */
      readonly rule: ZoneRule;
    }
  | { readonly kind: 'unavailable'; readonly reason: string; readonly rule?: ZoneRule };

export interface TierMedians {
  readonly tier: string;
  /** Customers of the tier (each median is over those having the value). */
  readonly n: number;
  readonly medians: Readonly<Record<CardMetric, number | null>>;
}

export interface CustomerCard {
  readonly customer: ValueCustomer;
  readonly segment: ValueSegment;
  readonly rfm: number | null;
  readonly values: Readonly<Record<CardMetric, number | null>>;
  readonly priority: CardPriority;
  readonly zone: CardZone;
  readonly tierMedians: TierMedians | null;
  /** What to do next: the zone first, then the route (one rule for every surface). */
  readonly nextAction: NextAction;
}

/**
 * `tierMediansOf`: every customer (the medians are worked out over them), or the medians of a tier however the
 * caller works them out (tierMediansOfColumns).
 */
export function buildCustomerCard(
  customer: ValueCustomer,
  tierMediansOf: readonly ValueCustomer[] | ((tier: string) => TierMedians),
  priority: CardRanking,
  zone: CustomerZone | null,
): CustomerCard {
  const rfm = rfmComposite(customer);
  const ranked = cardPriority(customer, priority);
  const zoned = cardZone(zone);
  return {
    customer,
    segment: valueSegmentOf(customer.tier, customer.portfolioPct),
    rfm,
    values: { health: customer.health, churn: customer.churn, ltv: customer.ltv, rfm },
    priority: ranked,
    zone: zoned,
    tierMedians:
      customer.tier === null
        ? null
        : typeof tierMediansOf === 'function'
          ? tierMediansOf(customer.tier)
          : tierMedians(customer.tier, tierMediansOf),
    nextAction: nextAction({
      zone: zoned.kind === 'zoned' ? zoned.zone : null,
      route: ranked.kind === 'ranked' ? ranked.route : null,
    }),
  };
}

/**
 * The ranking the card reads its rank from: a whole PriorityResult, or just the customer's own row
 * (priorityStanding), which is all the card needs and far cheaper at a million customers.
 */
export type CardRanking = Pick<PriorityResult, 'n' | 'ranked'>;

function cardPriority(customer: ValueCustomer, result: CardRanking): CardPriority {
  const missing = PRIORITY_INPUTS.filter((input) => customer[input] === null);
  if (missing.length > 0) {
    return {
      kind: 'unavailable',
      reason: `the latest value row lacks ${missing.join(', ')}, so it cannot be ranked.`,
      missing,
    };
  }
  const row = result.ranked.find((r) => r.customer.email === customer.email);
  if (!row) return { kind: 'unavailable', reason: 'the customer is not in the ranked population.', missing: [] };
  return {
    kind: 'ranked',
    rank: row.rank,
    of: result.n,
    priority: row.priority,
    cumeDist: row.cumeDist,
    change: row.change,
    route: row.route,
  };
}

function cardZone(zone: CustomerZone | null): CardZone {
  if (zone === null) return { kind: 'unavailable', reason: 'the zone inputs have no row for this customer.' };
  if (zone.zone === null) return { kind: 'unavailable', reason: zone.reason, rule: zone.rule };
  return {
    kind: 'zoned',
    zone: zone.zone,
    score: zone.score,
    reason: zone.reason,
    method: zone.method,
    rule: zone.rule,
  };
}

export function tierMedians(tier: string, customers: readonly ValueCustomer[]): TierMedians {
  const columns: Record<CardMetric, number[]> = { health: [], churn: [], ltv: [], rfm: [] };
  let n = 0;
  for (const c of customers) {
    if (c.tier !== tier) continue;
    n++;
    if (c.health !== null) columns.health.push(c.health);
    if (c.churn !== null) columns.churn.push(c.churn);
    if (c.ltv !== null) columns.ltv.push(c.ltv);
    const rfm = rfmComposite(c);
    if (rfm !== null) columns.rfm.push(rfm);
  }
  return {
    tier,
    n,
    medians: {
      health: median(columns.health),
      churn: median(columns.churn),
      ltv: median(columns.ltv),
      rfm: median(columns.rfm),
    },
  };
}
